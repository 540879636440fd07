/** Team page, my teams, and the activity log's mutation. */
import { graphql } from '../../gql';

export const MyTeamsQuery = graphql(`
  query MyTeams {
    myTeams { id name commune { code name } hamlets { code name } }
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
      commune { code name }
      hamlets { code name }
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
  query TeamActivities($id: Int!, $limit: Int!) {
    teamActivities(teamId: $id, limit: $limit) {
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
        team { id name }
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
