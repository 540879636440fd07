/** The view's shareable state lives in the URL: ?ngay=2025-12-31&chi-so=DIGITAL_SKILL_RATE. */
import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { Metric } from '../gql/graphql';
import { readViewParams } from './view-params';

export { readViewParams };

export interface ViewParams {
  asOf: string;
  metric: Metric;
  /** The URL's date when it is not a day of the calendar ("Ngày không hợp lệ: 2025-02-30"), else null. */
  dateError: string | null;
  params: URLSearchParams;
  set(changes: Record<string, string | null>): void;
}

export function useViewParams(): ViewParams {
  const [params, setParams] = useSearchParams();
  const set = useCallback(
    (changes: Record<string, string | null>) =>
      setParams((current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value === null || value === '') next.delete(key);
          else next.set(key, value);
        }
        return next;
      }, { replace: true }),
    [setParams],
  );
  return {
    ...readViewParams(params),
    params,
    set,
  };
}
