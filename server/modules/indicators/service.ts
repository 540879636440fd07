import type { Context } from '../../graphql/context';
import { InvalidInputError } from '../../errors';
import { disclose, suppressedFor } from '../access/disclosure';
import { toArea } from '../areas/types';
import { leaderboard, type LeaderboardQuery } from './leaderboard';
import { countsKey } from './loaders';
import { figures, type Metric } from './metrics';
import { monthEnds } from './periods';
import { criterionCountsAt, digitalHamletCounts } from './queries';

const MAX_SERIES_POINTS = 120;

export async function indicatorOf(ctx: Context, areaId: number, metric: Metric, asOf: string) {
  const counts = await ctx.loaders.counts.load(countsKey(areaId, asOf));
  return disclose(ctx.viewer, counts.households, figures(metric, counts));
}

/** Monthly values from `from` to `to`: each month end, the last point being `to`. */
export async function seriesOf(ctx: Context, areaId: number, metric: Metric, from: string, to: string) {
  if (from > to) throw new InvalidInputError('Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.');
  const days = monthEnds(from, to);
  if (days.length > MAX_SERIES_POINTS) {
    throw new InvalidInputError(`Khoảng thời gian quá dài: tối đa ${MAX_SERIES_POINTS} tháng.`);
  }
  const counts = await ctx.loaders.counts.loadMany(days.map((d) => countsKey(areaId, d)));
  return days.map((date, i) => {
    const c = counts[i];
    if (!c || c instanceof Error) throw c ?? new Error('missing counts');
    return { date, ...disclose(ctx.viewer, c.households, figures(metric, c)) };
  });
}

export async function digitalHamletsOf(ctx: Context, areaId: number, asOf: string) {
  const [[row], counts] = await Promise.all([
    digitalHamletCounts(ctx.db, [areaId], asOf), ctx.loaders.counts.load(countsKey(areaId, asOf))]);
  const threshold = row?.thousandths != null ? row.thousandths / 1000 : null;
  // A hamlet of 1–4 households being a "Xóm số" tells the public about each of its families.
  if (suppressedFor(ctx.viewer, counts.households)) return { count: 0, total: 0, threshold, suppressed: true };
  return { count: row?.count ?? 0, total: row?.total ?? 0, threshold, suppressed: false };
}

export async function criteriaOf(ctx: Context, areaId: number, asOf: string) {
  const rows = await criterionCountsAt(ctx.db, [areaId], asOf);
  return rows.map((r) => suppressedFor(ctx.viewer, r.households)
    ? { ...r, households: 0, met: 0, share: null, suppressed: true }
    : { ...r, share: r.households > 0 ? r.met / r.households : null, suppressed: false });
}

/** A leaderboard as the viewer may see it: small cells blanked for the public. */
export async function leaderboardFor(ctx: Context, q: LeaderboardQuery) {
  const rows = await leaderboard(ctx.db, q);
  return rows.map(({ households, ...row }) => {
    const shown = disclose(ctx.viewer, households, row);
    return { ...shown, isDigitalHamlet: shown.suppressed ? false : row.isDigitalHamlet, area: toArea(row.area) };
  });
}
