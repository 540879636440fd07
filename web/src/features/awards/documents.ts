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
  query CommitteeCycles {
    awardCycles { id name titleLabel year closesOn rubric { code label weight } }
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
      myReview { scores { code score } vote submitted recused autoRecused conflictNote }
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

/** Signed-in steps: cycle setup (province admin), nomination (commune chair), results and decision (committee chair). */
export const EligibilityFields = graphql(`
  fragment EligibilityFields on EligibilityCheck { rule label status reason evidence }
`);

export const AdminCyclesQuery = graphql(`
  query AdminCycles {
    awardCycles {
      id name title titleLabel year nominationOpensOn nominationClosesOn closesOn quotaPerCommune quotaTotal
      quorumNumerator quorumDenominator approvalRule decidingLevel certificateKind
      rubric { code label weight }
      committee { fullName isChair }
    }
    awardCommitteeCandidates { id username fullName }
  }
`);

export const OpenAwardCycleMutation = graphql(`
  mutation OpenAwardCycle($input: AwardCycleInput!) {
    openAwardCycle(input: $input) { id name year titleLabel }
  }
`);

export const NominateCyclesQuery = graphql(`
  query NominateCycles {
    awardCycles { id name title titleLabel year nominationOpensOn nominationClosesOn closesOn quotaPerCommune quotaTotal decidingLevel certificateKind }
  }
`);

export const NominatePageQuery = graphql(`
  query NominatePage($cycleId: Int!, $communeCode: String!) {
    awardQuota(cycleId: $cycleId, communeCode: $communeCode) { communeUsed quotaPerCommune totalUsed quotaTotal }
    suggestedCandidates(cycleId: $cycleId, communeCode: $communeCode) {
      code name since residentsPassed teamId
      eligibility { ...EligibilityFields }
    }
    nominations(cycleId: $cycleId, communeCode: $communeCode) {
      id state stateLabel nomineeName justification postedOn postingEndsOn
      eligibility { ...EligibilityFields }
      evidence { id note mimeType byteSize url }
      certificate { code pdfUrl revokedOn }
    }
  }
`);

export const CreateNominationMutation = graphql(`
  mutation CreateNomination($input: NominationInput!) {
    createNomination(input: $input) { id state stateLabel nomineeName }
  }
`);

export const SubmitNominationMutation = graphql(`
  mutation SubmitNomination($id: Int!) {
    submitNomination(id: $id) { id state stateLabel }
  }
`);

export const AddNominationEvidenceMutation = graphql(`
  mutation AddNominationEvidence($nominationId: Int!, $note: String!) {
    addNominationEvidence(nominationId: $nominationId, note: $note)
  }
`);

export const ResultsCyclesQuery = graphql(`
  query ResultsCycles {
    awardCycles { id name titleLabel year nominationClosesOn closesOn quotaPerCommune quotaTotal quorumNumerator quorumDenominator
      approvalRule decidingLevel certificateKind viewerIsChair rubric { code label weight } }
  }
`);

export const AwardResultsQuery = graphql(`
  query AwardResults($cycleId: Int!) {
    awardResults(cycleId: $cycleId) {
      voters recused ballots votesFor votesAgainst quorumMet approved score rank withinQuota
      nomination {
        id state stateLabel nomineeName postedOn postingEndsOn
        commune { code name }
        certificate { code pdfUrl revokedOn }
      }
    }
  }
`);

export const CloseAwardReviewMutation = graphql(`
  mutation CloseAwardReview($cycleId: Int!) {
    closeAwardReview(cycleId: $cycleId) { id state }
  }
`);

export const RecordAwardDecisionMutation = graphql(`
  mutation RecordAwardDecision($input: DecisionInput!) {
    recordAwardDecision(input: $input) { id number decidedOn signer certificateCodes }
  }
`);
