/*
 * Starts the overview's requests as soon as the route matches, in parallel with downloading the
 * page's code, instead of after it (the page then reads them from the Apollo cache).
 */
import { apolloClient } from '../../lib/apollo';
import { PROVINCE_CODE } from '../../lib/config';
import { MOVEMENT_START, previousQuarterEnd } from '../../lib/dates';
import { fetchGeo } from '../../lib/useGeo';
import { readViewParams } from '../../lib/view-params';
import { CommunesLeaderboardQuery, ProvinceOverviewQuery } from './documents';

export function overviewVariables(asOf: string) {
  return { code: PROVINCE_CODE, asOf, previousAsOf: previousQuarterEnd(asOf), from: MOVEMENT_START };
}

export function prefetchOverview(url: URL): null {
  const { asOf, metric } = readViewParams(url.searchParams);
  const ignore = () => {}; // the page shows any error when it asks again
  fetchGeo(PROVINCE_CODE).catch(ignore);
  apolloClient.query({ query: ProvinceOverviewQuery, variables: overviewVariables(asOf) }).catch(ignore);
  apolloClient.query({ query: CommunesLeaderboardQuery, variables: { parentCode: PROVINCE_CODE, metric, asOf } }).catch(ignore);
  return null;
}
