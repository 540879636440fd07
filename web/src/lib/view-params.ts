/** Reading the view's URL state without React or the router (the overview's early prefetch uses it). */
import type { Metric } from '../gql/graphql';
import { isIsoDate, todayIso } from './dates';
import { parseMetric } from './metrics';

/** Date and indicator from a URL's query, as the pages read them (also used by the prefetchers). */
export function readViewParams(params: URLSearchParams): { asOf: string; metric: Metric } {
  const date = params.get('ngay');
  return { asOf: isIsoDate(date) ? date : todayIso(), metric: parseMetric(params.get('chi-so')) };
}
