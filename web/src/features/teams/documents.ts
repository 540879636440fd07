/** Team page, my teams, and the activity log's mutation. */
import { graphql } from '../../gql';

export const MyTeamsQuery = graphql(`
  query MyTeams {
    myTeams { id name commune { code name } hamlets { code name } }
  }
`);

export const TeamMemberFields = graphql(`
  fragment TeamMemberFields on TeamMember { id fullName phone role organisation isAmbassador active joinedOn }
`);

export const AddTeamMemberMutation = graphql(`
  mutation AddTeamMember($teamId: Int!, $input: MemberInput!) {
    addTeamMember(teamId: $teamId, input: $input) { ...TeamMemberFields }
  }
`);

export const UpdateTeamMemberMutation = graphql(`
  mutation UpdateTeamMember($id: Int!, $input: MemberInput!) {
    updateTeamMember(id: $id, input: $input) { ...TeamMemberFields }
  }
`);

export const TeamPageQuery = graphql(`
  query TeamPage($id: Int!, $period: String!) {
    team(id: $id) {
      id
      name
      decisionNumber
      foundedOn
      members
      activeMembers
      ambassadors
      active
      commune { code name }
      hamlets { code name }
      memberList { ...TeamMemberFields }
    }
    teamProgress(teamId: $id, period: $period) {
      period
      atRisk
      completion { value numerator denominator }
      targets { metric targetValue achieved completion elapsedShare projected status }
    }
  }
`);

export const TeamActivitiesQuery = graphql(`
  query TeamActivities($id: Int!, $limit: Int!, $before: Int) {
    teamActivities(teamId: $id, limit: $limit, before: $before) {
      id clientId hamletCode metric quantity activityOn note recordedAt
    }
  }
`);

export const LogActivitiesMutation = graphql(`
  mutation LogActivities($inputs: [ActivityInput!]!) {
    logActivities(inputs: $inputs) { duplicate record { id clientId } }
  }
`);

export const CommuneTeamsQuery = graphql(`
  query CommuneTeams($code: String!, $period: String!) {
    teams(communeCode: $code) { id name active hamlets { code name } }
    communeTargetPlan(communeCode: $code, period: $period) {
      period
      allocations { metric communeTarget { value } teamTargetsSum shortfall warning }
      teamTargets { metric value teamId }
    }
    atRisk(period: $period, communeCode: $code) {
      teams {
        team { id name hamlets { code } }
        completion { value }
        targets { metric targetValue achieved status projected }
      }
    }
  }
`);

export const HamletTeamsQuery = graphql(`
  query HamletTeams($code: String!, $period: String!) {
    teamsProgress(communeCode: $code, period: $period) {
      team { id name hamlets { code name } activeMembers ambassadors }
      atRisk
      completion { value }
      targets { metric targetValue achieved completion elapsedShare projected status }
    }
  }
`);

export const TargetPlanQuery = graphql(`
  query TargetPlan($code: String!, $period: String!) {
    teams(communeCode: $code) { id name active }
    communeTargetPlan(communeCode: $code, period: $period) {
      period
      commune { code name }
      allocations { metric communeTarget { id metric period value version } teamTargetsSum shortfall warning }
      teamTargets { id metric period value version teamId }
    }
  }
`);

export const TargetCommunesQuery = graphql(`
  query TargetCommunes($parentCode: String!) {
    areas(parentCode: $parentCode, level: COMMUNE) { code name }
  }
`);

export const SetTeamTargetMutation = graphql(`
  mutation SetTeamTarget($input: TeamTargetInput!) {
    setTeamTarget(input: $input) { target { id metric period value version teamId } warnings }
  }
`);

export const SetCommuneTargetMutation = graphql(`
  mutation SetCommuneTarget($input: CommuneTargetInput!) {
    setCommuneTarget(input: $input) { target { id metric period value version } warnings }
  }
`);
