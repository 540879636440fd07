/** The leaderboards page's documents: communes to choose from and any leaderboard. */
import { graphql } from '../../gql';

export const CommuneChoicesQuery = graphql(`
  query CommuneChoices($parentCode: String!) {
    areas(parentCode: $parentCode, level: COMMUNE) { code name }
  }
`);

export const AnyLeaderboardQuery = graphql(`
  query AnyLeaderboard($parentCode: String!, $metric: Metric!, $asOf: Date!, $since: Date) {
    leaderboard(parentCode: $parentCode, metric: $metric, asOf: $asOf, improvementSince: $since) { ...LeaderboardRow }
  }
`);
