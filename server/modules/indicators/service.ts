import type { Executor } from '../../db/client';
import { InvalidInputError } from '../../errors';
import { type DisclosedFigures, disclose, suppressedFor } from '../access/disclosure';
import type { ServiceRequest } from '../access/request';
import { toArea } from '../areas/types';
import { leaderboard, type LeaderboardQuery } from './leaderboard';
import type { createIndicatorLoaders } from './loaders';
import { figures, type Metric } from './metrics';
import { MAX_SERIES_MONTHS, monthEnds, monthsInRange } from './periods';
import { type AreaCounts, countsAt, criterionCountsAt, digitalHamletCounts } from './queries';
import type { LeaderboardEntry } from './types';

/** A request with the indicators' per-request loaders (the GraphQL context is one). */
export interface IndicatorRequest extends ServiceRequest {
  loaders: ReturnType<typeof createIndicatorLoaders>;
}

const shownIndicator = (viewer: ServiceRequest['viewer'], metric: Metric, counts: AreaCounts) =>
  disclose(viewer, counts.households, figures(metric, counts));

/** An area's indicator: at once when its list preloaded the counts (the `areas` query), else batched. */
export function indicatorOf(ctx: IndicatorRequest, areaId: number, metric: Metric, asOf: string): DisclosedFigures | Promise<DisclosedFigures> {
  // No closure on the preloaded path: it runs for every row of a map.
  const known = ctx.loaders.counts.peek(areaId, asOf);
  if (known) return shownIndicator(ctx.viewer, metric, known);
  return ctx.loaders.counts.load(areaId, asOf).then((counts) => shownIndicator(ctx.viewer, metric, counts));
}

/** Monthly values from `from` to `to`: each month end, the last point being `to`. */
export async function seriesOf(ctx: IndicatorRequest, areaId: number, metric: Metric, from: string, to: string) {
  if (from > to) throw new InvalidInputError('Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.');
  // Checked before the month ends are made: a range of centuries would be made first otherwise.
  if (monthsInRange(from, to)! > MAX_SERIES_MONTHS) {
    throw new InvalidInputError(`Khoảng thời gian quá dài: chuỗi số liệu tối đa ${MAX_SERIES_MONTHS} tháng.`);
  }
  const days = monthEnds(from, to);
  const counts = new Map((await countsAt(ctx.db, [areaId], days)).map((c) => [c.asOf, c]));
  return days.map((date) => {
    const c = counts.get(date)!;
    return { date, ...disclose(ctx.viewer, c.households, figures(metric, c)) };
  });
}

export async function digitalHamletsOf(ctx: IndicatorRequest, areaId: number, asOf: string) {
  const [[row], counts] = await Promise.all([
    digitalHamletCounts(ctx.db, [areaId], asOf), ctx.loaders.counts.load(areaId, asOf)]);
  const threshold = row?.thousandths != null ? row.thousandths / 1000 : null;
  // A hamlet of 1–4 households being a "Xóm số" tells the public about each of its families.
  if (suppressedFor(ctx.viewer, counts.households)) return { count: 0, total: 0, threshold, suppressed: true };
  return { count: row?.count ?? 0, total: row?.total ?? 0, threshold, suppressed: false };
}

export async function criteriaOf(ctx: IndicatorRequest, areaId: number, asOf: string) {
  const rows = await criterionCountsAt(ctx.db, [areaId], asOf);
  return rows.map((r) => suppressedFor(ctx.viewer, r.households)
    ? { ...r, households: 0, met: 0, share: null, suppressed: true }
    : { ...r, share: r.households > 0 ? r.met / r.households : null, suppressed: false });
}

/** A leaderboard as the viewer may see it: small cells blanked for the public. */
export async function leaderboardFor(ctx: IndicatorRequest, q: LeaderboardQuery): Promise<LeaderboardEntry[]> {
  const rows = await leaderboard(ctx.db, q);
  return rows.map((row) => {
    const { value, numerator, denominator, suppressed } = disclose(ctx.viewer, row.households, row);
    return { rank: row.rank, ranked: row.ranked, previousRank: row.previousRank, area: toArea(row.area),
      value, numerator, denominator, suppressed, isDigitalHamlet: !suppressed && row.isDigitalHamlet };
  });
}

/** Counts of areas at dates, for other modules (reviews' snapshots, targets' progress), which check access themselves. */
export const areaCountsAt = (db: Executor, areaIds: readonly number[], dates: readonly string[]) => countsAt(db, areaIds, dates);
