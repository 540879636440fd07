import type { Executor } from '../../db/client';
import { InvalidInputError } from '../../errors';
import { type Basis, type DisclosedFigures, disclose, type Hidden, smallCell } from '../access/disclosure';
import type { ServiceRequest } from '../access/request';
import { toArea } from '../areas/types';
import { leaderboard, type LeaderboardQuery } from './leaderboard';
import type { createIndicatorLoaders } from './loaders';
import { basisOf, type Counts, figures, type Metric } from './metrics';
import { MAX_SERIES_MONTHS, monthEnds, monthsInRange } from './periods';
import { type AreaCounts, countsAt, criterionCountsAt, digitalHamletCounts } from './queries';
import type { LeaderboardEntry } from './types';

/** A request with the indicators' per-request loaders (the GraphQL context is one). */
export interface IndicatorRequest extends ServiceRequest {
  loaders: ReturnType<typeof createIndicatorLoaders>;
}

/**
 * Whether the public must not see an area's figures of this basis: its status among its siblings
 * (primary and complementary suppression), or, when that is unknown (an area that is not
 * current), its own size. Signed-in users see everything (`status` null).
 */
const isHidden = (status: Hidden | undefined | null, basis: Basis, counts: Pick<Counts, 'households' | 'residents'>) =>
  status !== null && ((status?.[basis] ?? false) || smallCell(counts)[basis]);

/** The status of an area for the public (at once when known); null for signed-in users. */
function publicStatus(ctx: IndicatorRequest, areaId: number): Hidden | undefined | null | Promise<Hidden | undefined> {
  if (ctx.viewer !== null) return null;
  return ctx.loaders.publicCells.peek(areaId) ?? ctx.loaders.publicCells.of(areaId);
}

const shownIndicator = (status: Hidden | undefined | null, metric: Metric, counts: AreaCounts) =>
  disclose(isHidden(status, basisOf(metric), counts), figures(metric, counts));

/** An area's indicator: at once when its list preloaded the counts (the `areas` query), else batched. */
export function indicatorOf(ctx: IndicatorRequest, areaId: number, metric: Metric, asOf: string): DisclosedFigures | Promise<DisclosedFigures> {
  // No closure on the preloaded path: it runs for every row of a map.
  const known = ctx.loaders.counts.peek(areaId, asOf);
  const status = publicStatus(ctx, areaId);
  if (known && !(status instanceof Promise)) return shownIndicator(status, metric, known);
  return Promise.all([known ?? ctx.loaders.counts.load(areaId, asOf), status])
    .then(([counts, s]) => shownIndicator(s, metric, counts));
}

/** Monthly values from `from` to `to`: each month end, the last point being `to`. */
export async function seriesOf(ctx: IndicatorRequest, areaId: number, metric: Metric, from: string, to: string) {
  if (from > to) throw new InvalidInputError('Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.');
  // Checked before the month ends are made: a range of centuries would be made first otherwise.
  if (monthsInRange(from, to)! > MAX_SERIES_MONTHS) {
    throw new InvalidInputError(`Khoảng thời gian quá dài: chuỗi số liệu tối đa ${MAX_SERIES_MONTHS} tháng.`);
  }
  const days = monthEnds(from, to);
  const [rows, status] = await Promise.all([countsAt(ctx.db, [areaId], days), publicStatus(ctx, areaId)]);
  const counts = new Map(rows.map((c) => [c.asOf, c]));
  return days.map((date) => {
    const c = counts.get(date)!;
    return { date, ...shownIndicator(status, metric, c) };
  });
}

export async function digitalHamletsOf(ctx: IndicatorRequest, areaId: number, asOf: string) {
  // For the public, the hidden hamlets under the area are not counted: the count minus the
  // published hamlets' "Xóm số" flags would otherwise tell about the hidden ones.
  const uncounted = ctx.viewer === null ? await ctx.loaders.publicCells.hiddenHamletsUnder(areaId) : [];
  const [[row], counts, status] = await Promise.all([
    digitalHamletCounts(ctx.db, [areaId], asOf, uncounted), ctx.loaders.counts.load(areaId, asOf), publicStatus(ctx, areaId)]);
  const threshold = row?.thousandths != null ? row.thousandths / 1000 : null;
  // A hamlet of 1–4 households being a "Xóm số" tells the public about each of its families.
  if (isHidden(status, 'households', counts)) return { count: 0, total: 0, threshold, suppressed: true };
  return { count: row?.count ?? 0, total: row?.total ?? 0, threshold, suppressed: false };
}

export async function criteriaOf(ctx: IndicatorRequest, areaId: number, asOf: string) {
  const [rows, status] = await Promise.all([criterionCountsAt(ctx.db, [areaId], asOf), publicStatus(ctx, areaId)]);
  return rows.map((r) => isHidden(status, 'households', { households: r.households, residents: 0 })
    ? { ...r, households: 0, met: 0, share: null, suppressed: true }
    : { ...r, share: r.households > 0 ? r.met / r.households : null, suppressed: false });
}

/**
 * A leaderboard as the viewer may see it. For the public, the children hidden among their
 * siblings (small cells and their complements) are blanked and listed unranked, and the others
 * ranked without them: a rank would place a hidden value between two published ones.
 */
export async function leaderboardFor(ctx: IndicatorRequest, q: LeaderboardQuery): Promise<LeaderboardEntry[]> {
  const basis = basisOf(q.metric);
  const hiddenChildren = ctx.viewer !== null ? undefined : async (children: readonly { id: number; parentId: number | null; households: number; residents: number }[]) => {
    const parentId = children[0]?.parentId;
    if (parentId == null) return new Set<number>();
    const statusOf = await ctx.loaders.publicCells.childrenOf(parentId);
    return new Set(children.filter((c) => isHidden(statusOf(c.id), basis, c)).map((c) => c.id));
  };
  const rows = await leaderboard(ctx.db, q, hiddenChildren);
  return rows.map((row) => {
    const { value, numerator, denominator, suppressed } = disclose(row.hidden, row);
    return { rank: row.rank, ranked: row.ranked, previousRank: row.previousRank, area: toArea(row.area),
      value, numerator, denominator, suppressed, isDigitalHamlet: !suppressed && row.isDigitalHamlet };
  });
}

/** Counts of areas at dates, for other modules (reviews' snapshots, targets' progress), which check access themselves. */
export const areaCountsAt = (db: Executor, areaIds: readonly number[], dates: readonly string[]) => countsAt(db, areaIds, dates);
