/** The public awards pages' documents: honour roll, certificate verification, public posting and comments. */
import { graphql } from '../../gql';

export const HonourEntryFields = graphql(`
  fragment HonourEntryFields on HonourEntry {
    code
    title
    titleLabel
    kind
    year
    communeName
    maskedName
    decisionNumber
    decidedOn
  }
`);

export const HonourRollQuery = graphql(`
  query HonourRoll($year: Int!, $communeCode: String, $parentCode: String!) {
    honourRoll(year: $year, communeCode: $communeCode) { ...HonourEntryFields }
    areas(parentCode: $parentCode, level: COMMUNE) { code name }
  }
`);

export const VerifyCertificateQuery = graphql(`
  query VerifyCertificate($code: String!) {
    verifyCertificate(code: $code) {
      status
      message
      revokedOn
      revokedReason
      entry { ...HonourEntryFields }
    }
  }
`);

export const PostedNominationsQuery = graphql(`
  query PostedNominations($cycleId: Int!) {
    postedNominations(cycleId: $cycleId) {
      id
      maskedName
      postedOn
      postingEndsOn
      commune { code name }
    }
  }
`);

export const AwardCyclesQuery = graphql(`
  query AwardCyclesPublic($year: Int) {
    awardCycles(year: $year) { id name titleLabel year nominationClosesOn closesOn certificateKind }
  }
`);

export const CommentOnNominationMutation = graphql(`
  mutation CommentOnNomination($nominationId: Int!, $body: String!) {
    commentOnNomination(nominationId: $nominationId, body: $body)
  }
`);

export const CommitteeCyclesQuery = graphql(`
  query CommitteeCycles($year: Int!) {
    awardCycles(year: $year) { id name titleLabel year closesOn rubric { code label weight } }
  }
`);

export const CommitteeNominationsQuery = graphql(`
  query CommitteeNominations($cycleId: Int!) {
    nominations(cycleId: $cycleId) {
      id
      state
      stateLabel
      nomineeName
      justification
      eligibilityCheckedOn
      eligibility { rule label status reason evidence }
      evidence { id note mimeType byteSize url }
      comments { id body createdAt }
    }
  }
`);

export const SubmitAwardReviewMutation = graphql(`
  mutation SubmitAwardReview($input: ReviewInput!) {
    submitAwardReview(input: $input)
  }
`);

export const DeclareConflictMutation = graphql(`
  mutation DeclareConflict($nominationId: Int!, $note: String!) {
    declareConflictOfInterest(nominationId: $nominationId, note: $note)
  }
`);
