/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment LeaderboardRow on LeaderboardEntry {\n    rank\n    ranked\n    previousRank\n    value\n    numerator\n    denominator\n    isDigitalHamlet\n    area { code name level }\n  }\n": typeof types.LeaderboardRowFragmentDoc,
    "\n  query Me {\n    me { username fullName role areaCodes }\n  }\n": typeof types.MeDocument,
    "\n  mutation SignIn($username: String!, $password: String!) {\n    signIn(username: $username, password: $password) { username fullName role areaCodes }\n  }\n": typeof types.SignInDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": typeof types.SignOutDocument,
    "\n  fragment HonourEntryFields on HonourEntry {\n    code\n    title\n    titleLabel\n    kind\n    year\n    communeName\n    maskedName\n    decisionNumber\n    decidedOn\n  }\n": typeof types.HonourEntryFieldsFragmentDoc,
    "\n  query HonourRoll($year: Int!, $communeCode: String, $parentCode: String!) {\n    honourRoll(year: $year, communeCode: $communeCode) { ...HonourEntryFields }\n    areas(parentCode: $parentCode, level: COMMUNE) { code name }\n  }\n": typeof types.HonourRollDocument,
    "\n  query VerifyCertificate($code: String!) {\n    verifyCertificate(code: $code) {\n      status\n      message\n      revokedOn\n      revokedReason\n      entry { ...HonourEntryFields }\n    }\n  }\n": typeof types.VerifyCertificateDocument,
    "\n  query PostedNominations($cycleId: Int!) {\n    postedNominations(cycleId: $cycleId) {\n      id\n      maskedName\n      postedOn\n      postingEndsOn\n      commune { code name }\n    }\n  }\n": typeof types.PostedNominationsDocument,
    "\n  query AwardCyclesPublic($year: Int) {\n    awardCycles(year: $year) { id name titleLabel year nominationClosesOn closesOn certificateKind }\n  }\n": typeof types.AwardCyclesPublicDocument,
    "\n  mutation CommentOnNomination($nominationId: Int!, $body: String!) {\n    commentOnNomination(nominationId: $nominationId, body: $body)\n  }\n": typeof types.CommentOnNominationDocument,
    "\n  query CommitteeCycles {\n    awardCycles { id name titleLabel year closesOn rubric { code label weight } }\n  }\n": typeof types.CommitteeCyclesDocument,
    "\n  query CommitteeNominations($cycleId: Int!) {\n    nominations(cycleId: $cycleId) {\n      id\n      state\n      stateLabel\n      nomineeName\n      justification\n      eligibilityCheckedOn\n      eligibility { rule label status reason evidence }\n      evidence { id note mimeType byteSize url }\n      comments { id body createdAt }\n      myReview { scores { code score } vote submitted recused autoRecused conflictNote }\n    }\n  }\n": typeof types.CommitteeNominationsDocument,
    "\n  mutation SubmitAwardReview($input: ReviewInput!) {\n    submitAwardReview(input: $input)\n  }\n": typeof types.SubmitAwardReviewDocument,
    "\n  mutation DeclareConflict($nominationId: Int!, $note: String!) {\n    declareConflictOfInterest(nominationId: $nominationId, note: $note)\n  }\n": typeof types.DeclareConflictDocument,
    "\n  fragment EligibilityFields on EligibilityCheck { rule label status reason evidence }\n": typeof types.EligibilityFieldsFragmentDoc,
    "\n  query AdminCycles {\n    awardCycles {\n      id name title titleLabel year nominationOpensOn nominationClosesOn closesOn quotaPerCommune quotaTotal\n      quorumNumerator quorumDenominator approvalRule decidingLevel certificateKind\n      rubric { code label weight }\n      committee { fullName isChair }\n    }\n    awardCommitteeCandidates { id username fullName }\n  }\n": typeof types.AdminCyclesDocument,
    "\n  mutation OpenAwardCycle($input: AwardCycleInput!) {\n    openAwardCycle(input: $input) { id name year titleLabel }\n  }\n": typeof types.OpenAwardCycleDocument,
    "\n  query NominateCycles {\n    awardCycles { id name title titleLabel year nominationOpensOn nominationClosesOn closesOn quotaPerCommune quotaTotal decidingLevel certificateKind }\n  }\n": typeof types.NominateCyclesDocument,
    "\n  query NominatePage($cycleId: Int!, $communeCode: String!) {\n    awardQuota(cycleId: $cycleId, communeCode: $communeCode) { communeUsed quotaPerCommune totalUsed quotaTotal }\n    suggestedCandidates(cycleId: $cycleId, communeCode: $communeCode) {\n      code name since residentsPassed teamId\n      eligibility { ...EligibilityFields }\n    }\n    nominations(cycleId: $cycleId, communeCode: $communeCode) {\n      id state stateLabel nomineeName justification postedOn postingEndsOn\n      eligibility { ...EligibilityFields }\n      evidence { id note mimeType byteSize url }\n      certificate { code pdfUrl revokedOn }\n    }\n  }\n": typeof types.NominatePageDocument,
    "\n  mutation CreateNomination($input: NominationInput!) {\n    createNomination(input: $input) { id state stateLabel nomineeName }\n  }\n": typeof types.CreateNominationDocument,
    "\n  mutation SubmitNomination($id: Int!) {\n    submitNomination(id: $id) { id state stateLabel }\n  }\n": typeof types.SubmitNominationDocument,
    "\n  mutation AddNominationEvidence($nominationId: Int!, $note: String!) {\n    addNominationEvidence(nominationId: $nominationId, note: $note)\n  }\n": typeof types.AddNominationEvidenceDocument,
    "\n  query ResultsCycles {\n    awardCycles { id name titleLabel year nominationClosesOn closesOn quotaPerCommune quotaTotal quorumNumerator quorumDenominator\n      approvalRule decidingLevel certificateKind viewerIsChair rubric { code label weight } }\n  }\n": typeof types.ResultsCyclesDocument,
    "\n  query AwardResults($cycleId: Int!) {\n    awardResults(cycleId: $cycleId) {\n      voters recused ballots votesFor votesAgainst quorumMet approved score rank withinQuota\n      nomination {\n        id state stateLabel nomineeName postedOn postingEndsOn\n        commune { code name }\n        certificate { code pdfUrl revokedOn }\n      }\n    }\n  }\n": typeof types.AwardResultsDocument,
    "\n  mutation CloseAwardReview($cycleId: Int!) {\n    closeAwardReview(cycleId: $cycleId) { id state }\n  }\n": typeof types.CloseAwardReviewDocument,
    "\n  mutation RecordAwardDecision($input: DecisionInput!) {\n    recordAwardDecision(input: $input) { id number decidedOn signer certificateCodes }\n  }\n": typeof types.RecordAwardDecisionDocument,
    "\n  query CommunePage($code: String!, $metric: Metric!, $asOf: Date!, $since: Date!) {\n    area(code: $code) {\n      code\n      name\n      level\n      parent { code name }\n      indicator(metric: $metric, asOf: $asOf) { value numerator denominator }\n      digitalHamlets(asOf: $asOf) { count total threshold }\n    }\n    leaderboard(parentCode: $code, metric: $metric, asOf: $asOf) { ...LeaderboardRow }\n    improvement: leaderboard(parentCode: $code, metric: $metric, asOf: $asOf, improvementSince: $since) { ...LeaderboardRow }\n  }\n": typeof types.CommunePageDocument,
    "\n  query ComparedHamlet($code: String!, $metric: Metric!, $asOf: Date!, $from: Date!) {\n    area(code: $code) {\n      code\n      name\n      indicator(metric: $metric, asOf: $asOf) { value numerator denominator }\n      series(metric: $metric, from: $from, to: $asOf) { date value }\n      criteria(asOf: $asOf) { code label households met share }\n    }\n  }\n": typeof types.ComparedHamletDocument,
    "\n  query CampaignCommune($code: String!) { area(code: $code) { code name } }\n": typeof types.CampaignCommuneDocument,
    "\n  query CampaignProvinceCommunes($code: String!) { area(code: $code) { code children { code name } } }\n": typeof types.CampaignProvinceCommunesDocument,
    "\n  query Campaigns($year: Int) {\n    campaigns(year: $year) {\n      campaign { id kind year name startsOn endsOn }\n      communesReported\n      reportedCommunes { code }\n      volunteers\n      peopleSupported\n      sessions\n    }\n  }\n": typeof types.CampaignsDocument,
    "\n  query CampaignReports($campaignId: Int!) {\n    campaignReports(campaignId: $campaignId) {\n      id\n      campaignId\n      commune { code name }\n      volunteers\n      peopleSupported\n      sessions\n      content\n      lessonsLearnt\n      updatedAt\n    }\n  }\n": typeof types.CampaignReportsDocument,
    "\n  mutation SubmitCampaignReport($input: CampaignReportInput!) {\n    submitCampaignReport(input: $input) { id campaignId volunteers peopleSupported sessions content lessonsLearnt updatedAt commune { code name } }\n  }\n": typeof types.SubmitCampaignReportDocument,
    "\n  query Markets($parentCode: String!) {\n    markets { id name commune { code name } vendors qrVendors metStandard standardMetOn version }\n    areas(parentCode: $parentCode, level: COMMUNE) { code name }\n  }\n": typeof types.MarketsDocument,
    "\n  mutation SaveMarket($input: MarketInput!) {\n    saveMarket(input: $input) { id name commune { code name } vendors qrVendors metStandard standardMetOn version }\n  }\n": typeof types.SaveMarketDocument,
    "\n  query HamletPage($code: String!, $asOf: Date!, $from: Date!) {\n    area(code: $code) {\n      code\n      name\n      kind\n      parent { code name parent { code name } }\n      family: indicator(metric: DIGITAL_FAMILY_RATE, asOf: $asOf) { value numerator denominator }\n      skill: indicator(metric: DIGITAL_SKILL_RATE, asOf: $asOf) { value numerator denominator }\n      digitalHamlets(asOf: $asOf) { count threshold }\n      familySeries: series(metric: DIGITAL_FAMILY_RATE, from: $from, to: $asOf) { date value }\n      skillSeries: series(metric: DIGITAL_SKILL_RATE, from: $from, to: $asOf) { date value }\n      criteria(asOf: $asOf) { code label households met share }\n    }\n  }\n": typeof types.HamletPageDocument,
    "\n  query CommuneChoices($parentCode: String!) {\n    areas(parentCode: $parentCode, level: COMMUNE) { code name }\n  }\n": typeof types.CommuneChoicesDocument,
    "\n  query AnyLeaderboard($parentCode: String!, $metric: Metric!, $asOf: Date!, $since: Date) {\n    leaderboard(parentCode: $parentCode, metric: $metric, asOf: $asOf, improvementSince: $since) { ...LeaderboardRow }\n  }\n": typeof types.AnyLeaderboardDocument,
    "\n  query ProvinceOverview($code: String!, $asOf: Date!, $previousAsOf: Date!, $from: Date!) {\n    area(code: $code) {\n      code\n      name\n      family: indicator(metric: DIGITAL_FAMILY_RATE, asOf: $asOf) { value numerator denominator }\n      familyBefore: indicator(metric: DIGITAL_FAMILY_RATE, asOf: $previousAsOf) { value }\n      skill: indicator(metric: DIGITAL_SKILL_RATE, asOf: $asOf) { value numerator denominator }\n      skillBefore: indicator(metric: DIGITAL_SKILL_RATE, asOf: $previousAsOf) { value }\n      digitalHamlets(asOf: $asOf) { count total threshold }\n      familySeries: series(metric: DIGITAL_FAMILY_RATE, from: $from, to: $asOf) { date value }\n      skillSeries: series(metric: DIGITAL_SKILL_RATE, from: $from, to: $asOf) { date value }\n    }\n  }\n": typeof types.ProvinceOverviewDocument,
    "\n  query CommunesLeaderboard($parentCode: String!, $metric: Metric!, $asOf: Date!) {\n    leaderboard(parentCode: $parentCode, metric: $metric, asOf: $asOf) { ...LeaderboardRow }\n  }\n": typeof types.CommunesLeaderboardDocument,
    "\n  query OverviewAtRisk($period: String!, $provinceCode: String!) {\n    atRisk(period: $period, provinceCode: $provinceCode) { communes { area { code } } }\n  }\n": typeof types.OverviewAtRiskDocument,
    "\n  query MyTeams {\n    myTeams { id name commune { code name } hamlets { code name } }\n  }\n": typeof types.MyTeamsDocument,
    "\n  fragment TeamMemberFields on TeamMember { id fullName phone role organisation isAmbassador active joinedOn }\n": typeof types.TeamMemberFieldsFragmentDoc,
    "\n  mutation AddTeamMember($teamId: Int!, $input: MemberInput!) {\n    addTeamMember(teamId: $teamId, input: $input) { ...TeamMemberFields }\n  }\n": typeof types.AddTeamMemberDocument,
    "\n  mutation UpdateTeamMember($id: Int!, $input: MemberInput!) {\n    updateTeamMember(id: $id, input: $input) { ...TeamMemberFields }\n  }\n": typeof types.UpdateTeamMemberDocument,
    "\n  query TeamPage($id: Int!, $period: String!) {\n    team(id: $id) {\n      id\n      name\n      decisionNumber\n      foundedOn\n      members\n      activeMembers\n      ambassadors\n      active\n      commune { code name }\n      hamlets { code name }\n      memberList { ...TeamMemberFields }\n    }\n    teamProgress(teamId: $id, period: $period) {\n      period\n      atRisk\n      completion { value numerator denominator }\n      targets { metric targetValue achieved completion elapsedShare projected status }\n    }\n  }\n": typeof types.TeamPageDocument,
    "\n  query TeamActivities($id: Int!, $limit: Int!, $before: Int) {\n    teamActivities(teamId: $id, limit: $limit, before: $before) {\n      id clientId hamletCode metric quantity activityOn note recordedAt\n    }\n  }\n": typeof types.TeamActivitiesDocument,
    "\n  mutation LogActivities($inputs: [ActivityInput!]!) {\n    logActivities(inputs: $inputs) { duplicate record { id clientId } }\n  }\n": typeof types.LogActivitiesDocument,
    "\n  query CommuneTeams($code: String!, $period: String!) {\n    teams(communeCode: $code) { id name active hamlets { code name } }\n    communeTargetPlan(communeCode: $code, period: $period) {\n      period\n      allocations { metric communeTarget { value } teamTargetsSum shortfall warning }\n      teamTargets { metric value teamId }\n    }\n    atRisk(period: $period, communeCode: $code) {\n      teams {\n        team { id name hamlets { code } }\n        completion { value }\n        targets { metric targetValue achieved status projected }\n      }\n    }\n  }\n": typeof types.CommuneTeamsDocument,
    "\n  query HamletTeams($code: String!, $period: String!) {\n    teamsProgress(communeCode: $code, period: $period) {\n      team { id name hamlets { code name } activeMembers ambassadors }\n      atRisk\n      completion { value }\n      targets { metric targetValue achieved completion elapsedShare projected status }\n    }\n  }\n": typeof types.HamletTeamsDocument,
    "\n  query TargetPlan($code: String!, $period: String!) {\n    teams(communeCode: $code) { id name active }\n    communeTargetPlan(communeCode: $code, period: $period) {\n      period\n      commune { code name }\n      allocations { metric communeTarget { id metric period value version } teamTargetsSum shortfall warning }\n      teamTargets { id metric period value version teamId }\n    }\n  }\n": typeof types.TargetPlanDocument,
    "\n  query TargetCommunes($parentCode: String!) {\n    areas(parentCode: $parentCode, level: COMMUNE) { code name }\n  }\n": typeof types.TargetCommunesDocument,
    "\n  mutation SetTeamTarget($input: TeamTargetInput!) {\n    setTeamTarget(input: $input) { target { id metric period value version teamId } warnings }\n  }\n": typeof types.SetTeamTargetDocument,
    "\n  mutation SetCommuneTarget($input: CommuneTargetInput!) {\n    setCommuneTarget(input: $input) { target { id metric period value version } warnings }\n  }\n": typeof types.SetCommuneTargetDocument,
};
const documents: Documents = {
    "\n  fragment LeaderboardRow on LeaderboardEntry {\n    rank\n    ranked\n    previousRank\n    value\n    numerator\n    denominator\n    isDigitalHamlet\n    area { code name level }\n  }\n": types.LeaderboardRowFragmentDoc,
    "\n  query Me {\n    me { username fullName role areaCodes }\n  }\n": types.MeDocument,
    "\n  mutation SignIn($username: String!, $password: String!) {\n    signIn(username: $username, password: $password) { username fullName role areaCodes }\n  }\n": types.SignInDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": types.SignOutDocument,
    "\n  fragment HonourEntryFields on HonourEntry {\n    code\n    title\n    titleLabel\n    kind\n    year\n    communeName\n    maskedName\n    decisionNumber\n    decidedOn\n  }\n": types.HonourEntryFieldsFragmentDoc,
    "\n  query HonourRoll($year: Int!, $communeCode: String, $parentCode: String!) {\n    honourRoll(year: $year, communeCode: $communeCode) { ...HonourEntryFields }\n    areas(parentCode: $parentCode, level: COMMUNE) { code name }\n  }\n": types.HonourRollDocument,
    "\n  query VerifyCertificate($code: String!) {\n    verifyCertificate(code: $code) {\n      status\n      message\n      revokedOn\n      revokedReason\n      entry { ...HonourEntryFields }\n    }\n  }\n": types.VerifyCertificateDocument,
    "\n  query PostedNominations($cycleId: Int!) {\n    postedNominations(cycleId: $cycleId) {\n      id\n      maskedName\n      postedOn\n      postingEndsOn\n      commune { code name }\n    }\n  }\n": types.PostedNominationsDocument,
    "\n  query AwardCyclesPublic($year: Int) {\n    awardCycles(year: $year) { id name titleLabel year nominationClosesOn closesOn certificateKind }\n  }\n": types.AwardCyclesPublicDocument,
    "\n  mutation CommentOnNomination($nominationId: Int!, $body: String!) {\n    commentOnNomination(nominationId: $nominationId, body: $body)\n  }\n": types.CommentOnNominationDocument,
    "\n  query CommitteeCycles {\n    awardCycles { id name titleLabel year closesOn rubric { code label weight } }\n  }\n": types.CommitteeCyclesDocument,
    "\n  query CommitteeNominations($cycleId: Int!) {\n    nominations(cycleId: $cycleId) {\n      id\n      state\n      stateLabel\n      nomineeName\n      justification\n      eligibilityCheckedOn\n      eligibility { rule label status reason evidence }\n      evidence { id note mimeType byteSize url }\n      comments { id body createdAt }\n      myReview { scores { code score } vote submitted recused autoRecused conflictNote }\n    }\n  }\n": types.CommitteeNominationsDocument,
    "\n  mutation SubmitAwardReview($input: ReviewInput!) {\n    submitAwardReview(input: $input)\n  }\n": types.SubmitAwardReviewDocument,
    "\n  mutation DeclareConflict($nominationId: Int!, $note: String!) {\n    declareConflictOfInterest(nominationId: $nominationId, note: $note)\n  }\n": types.DeclareConflictDocument,
    "\n  fragment EligibilityFields on EligibilityCheck { rule label status reason evidence }\n": types.EligibilityFieldsFragmentDoc,
    "\n  query AdminCycles {\n    awardCycles {\n      id name title titleLabel year nominationOpensOn nominationClosesOn closesOn quotaPerCommune quotaTotal\n      quorumNumerator quorumDenominator approvalRule decidingLevel certificateKind\n      rubric { code label weight }\n      committee { fullName isChair }\n    }\n    awardCommitteeCandidates { id username fullName }\n  }\n": types.AdminCyclesDocument,
    "\n  mutation OpenAwardCycle($input: AwardCycleInput!) {\n    openAwardCycle(input: $input) { id name year titleLabel }\n  }\n": types.OpenAwardCycleDocument,
    "\n  query NominateCycles {\n    awardCycles { id name title titleLabel year nominationOpensOn nominationClosesOn closesOn quotaPerCommune quotaTotal decidingLevel certificateKind }\n  }\n": types.NominateCyclesDocument,
    "\n  query NominatePage($cycleId: Int!, $communeCode: String!) {\n    awardQuota(cycleId: $cycleId, communeCode: $communeCode) { communeUsed quotaPerCommune totalUsed quotaTotal }\n    suggestedCandidates(cycleId: $cycleId, communeCode: $communeCode) {\n      code name since residentsPassed teamId\n      eligibility { ...EligibilityFields }\n    }\n    nominations(cycleId: $cycleId, communeCode: $communeCode) {\n      id state stateLabel nomineeName justification postedOn postingEndsOn\n      eligibility { ...EligibilityFields }\n      evidence { id note mimeType byteSize url }\n      certificate { code pdfUrl revokedOn }\n    }\n  }\n": types.NominatePageDocument,
    "\n  mutation CreateNomination($input: NominationInput!) {\n    createNomination(input: $input) { id state stateLabel nomineeName }\n  }\n": types.CreateNominationDocument,
    "\n  mutation SubmitNomination($id: Int!) {\n    submitNomination(id: $id) { id state stateLabel }\n  }\n": types.SubmitNominationDocument,
    "\n  mutation AddNominationEvidence($nominationId: Int!, $note: String!) {\n    addNominationEvidence(nominationId: $nominationId, note: $note)\n  }\n": types.AddNominationEvidenceDocument,
    "\n  query ResultsCycles {\n    awardCycles { id name titleLabel year nominationClosesOn closesOn quotaPerCommune quotaTotal quorumNumerator quorumDenominator\n      approvalRule decidingLevel certificateKind viewerIsChair rubric { code label weight } }\n  }\n": types.ResultsCyclesDocument,
    "\n  query AwardResults($cycleId: Int!) {\n    awardResults(cycleId: $cycleId) {\n      voters recused ballots votesFor votesAgainst quorumMet approved score rank withinQuota\n      nomination {\n        id state stateLabel nomineeName postedOn postingEndsOn\n        commune { code name }\n        certificate { code pdfUrl revokedOn }\n      }\n    }\n  }\n": types.AwardResultsDocument,
    "\n  mutation CloseAwardReview($cycleId: Int!) {\n    closeAwardReview(cycleId: $cycleId) { id state }\n  }\n": types.CloseAwardReviewDocument,
    "\n  mutation RecordAwardDecision($input: DecisionInput!) {\n    recordAwardDecision(input: $input) { id number decidedOn signer certificateCodes }\n  }\n": types.RecordAwardDecisionDocument,
    "\n  query CommunePage($code: String!, $metric: Metric!, $asOf: Date!, $since: Date!) {\n    area(code: $code) {\n      code\n      name\n      level\n      parent { code name }\n      indicator(metric: $metric, asOf: $asOf) { value numerator denominator }\n      digitalHamlets(asOf: $asOf) { count total threshold }\n    }\n    leaderboard(parentCode: $code, metric: $metric, asOf: $asOf) { ...LeaderboardRow }\n    improvement: leaderboard(parentCode: $code, metric: $metric, asOf: $asOf, improvementSince: $since) { ...LeaderboardRow }\n  }\n": types.CommunePageDocument,
    "\n  query ComparedHamlet($code: String!, $metric: Metric!, $asOf: Date!, $from: Date!) {\n    area(code: $code) {\n      code\n      name\n      indicator(metric: $metric, asOf: $asOf) { value numerator denominator }\n      series(metric: $metric, from: $from, to: $asOf) { date value }\n      criteria(asOf: $asOf) { code label households met share }\n    }\n  }\n": types.ComparedHamletDocument,
    "\n  query CampaignCommune($code: String!) { area(code: $code) { code name } }\n": types.CampaignCommuneDocument,
    "\n  query CampaignProvinceCommunes($code: String!) { area(code: $code) { code children { code name } } }\n": types.CampaignProvinceCommunesDocument,
    "\n  query Campaigns($year: Int) {\n    campaigns(year: $year) {\n      campaign { id kind year name startsOn endsOn }\n      communesReported\n      reportedCommunes { code }\n      volunteers\n      peopleSupported\n      sessions\n    }\n  }\n": types.CampaignsDocument,
    "\n  query CampaignReports($campaignId: Int!) {\n    campaignReports(campaignId: $campaignId) {\n      id\n      campaignId\n      commune { code name }\n      volunteers\n      peopleSupported\n      sessions\n      content\n      lessonsLearnt\n      updatedAt\n    }\n  }\n": types.CampaignReportsDocument,
    "\n  mutation SubmitCampaignReport($input: CampaignReportInput!) {\n    submitCampaignReport(input: $input) { id campaignId volunteers peopleSupported sessions content lessonsLearnt updatedAt commune { code name } }\n  }\n": types.SubmitCampaignReportDocument,
    "\n  query Markets($parentCode: String!) {\n    markets { id name commune { code name } vendors qrVendors metStandard standardMetOn version }\n    areas(parentCode: $parentCode, level: COMMUNE) { code name }\n  }\n": types.MarketsDocument,
    "\n  mutation SaveMarket($input: MarketInput!) {\n    saveMarket(input: $input) { id name commune { code name } vendors qrVendors metStandard standardMetOn version }\n  }\n": types.SaveMarketDocument,
    "\n  query HamletPage($code: String!, $asOf: Date!, $from: Date!) {\n    area(code: $code) {\n      code\n      name\n      kind\n      parent { code name parent { code name } }\n      family: indicator(metric: DIGITAL_FAMILY_RATE, asOf: $asOf) { value numerator denominator }\n      skill: indicator(metric: DIGITAL_SKILL_RATE, asOf: $asOf) { value numerator denominator }\n      digitalHamlets(asOf: $asOf) { count threshold }\n      familySeries: series(metric: DIGITAL_FAMILY_RATE, from: $from, to: $asOf) { date value }\n      skillSeries: series(metric: DIGITAL_SKILL_RATE, from: $from, to: $asOf) { date value }\n      criteria(asOf: $asOf) { code label households met share }\n    }\n  }\n": types.HamletPageDocument,
    "\n  query CommuneChoices($parentCode: String!) {\n    areas(parentCode: $parentCode, level: COMMUNE) { code name }\n  }\n": types.CommuneChoicesDocument,
    "\n  query AnyLeaderboard($parentCode: String!, $metric: Metric!, $asOf: Date!, $since: Date) {\n    leaderboard(parentCode: $parentCode, metric: $metric, asOf: $asOf, improvementSince: $since) { ...LeaderboardRow }\n  }\n": types.AnyLeaderboardDocument,
    "\n  query ProvinceOverview($code: String!, $asOf: Date!, $previousAsOf: Date!, $from: Date!) {\n    area(code: $code) {\n      code\n      name\n      family: indicator(metric: DIGITAL_FAMILY_RATE, asOf: $asOf) { value numerator denominator }\n      familyBefore: indicator(metric: DIGITAL_FAMILY_RATE, asOf: $previousAsOf) { value }\n      skill: indicator(metric: DIGITAL_SKILL_RATE, asOf: $asOf) { value numerator denominator }\n      skillBefore: indicator(metric: DIGITAL_SKILL_RATE, asOf: $previousAsOf) { value }\n      digitalHamlets(asOf: $asOf) { count total threshold }\n      familySeries: series(metric: DIGITAL_FAMILY_RATE, from: $from, to: $asOf) { date value }\n      skillSeries: series(metric: DIGITAL_SKILL_RATE, from: $from, to: $asOf) { date value }\n    }\n  }\n": types.ProvinceOverviewDocument,
    "\n  query CommunesLeaderboard($parentCode: String!, $metric: Metric!, $asOf: Date!) {\n    leaderboard(parentCode: $parentCode, metric: $metric, asOf: $asOf) { ...LeaderboardRow }\n  }\n": types.CommunesLeaderboardDocument,
    "\n  query OverviewAtRisk($period: String!, $provinceCode: String!) {\n    atRisk(period: $period, provinceCode: $provinceCode) { communes { area { code } } }\n  }\n": types.OverviewAtRiskDocument,
    "\n  query MyTeams {\n    myTeams { id name commune { code name } hamlets { code name } }\n  }\n": types.MyTeamsDocument,
    "\n  fragment TeamMemberFields on TeamMember { id fullName phone role organisation isAmbassador active joinedOn }\n": types.TeamMemberFieldsFragmentDoc,
    "\n  mutation AddTeamMember($teamId: Int!, $input: MemberInput!) {\n    addTeamMember(teamId: $teamId, input: $input) { ...TeamMemberFields }\n  }\n": types.AddTeamMemberDocument,
    "\n  mutation UpdateTeamMember($id: Int!, $input: MemberInput!) {\n    updateTeamMember(id: $id, input: $input) { ...TeamMemberFields }\n  }\n": types.UpdateTeamMemberDocument,
    "\n  query TeamPage($id: Int!, $period: String!) {\n    team(id: $id) {\n      id\n      name\n      decisionNumber\n      foundedOn\n      members\n      activeMembers\n      ambassadors\n      active\n      commune { code name }\n      hamlets { code name }\n      memberList { ...TeamMemberFields }\n    }\n    teamProgress(teamId: $id, period: $period) {\n      period\n      atRisk\n      completion { value numerator denominator }\n      targets { metric targetValue achieved completion elapsedShare projected status }\n    }\n  }\n": types.TeamPageDocument,
    "\n  query TeamActivities($id: Int!, $limit: Int!, $before: Int) {\n    teamActivities(teamId: $id, limit: $limit, before: $before) {\n      id clientId hamletCode metric quantity activityOn note recordedAt\n    }\n  }\n": types.TeamActivitiesDocument,
    "\n  mutation LogActivities($inputs: [ActivityInput!]!) {\n    logActivities(inputs: $inputs) { duplicate record { id clientId } }\n  }\n": types.LogActivitiesDocument,
    "\n  query CommuneTeams($code: String!, $period: String!) {\n    teams(communeCode: $code) { id name active hamlets { code name } }\n    communeTargetPlan(communeCode: $code, period: $period) {\n      period\n      allocations { metric communeTarget { value } teamTargetsSum shortfall warning }\n      teamTargets { metric value teamId }\n    }\n    atRisk(period: $period, communeCode: $code) {\n      teams {\n        team { id name hamlets { code } }\n        completion { value }\n        targets { metric targetValue achieved status projected }\n      }\n    }\n  }\n": types.CommuneTeamsDocument,
    "\n  query HamletTeams($code: String!, $period: String!) {\n    teamsProgress(communeCode: $code, period: $period) {\n      team { id name hamlets { code name } activeMembers ambassadors }\n      atRisk\n      completion { value }\n      targets { metric targetValue achieved completion elapsedShare projected status }\n    }\n  }\n": types.HamletTeamsDocument,
    "\n  query TargetPlan($code: String!, $period: String!) {\n    teams(communeCode: $code) { id name active }\n    communeTargetPlan(communeCode: $code, period: $period) {\n      period\n      commune { code name }\n      allocations { metric communeTarget { id metric period value version } teamTargetsSum shortfall warning }\n      teamTargets { id metric period value version teamId }\n    }\n  }\n": types.TargetPlanDocument,
    "\n  query TargetCommunes($parentCode: String!) {\n    areas(parentCode: $parentCode, level: COMMUNE) { code name }\n  }\n": types.TargetCommunesDocument,
    "\n  mutation SetTeamTarget($input: TeamTargetInput!) {\n    setTeamTarget(input: $input) { target { id metric period value version teamId } warnings }\n  }\n": types.SetTeamTargetDocument,
    "\n  mutation SetCommuneTarget($input: CommuneTargetInput!) {\n    setCommuneTarget(input: $input) { target { id metric period value version } warnings }\n  }\n": types.SetCommuneTargetDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LeaderboardRow on LeaderboardEntry {\n    rank\n    ranked\n    previousRank\n    value\n    numerator\n    denominator\n    isDigitalHamlet\n    area { code name level }\n  }\n"): (typeof documents)["\n  fragment LeaderboardRow on LeaderboardEntry {\n    rank\n    ranked\n    previousRank\n    value\n    numerator\n    denominator\n    isDigitalHamlet\n    area { code name level }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me { username fullName role areaCodes }\n  }\n"): (typeof documents)["\n  query Me {\n    me { username fullName role areaCodes }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($username: String!, $password: String!) {\n    signIn(username: $username, password: $password) { username fullName role areaCodes }\n  }\n"): (typeof documents)["\n  mutation SignIn($username: String!, $password: String!) {\n    signIn(username: $username, password: $password) { username fullName role areaCodes }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut {\n    signOut\n  }\n"): (typeof documents)["\n  mutation SignOut {\n    signOut\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment HonourEntryFields on HonourEntry {\n    code\n    title\n    titleLabel\n    kind\n    year\n    communeName\n    maskedName\n    decisionNumber\n    decidedOn\n  }\n"): (typeof documents)["\n  fragment HonourEntryFields on HonourEntry {\n    code\n    title\n    titleLabel\n    kind\n    year\n    communeName\n    maskedName\n    decisionNumber\n    decidedOn\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HonourRoll($year: Int!, $communeCode: String, $parentCode: String!) {\n    honourRoll(year: $year, communeCode: $communeCode) { ...HonourEntryFields }\n    areas(parentCode: $parentCode, level: COMMUNE) { code name }\n  }\n"): (typeof documents)["\n  query HonourRoll($year: Int!, $communeCode: String, $parentCode: String!) {\n    honourRoll(year: $year, communeCode: $communeCode) { ...HonourEntryFields }\n    areas(parentCode: $parentCode, level: COMMUNE) { code name }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VerifyCertificate($code: String!) {\n    verifyCertificate(code: $code) {\n      status\n      message\n      revokedOn\n      revokedReason\n      entry { ...HonourEntryFields }\n    }\n  }\n"): (typeof documents)["\n  query VerifyCertificate($code: String!) {\n    verifyCertificate(code: $code) {\n      status\n      message\n      revokedOn\n      revokedReason\n      entry { ...HonourEntryFields }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PostedNominations($cycleId: Int!) {\n    postedNominations(cycleId: $cycleId) {\n      id\n      maskedName\n      postedOn\n      postingEndsOn\n      commune { code name }\n    }\n  }\n"): (typeof documents)["\n  query PostedNominations($cycleId: Int!) {\n    postedNominations(cycleId: $cycleId) {\n      id\n      maskedName\n      postedOn\n      postingEndsOn\n      commune { code name }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AwardCyclesPublic($year: Int) {\n    awardCycles(year: $year) { id name titleLabel year nominationClosesOn closesOn certificateKind }\n  }\n"): (typeof documents)["\n  query AwardCyclesPublic($year: Int) {\n    awardCycles(year: $year) { id name titleLabel year nominationClosesOn closesOn certificateKind }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CommentOnNomination($nominationId: Int!, $body: String!) {\n    commentOnNomination(nominationId: $nominationId, body: $body)\n  }\n"): (typeof documents)["\n  mutation CommentOnNomination($nominationId: Int!, $body: String!) {\n    commentOnNomination(nominationId: $nominationId, body: $body)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CommitteeCycles {\n    awardCycles { id name titleLabel year closesOn rubric { code label weight } }\n  }\n"): (typeof documents)["\n  query CommitteeCycles {\n    awardCycles { id name titleLabel year closesOn rubric { code label weight } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CommitteeNominations($cycleId: Int!) {\n    nominations(cycleId: $cycleId) {\n      id\n      state\n      stateLabel\n      nomineeName\n      justification\n      eligibilityCheckedOn\n      eligibility { rule label status reason evidence }\n      evidence { id note mimeType byteSize url }\n      comments { id body createdAt }\n      myReview { scores { code score } vote submitted recused autoRecused conflictNote }\n    }\n  }\n"): (typeof documents)["\n  query CommitteeNominations($cycleId: Int!) {\n    nominations(cycleId: $cycleId) {\n      id\n      state\n      stateLabel\n      nomineeName\n      justification\n      eligibilityCheckedOn\n      eligibility { rule label status reason evidence }\n      evidence { id note mimeType byteSize url }\n      comments { id body createdAt }\n      myReview { scores { code score } vote submitted recused autoRecused conflictNote }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitAwardReview($input: ReviewInput!) {\n    submitAwardReview(input: $input)\n  }\n"): (typeof documents)["\n  mutation SubmitAwardReview($input: ReviewInput!) {\n    submitAwardReview(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeclareConflict($nominationId: Int!, $note: String!) {\n    declareConflictOfInterest(nominationId: $nominationId, note: $note)\n  }\n"): (typeof documents)["\n  mutation DeclareConflict($nominationId: Int!, $note: String!) {\n    declareConflictOfInterest(nominationId: $nominationId, note: $note)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment EligibilityFields on EligibilityCheck { rule label status reason evidence }\n"): (typeof documents)["\n  fragment EligibilityFields on EligibilityCheck { rule label status reason evidence }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminCycles {\n    awardCycles {\n      id name title titleLabel year nominationOpensOn nominationClosesOn closesOn quotaPerCommune quotaTotal\n      quorumNumerator quorumDenominator approvalRule decidingLevel certificateKind\n      rubric { code label weight }\n      committee { fullName isChair }\n    }\n    awardCommitteeCandidates { id username fullName }\n  }\n"): (typeof documents)["\n  query AdminCycles {\n    awardCycles {\n      id name title titleLabel year nominationOpensOn nominationClosesOn closesOn quotaPerCommune quotaTotal\n      quorumNumerator quorumDenominator approvalRule decidingLevel certificateKind\n      rubric { code label weight }\n      committee { fullName isChair }\n    }\n    awardCommitteeCandidates { id username fullName }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OpenAwardCycle($input: AwardCycleInput!) {\n    openAwardCycle(input: $input) { id name year titleLabel }\n  }\n"): (typeof documents)["\n  mutation OpenAwardCycle($input: AwardCycleInput!) {\n    openAwardCycle(input: $input) { id name year titleLabel }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NominateCycles {\n    awardCycles { id name title titleLabel year nominationOpensOn nominationClosesOn closesOn quotaPerCommune quotaTotal decidingLevel certificateKind }\n  }\n"): (typeof documents)["\n  query NominateCycles {\n    awardCycles { id name title titleLabel year nominationOpensOn nominationClosesOn closesOn quotaPerCommune quotaTotal decidingLevel certificateKind }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NominatePage($cycleId: Int!, $communeCode: String!) {\n    awardQuota(cycleId: $cycleId, communeCode: $communeCode) { communeUsed quotaPerCommune totalUsed quotaTotal }\n    suggestedCandidates(cycleId: $cycleId, communeCode: $communeCode) {\n      code name since residentsPassed teamId\n      eligibility { ...EligibilityFields }\n    }\n    nominations(cycleId: $cycleId, communeCode: $communeCode) {\n      id state stateLabel nomineeName justification postedOn postingEndsOn\n      eligibility { ...EligibilityFields }\n      evidence { id note mimeType byteSize url }\n      certificate { code pdfUrl revokedOn }\n    }\n  }\n"): (typeof documents)["\n  query NominatePage($cycleId: Int!, $communeCode: String!) {\n    awardQuota(cycleId: $cycleId, communeCode: $communeCode) { communeUsed quotaPerCommune totalUsed quotaTotal }\n    suggestedCandidates(cycleId: $cycleId, communeCode: $communeCode) {\n      code name since residentsPassed teamId\n      eligibility { ...EligibilityFields }\n    }\n    nominations(cycleId: $cycleId, communeCode: $communeCode) {\n      id state stateLabel nomineeName justification postedOn postingEndsOn\n      eligibility { ...EligibilityFields }\n      evidence { id note mimeType byteSize url }\n      certificate { code pdfUrl revokedOn }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateNomination($input: NominationInput!) {\n    createNomination(input: $input) { id state stateLabel nomineeName }\n  }\n"): (typeof documents)["\n  mutation CreateNomination($input: NominationInput!) {\n    createNomination(input: $input) { id state stateLabel nomineeName }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitNomination($id: Int!) {\n    submitNomination(id: $id) { id state stateLabel }\n  }\n"): (typeof documents)["\n  mutation SubmitNomination($id: Int!) {\n    submitNomination(id: $id) { id state stateLabel }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddNominationEvidence($nominationId: Int!, $note: String!) {\n    addNominationEvidence(nominationId: $nominationId, note: $note)\n  }\n"): (typeof documents)["\n  mutation AddNominationEvidence($nominationId: Int!, $note: String!) {\n    addNominationEvidence(nominationId: $nominationId, note: $note)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ResultsCycles {\n    awardCycles { id name titleLabel year nominationClosesOn closesOn quotaPerCommune quotaTotal quorumNumerator quorumDenominator\n      approvalRule decidingLevel certificateKind viewerIsChair rubric { code label weight } }\n  }\n"): (typeof documents)["\n  query ResultsCycles {\n    awardCycles { id name titleLabel year nominationClosesOn closesOn quotaPerCommune quotaTotal quorumNumerator quorumDenominator\n      approvalRule decidingLevel certificateKind viewerIsChair rubric { code label weight } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AwardResults($cycleId: Int!) {\n    awardResults(cycleId: $cycleId) {\n      voters recused ballots votesFor votesAgainst quorumMet approved score rank withinQuota\n      nomination {\n        id state stateLabel nomineeName postedOn postingEndsOn\n        commune { code name }\n        certificate { code pdfUrl revokedOn }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AwardResults($cycleId: Int!) {\n    awardResults(cycleId: $cycleId) {\n      voters recused ballots votesFor votesAgainst quorumMet approved score rank withinQuota\n      nomination {\n        id state stateLabel nomineeName postedOn postingEndsOn\n        commune { code name }\n        certificate { code pdfUrl revokedOn }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CloseAwardReview($cycleId: Int!) {\n    closeAwardReview(cycleId: $cycleId) { id state }\n  }\n"): (typeof documents)["\n  mutation CloseAwardReview($cycleId: Int!) {\n    closeAwardReview(cycleId: $cycleId) { id state }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordAwardDecision($input: DecisionInput!) {\n    recordAwardDecision(input: $input) { id number decidedOn signer certificateCodes }\n  }\n"): (typeof documents)["\n  mutation RecordAwardDecision($input: DecisionInput!) {\n    recordAwardDecision(input: $input) { id number decidedOn signer certificateCodes }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CommunePage($code: String!, $metric: Metric!, $asOf: Date!, $since: Date!) {\n    area(code: $code) {\n      code\n      name\n      level\n      parent { code name }\n      indicator(metric: $metric, asOf: $asOf) { value numerator denominator }\n      digitalHamlets(asOf: $asOf) { count total threshold }\n    }\n    leaderboard(parentCode: $code, metric: $metric, asOf: $asOf) { ...LeaderboardRow }\n    improvement: leaderboard(parentCode: $code, metric: $metric, asOf: $asOf, improvementSince: $since) { ...LeaderboardRow }\n  }\n"): (typeof documents)["\n  query CommunePage($code: String!, $metric: Metric!, $asOf: Date!, $since: Date!) {\n    area(code: $code) {\n      code\n      name\n      level\n      parent { code name }\n      indicator(metric: $metric, asOf: $asOf) { value numerator denominator }\n      digitalHamlets(asOf: $asOf) { count total threshold }\n    }\n    leaderboard(parentCode: $code, metric: $metric, asOf: $asOf) { ...LeaderboardRow }\n    improvement: leaderboard(parentCode: $code, metric: $metric, asOf: $asOf, improvementSince: $since) { ...LeaderboardRow }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ComparedHamlet($code: String!, $metric: Metric!, $asOf: Date!, $from: Date!) {\n    area(code: $code) {\n      code\n      name\n      indicator(metric: $metric, asOf: $asOf) { value numerator denominator }\n      series(metric: $metric, from: $from, to: $asOf) { date value }\n      criteria(asOf: $asOf) { code label households met share }\n    }\n  }\n"): (typeof documents)["\n  query ComparedHamlet($code: String!, $metric: Metric!, $asOf: Date!, $from: Date!) {\n    area(code: $code) {\n      code\n      name\n      indicator(metric: $metric, asOf: $asOf) { value numerator denominator }\n      series(metric: $metric, from: $from, to: $asOf) { date value }\n      criteria(asOf: $asOf) { code label households met share }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CampaignCommune($code: String!) { area(code: $code) { code name } }\n"): (typeof documents)["\n  query CampaignCommune($code: String!) { area(code: $code) { code name } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CampaignProvinceCommunes($code: String!) { area(code: $code) { code children { code name } } }\n"): (typeof documents)["\n  query CampaignProvinceCommunes($code: String!) { area(code: $code) { code children { code name } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Campaigns($year: Int) {\n    campaigns(year: $year) {\n      campaign { id kind year name startsOn endsOn }\n      communesReported\n      reportedCommunes { code }\n      volunteers\n      peopleSupported\n      sessions\n    }\n  }\n"): (typeof documents)["\n  query Campaigns($year: Int) {\n    campaigns(year: $year) {\n      campaign { id kind year name startsOn endsOn }\n      communesReported\n      reportedCommunes { code }\n      volunteers\n      peopleSupported\n      sessions\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CampaignReports($campaignId: Int!) {\n    campaignReports(campaignId: $campaignId) {\n      id\n      campaignId\n      commune { code name }\n      volunteers\n      peopleSupported\n      sessions\n      content\n      lessonsLearnt\n      updatedAt\n    }\n  }\n"): (typeof documents)["\n  query CampaignReports($campaignId: Int!) {\n    campaignReports(campaignId: $campaignId) {\n      id\n      campaignId\n      commune { code name }\n      volunteers\n      peopleSupported\n      sessions\n      content\n      lessonsLearnt\n      updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitCampaignReport($input: CampaignReportInput!) {\n    submitCampaignReport(input: $input) { id campaignId volunteers peopleSupported sessions content lessonsLearnt updatedAt commune { code name } }\n  }\n"): (typeof documents)["\n  mutation SubmitCampaignReport($input: CampaignReportInput!) {\n    submitCampaignReport(input: $input) { id campaignId volunteers peopleSupported sessions content lessonsLearnt updatedAt commune { code name } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Markets($parentCode: String!) {\n    markets { id name commune { code name } vendors qrVendors metStandard standardMetOn version }\n    areas(parentCode: $parentCode, level: COMMUNE) { code name }\n  }\n"): (typeof documents)["\n  query Markets($parentCode: String!) {\n    markets { id name commune { code name } vendors qrVendors metStandard standardMetOn version }\n    areas(parentCode: $parentCode, level: COMMUNE) { code name }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveMarket($input: MarketInput!) {\n    saveMarket(input: $input) { id name commune { code name } vendors qrVendors metStandard standardMetOn version }\n  }\n"): (typeof documents)["\n  mutation SaveMarket($input: MarketInput!) {\n    saveMarket(input: $input) { id name commune { code name } vendors qrVendors metStandard standardMetOn version }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HamletPage($code: String!, $asOf: Date!, $from: Date!) {\n    area(code: $code) {\n      code\n      name\n      kind\n      parent { code name parent { code name } }\n      family: indicator(metric: DIGITAL_FAMILY_RATE, asOf: $asOf) { value numerator denominator }\n      skill: indicator(metric: DIGITAL_SKILL_RATE, asOf: $asOf) { value numerator denominator }\n      digitalHamlets(asOf: $asOf) { count threshold }\n      familySeries: series(metric: DIGITAL_FAMILY_RATE, from: $from, to: $asOf) { date value }\n      skillSeries: series(metric: DIGITAL_SKILL_RATE, from: $from, to: $asOf) { date value }\n      criteria(asOf: $asOf) { code label households met share }\n    }\n  }\n"): (typeof documents)["\n  query HamletPage($code: String!, $asOf: Date!, $from: Date!) {\n    area(code: $code) {\n      code\n      name\n      kind\n      parent { code name parent { code name } }\n      family: indicator(metric: DIGITAL_FAMILY_RATE, asOf: $asOf) { value numerator denominator }\n      skill: indicator(metric: DIGITAL_SKILL_RATE, asOf: $asOf) { value numerator denominator }\n      digitalHamlets(asOf: $asOf) { count threshold }\n      familySeries: series(metric: DIGITAL_FAMILY_RATE, from: $from, to: $asOf) { date value }\n      skillSeries: series(metric: DIGITAL_SKILL_RATE, from: $from, to: $asOf) { date value }\n      criteria(asOf: $asOf) { code label households met share }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CommuneChoices($parentCode: String!) {\n    areas(parentCode: $parentCode, level: COMMUNE) { code name }\n  }\n"): (typeof documents)["\n  query CommuneChoices($parentCode: String!) {\n    areas(parentCode: $parentCode, level: COMMUNE) { code name }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AnyLeaderboard($parentCode: String!, $metric: Metric!, $asOf: Date!, $since: Date) {\n    leaderboard(parentCode: $parentCode, metric: $metric, asOf: $asOf, improvementSince: $since) { ...LeaderboardRow }\n  }\n"): (typeof documents)["\n  query AnyLeaderboard($parentCode: String!, $metric: Metric!, $asOf: Date!, $since: Date) {\n    leaderboard(parentCode: $parentCode, metric: $metric, asOf: $asOf, improvementSince: $since) { ...LeaderboardRow }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProvinceOverview($code: String!, $asOf: Date!, $previousAsOf: Date!, $from: Date!) {\n    area(code: $code) {\n      code\n      name\n      family: indicator(metric: DIGITAL_FAMILY_RATE, asOf: $asOf) { value numerator denominator }\n      familyBefore: indicator(metric: DIGITAL_FAMILY_RATE, asOf: $previousAsOf) { value }\n      skill: indicator(metric: DIGITAL_SKILL_RATE, asOf: $asOf) { value numerator denominator }\n      skillBefore: indicator(metric: DIGITAL_SKILL_RATE, asOf: $previousAsOf) { value }\n      digitalHamlets(asOf: $asOf) { count total threshold }\n      familySeries: series(metric: DIGITAL_FAMILY_RATE, from: $from, to: $asOf) { date value }\n      skillSeries: series(metric: DIGITAL_SKILL_RATE, from: $from, to: $asOf) { date value }\n    }\n  }\n"): (typeof documents)["\n  query ProvinceOverview($code: String!, $asOf: Date!, $previousAsOf: Date!, $from: Date!) {\n    area(code: $code) {\n      code\n      name\n      family: indicator(metric: DIGITAL_FAMILY_RATE, asOf: $asOf) { value numerator denominator }\n      familyBefore: indicator(metric: DIGITAL_FAMILY_RATE, asOf: $previousAsOf) { value }\n      skill: indicator(metric: DIGITAL_SKILL_RATE, asOf: $asOf) { value numerator denominator }\n      skillBefore: indicator(metric: DIGITAL_SKILL_RATE, asOf: $previousAsOf) { value }\n      digitalHamlets(asOf: $asOf) { count total threshold }\n      familySeries: series(metric: DIGITAL_FAMILY_RATE, from: $from, to: $asOf) { date value }\n      skillSeries: series(metric: DIGITAL_SKILL_RATE, from: $from, to: $asOf) { date value }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CommunesLeaderboard($parentCode: String!, $metric: Metric!, $asOf: Date!) {\n    leaderboard(parentCode: $parentCode, metric: $metric, asOf: $asOf) { ...LeaderboardRow }\n  }\n"): (typeof documents)["\n  query CommunesLeaderboard($parentCode: String!, $metric: Metric!, $asOf: Date!) {\n    leaderboard(parentCode: $parentCode, metric: $metric, asOf: $asOf) { ...LeaderboardRow }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OverviewAtRisk($period: String!, $provinceCode: String!) {\n    atRisk(period: $period, provinceCode: $provinceCode) { communes { area { code } } }\n  }\n"): (typeof documents)["\n  query OverviewAtRisk($period: String!, $provinceCode: String!) {\n    atRisk(period: $period, provinceCode: $provinceCode) { communes { area { code } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyTeams {\n    myTeams { id name commune { code name } hamlets { code name } }\n  }\n"): (typeof documents)["\n  query MyTeams {\n    myTeams { id name commune { code name } hamlets { code name } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TeamMemberFields on TeamMember { id fullName phone role organisation isAmbassador active joinedOn }\n"): (typeof documents)["\n  fragment TeamMemberFields on TeamMember { id fullName phone role organisation isAmbassador active joinedOn }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddTeamMember($teamId: Int!, $input: MemberInput!) {\n    addTeamMember(teamId: $teamId, input: $input) { ...TeamMemberFields }\n  }\n"): (typeof documents)["\n  mutation AddTeamMember($teamId: Int!, $input: MemberInput!) {\n    addTeamMember(teamId: $teamId, input: $input) { ...TeamMemberFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateTeamMember($id: Int!, $input: MemberInput!) {\n    updateTeamMember(id: $id, input: $input) { ...TeamMemberFields }\n  }\n"): (typeof documents)["\n  mutation UpdateTeamMember($id: Int!, $input: MemberInput!) {\n    updateTeamMember(id: $id, input: $input) { ...TeamMemberFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TeamPage($id: Int!, $period: String!) {\n    team(id: $id) {\n      id\n      name\n      decisionNumber\n      foundedOn\n      members\n      activeMembers\n      ambassadors\n      active\n      commune { code name }\n      hamlets { code name }\n      memberList { ...TeamMemberFields }\n    }\n    teamProgress(teamId: $id, period: $period) {\n      period\n      atRisk\n      completion { value numerator denominator }\n      targets { metric targetValue achieved completion elapsedShare projected status }\n    }\n  }\n"): (typeof documents)["\n  query TeamPage($id: Int!, $period: String!) {\n    team(id: $id) {\n      id\n      name\n      decisionNumber\n      foundedOn\n      members\n      activeMembers\n      ambassadors\n      active\n      commune { code name }\n      hamlets { code name }\n      memberList { ...TeamMemberFields }\n    }\n    teamProgress(teamId: $id, period: $period) {\n      period\n      atRisk\n      completion { value numerator denominator }\n      targets { metric targetValue achieved completion elapsedShare projected status }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TeamActivities($id: Int!, $limit: Int!, $before: Int) {\n    teamActivities(teamId: $id, limit: $limit, before: $before) {\n      id clientId hamletCode metric quantity activityOn note recordedAt\n    }\n  }\n"): (typeof documents)["\n  query TeamActivities($id: Int!, $limit: Int!, $before: Int) {\n    teamActivities(teamId: $id, limit: $limit, before: $before) {\n      id clientId hamletCode metric quantity activityOn note recordedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogActivities($inputs: [ActivityInput!]!) {\n    logActivities(inputs: $inputs) { duplicate record { id clientId } }\n  }\n"): (typeof documents)["\n  mutation LogActivities($inputs: [ActivityInput!]!) {\n    logActivities(inputs: $inputs) { duplicate record { id clientId } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CommuneTeams($code: String!, $period: String!) {\n    teams(communeCode: $code) { id name active hamlets { code name } }\n    communeTargetPlan(communeCode: $code, period: $period) {\n      period\n      allocations { metric communeTarget { value } teamTargetsSum shortfall warning }\n      teamTargets { metric value teamId }\n    }\n    atRisk(period: $period, communeCode: $code) {\n      teams {\n        team { id name hamlets { code } }\n        completion { value }\n        targets { metric targetValue achieved status projected }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CommuneTeams($code: String!, $period: String!) {\n    teams(communeCode: $code) { id name active hamlets { code name } }\n    communeTargetPlan(communeCode: $code, period: $period) {\n      period\n      allocations { metric communeTarget { value } teamTargetsSum shortfall warning }\n      teamTargets { metric value teamId }\n    }\n    atRisk(period: $period, communeCode: $code) {\n      teams {\n        team { id name hamlets { code } }\n        completion { value }\n        targets { metric targetValue achieved status projected }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HamletTeams($code: String!, $period: String!) {\n    teamsProgress(communeCode: $code, period: $period) {\n      team { id name hamlets { code name } activeMembers ambassadors }\n      atRisk\n      completion { value }\n      targets { metric targetValue achieved completion elapsedShare projected status }\n    }\n  }\n"): (typeof documents)["\n  query HamletTeams($code: String!, $period: String!) {\n    teamsProgress(communeCode: $code, period: $period) {\n      team { id name hamlets { code name } activeMembers ambassadors }\n      atRisk\n      completion { value }\n      targets { metric targetValue achieved completion elapsedShare projected status }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TargetPlan($code: String!, $period: String!) {\n    teams(communeCode: $code) { id name active }\n    communeTargetPlan(communeCode: $code, period: $period) {\n      period\n      commune { code name }\n      allocations { metric communeTarget { id metric period value version } teamTargetsSum shortfall warning }\n      teamTargets { id metric period value version teamId }\n    }\n  }\n"): (typeof documents)["\n  query TargetPlan($code: String!, $period: String!) {\n    teams(communeCode: $code) { id name active }\n    communeTargetPlan(communeCode: $code, period: $period) {\n      period\n      commune { code name }\n      allocations { metric communeTarget { id metric period value version } teamTargetsSum shortfall warning }\n      teamTargets { id metric period value version teamId }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TargetCommunes($parentCode: String!) {\n    areas(parentCode: $parentCode, level: COMMUNE) { code name }\n  }\n"): (typeof documents)["\n  query TargetCommunes($parentCode: String!) {\n    areas(parentCode: $parentCode, level: COMMUNE) { code name }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetTeamTarget($input: TeamTargetInput!) {\n    setTeamTarget(input: $input) { target { id metric period value version teamId } warnings }\n  }\n"): (typeof documents)["\n  mutation SetTeamTarget($input: TeamTargetInput!) {\n    setTeamTarget(input: $input) { target { id metric period value version teamId } warnings }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetCommuneTarget($input: CommuneTargetInput!) {\n    setCommuneTarget(input: $input) { target { id metric period value version } warnings }\n  }\n"): (typeof documents)["\n  mutation SetCommuneTarget($input: CommuneTargetInput!) {\n    setCommuneTarget(input: $input) { target { id metric period value version } warnings }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;