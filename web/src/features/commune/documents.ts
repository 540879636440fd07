/** The commune page's documents: the commune, its hamlets' two rankings, and one compared hamlet. */
import { graphql } from '../../gql';

export const CommunePageQuery = graphql(`
  query CommunePage($code: String!, $metric: Metric!, $asOf: Date!, $since: Date!) {
    area(code: $code) {
      code
      name
      level
      parent { code name }
      indicator(metric: $metric, asOf: $asOf) { value numerator denominator }
      digitalHamlets(asOf: $asOf) { count total threshold }
    }
    leaderboard(parentCode: $code, metric: $metric, asOf: $asOf) { ...LeaderboardRow }
    improvement: leaderboard(parentCode: $code, metric: $metric, asOf: $asOf, improvementSince: $since) { ...LeaderboardRow }
  }
`);

export const ComparedHamletQuery = graphql(`
  query ComparedHamlet($code: String!, $metric: Metric!, $asOf: Date!, $from: Date!) {
    area(code: $code) {
      code
      name
      indicator(metric: $metric, asOf: $asOf) { value numerator denominator }
      series(metric: $metric, from: $from, to: $asOf) { date value }
      criteria(asOf: $asOf) { code label households met share }
    }
  }
`);
