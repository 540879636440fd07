/* The read cases every target is asked, with the same parameters. */
import { monthEnds } from '../../server/modules/indicators/periods';

export const AS_OF = '2026-10-31';
/** 12 month ends, the series of an area over a year. */
export const SERIES_FROM = '2025-11-30';
export const SERIES_DATES = monthEnds(SERIES_FROM, AS_OF);

export type Target = 'ours' | 'ours+cache' | 'floor' | 'postgraphile';
export interface Request {
  method: 'GET' | 'POST';
  path: string;
  body?: string;
}

const graphql = (query: string, variables: Record<string, unknown>): Request => ({
  method: 'POST', path: '/graphql', body: JSON.stringify({ query, variables }),
});

export interface Case {
  name: string;
  request: Record<Target, Request>;
}

export function cases(commune: string, province: string): Case[] {
  const leaderboard = (parent: string): Record<Target, Request> => {
    const ours = graphql(`query Board($parent: String!) {
      leaderboard(parentCode: $parent, metric: DIGITAL_FAMILY_RATE, asOf: "${AS_OF}") {
        rank previousRank value numerator denominator isDigitalHamlet area { code name } } }`, { parent });
    return {
      ours, 'ours+cache': ours,
      floor: { method: 'GET', path: `/leaderboard/${parent}` },
      postgraphile: graphql(`query Board($parent: String!) {
        benchLeaderboard(parentCode: $parent, asOf: "${AS_OF}") {
          nodes { code name households digitalFamilies previousDigitalFamilies thresholdThousandths } } }`, { parent }),
    };
  };
  const map = graphql(`query Map($parent: String!) {
    areas(parentCode: $parent) { code name latitude longitude
      indicator(metric: DIGITAL_FAMILY_RATE, asOf: "${AS_OF}") { value numerator denominator } } }`, { parent: province });
  const series = graphql(`query Series($code: String!) {
    area(code: $code) { series(metric: DIGITAL_FAMILY_RATE, from: "${SERIES_FROM}", to: "${AS_OF}") {
      date value numerator denominator } } }`, { code: province });
  const geo: Request = { method: 'GET', path: `/api/geo/${province}` };
  return [
    { name: `leaderboard: hamlets of commune ${commune}`, request: leaderboard(commune) },
    { name: `leaderboard: communes of province ${province}`, request: leaderboard(province) },
    { name: 'leaderboard: provinces of the country', request: leaderboard('VN') },
    {
      name: `map: indicator of province ${province}'s communes`,
      request: {
        ours: map, 'ours+cache': map, floor: { method: 'GET', path: `/map/${province}` },
        postgraphile: graphql(`query Map($parent: String!) { benchMap(parentCode: $parent, asOf: "${AS_OF}") {
          nodes { code name latitude longitude households digitalFamilies } } }`, { parent: province }),
      },
    },
    {
      name: `map: GeoJSON of province ${province}'s communes`,
      request: {
        ours: geo, 'ours+cache': geo, floor: { method: 'GET', path: `/geo/${province}` },
        postgraphile: graphql(`query Geo($parent: String!) { benchGeo(parentCode: $parent) {
          nodes { code name kind level geometry latitude longitude } } }`, { parent: province }),
      },
    },
    {
      name: `series: 12 month ends of province ${province}`,
      request: {
        ours: series, 'ours+cache': series, floor: { method: 'GET', path: `/series/${province}` },
        postgraphile: graphql(`query Series($code: String!, $days: [Date]!) { benchSeries(areaCode: $code, days: $days) {
          nodes { day households digitalFamilies } } }`, { code: province, days: SERIES_DATES }),
      },
    },
  ];
}
