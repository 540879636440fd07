/** The overview's GraphQL documents: the province's headline figures, trend and the communes' leaderboard. */
import { graphql } from '../../gql';

export const ProvinceOverviewQuery = graphql(`
  query ProvinceOverview($code: String!, $asOf: Date!, $previousAsOf: Date!, $from: Date!) {
    area(code: $code) {
      code
      name
      family: indicator(metric: DIGITAL_FAMILY_RATE, asOf: $asOf) { value numerator denominator }
      familyBefore: indicator(metric: DIGITAL_FAMILY_RATE, asOf: $previousAsOf) { value }
      skill: indicator(metric: DIGITAL_SKILL_RATE, asOf: $asOf) { value numerator denominator }
      skillBefore: indicator(metric: DIGITAL_SKILL_RATE, asOf: $previousAsOf) { value }
      digitalHamlets(asOf: $asOf) { count total threshold }
      familySeries: series(metric: DIGITAL_FAMILY_RATE, from: $from, to: $asOf) { date value }
      skillSeries: series(metric: DIGITAL_SKILL_RATE, from: $from, to: $asOf) { date value }
    }
  }
`);

export const CommunesLeaderboardQuery = graphql(`
  query CommunesLeaderboard($parentCode: String!, $metric: Metric!, $asOf: Date!) {
    leaderboard(parentCode: $parentCode, metric: $metric, asOf: $asOf) { ...LeaderboardRow }
  }
`);

/** Province staff only: communes whose targets are at risk this period, flagged on the map. */
export const OverviewAtRiskQuery = graphql(`
  query OverviewAtRisk($period: String!, $provinceCode: String!) {
    atRisk(period: $period, provinceCode: $provinceCode) { communes { area { code } } }
  }
`);
