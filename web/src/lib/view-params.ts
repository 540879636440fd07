/** Reading the view's URL state without React or the router (the overview's early prefetch uses it). */
import type { Metric } from '../gql/graphql';
import { invalidDateMessage, isIsoDate, todayInVietnam } from './dates';
import { parseMetric } from './metrics';

/**
 * Date and indicator from a URL's query, as the pages read them (also used by the prefetchers).
 * A date that is not a day of the calendar (?ngay=2025-02-30) shows today, and says why.
 */
export function readViewParams(params: URLSearchParams, now?: Date): { asOf: string; metric: Metric; dateError: string | null } {
  const date = params.get('ngay');
  const valid = isIsoDate(date);
  return {
    asOf: valid ? date : todayInVietnam(now),
    metric: parseMetric(params.get('chi-so')),
    dateError: date !== null && !valid ? invalidDateMessage(date) : null,
  };
}
