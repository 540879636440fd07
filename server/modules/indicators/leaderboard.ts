/** Leaderboards: level ranking or improvement ranking of a parent's children (DOMAIN.md rules). */
import type { Executor } from '../../db/client';
import { InvalidInputError } from '../../errors';
import { requireAreaByCode } from '../areas/service';
import type { AreaSummary } from '../areas/queries';
import { type Counts, figures, isDigitalHamlet, type Metric, metricFraction } from './metrics';
import { previousQuarterEnd } from './periods';
import { type ChildCounts, childCountsAt, thresholdsAt } from './queries';
import { DEFAULT_RULES, type Fraction, difference, rankAreas, toNumber } from './ranking';

export interface LeaderboardQuery {
  parentCode: string;
  metric: Metric;
  asOf: string;
  improvementSince?: string;
}

export interface LeaderboardRow {
  area: AreaSummary;
  rank: number | null;
  ranked: boolean;
  value: number | null;
  numerator: number;
  denominator: number;
  previousRank: number | null;
  isDigitalHamlet: boolean;
  /** Households of the area now: the size of the cell. */
  households: number;
  /** Hidden from this viewer (server/modules/access/disclosure.ts): listed unranked, figures to blank. */
  hidden: boolean;
}

/** The ids of the children whose figures the viewer may not see (each with its current denominators). */
export type HiddenChildren = (children: readonly CellSizes[]) => Promise<ReadonlySet<number>>;
interface CellSizes { id: number; parentId: number | null; households: number; residents: number }

interface Child {
  area: AreaSummary;
  name: string;
  households: number;
  /** The child's counts at each date asked (the rows themselves: they carry the four counts). */
  at: Map<string, Counts>;
}

function groupChildren(rows: ChildCounts[]): Child[] {
  const children = new Map<number, Child>();
  for (const row of rows) {
    let child = children.get(row.areaId);
    if (!child) {
      const area = { id: row.areaId, code: row.code, name: row.name, level: row.level, kind: row.kind,
        parentId: row.parentId, latitude: row.latitude, longitude: row.longitude };
      child = { area, name: row.name, households: row.households, at: new Map() };
      children.set(row.areaId, child);
    }
    child.at.set(row.asOf, row);
  }
  return [...children.values()];
}

// A hidden child counts as having no households: listed as "chưa xếp hạng", and no rank of the
// others moves around it.
const scored = (children: Child[], score: (c: Child) => Fraction | null, hidden: ReadonlySet<number>) =>
  children.map((child) => ({ child, name: child.name, households: hidden.has(child.area.id) ? 0 : child.households, score: score(child) }));

/** Ranks of the children by `score`, keyed by area id. */
function ranksBy(children: Child[], score: (c: Child) => Fraction | null, hidden: ReadonlySet<number>): Map<number, number | null> {
  return new Map(rankAreas(scored(children, score, hidden), DEFAULT_RULES).map((r) => [r.item.child.area.id, r.rank]));
}

const NONE: ReadonlySet<number> = new Set();

export async function leaderboard(db: Executor, q: LeaderboardQuery, hiddenChildren?: HiddenChildren): Promise<LeaderboardRow[]> {
  if (q.improvementSince && q.improvementSince >= q.asOf) {
    throw new InvalidInputError('Ngày bắt đầu tính mức tiến bộ phải trước ngày xét.');
  }
  const previous = previousQuarterEnd(q.asOf);
  const dates = [q.asOf, previous, ...(q.improvementSince ? [q.improvementSince] : [])];
  const rows = await childCountsAt(db, q.parentCode, [...new Set(dates)]);
  if (rows.length === 0) await requireAreaByCode(db, q.parentCode); // unknown parent → clear error
  const children = groupChildren(rows);

  const rateAt = (c: Child, day: string) => metricFraction(q.metric, c.at.get(day)!);
  const since = q.improvementSince;
  const score = since ? (c: Child) => difference(rateAt(c, q.asOf), rateAt(c, since)) : (c: Child) => rateAt(c, q.asOf);
  const previousScore = since
    ? previous > since ? (c: Child) => difference(rateAt(c, previous), rateAt(c, since)) : () => null
    : (c: Child) => rateAt(c, previous);

  const [thresholdRows, hidden] = await Promise.all([
    thresholdsAt(db, children.map((c) => c.area.id), q.asOf),
    hiddenChildren ? hiddenChildren(children.map((c) => ({ ...c.at.get(q.asOf)!, id: c.area.id, parentId: c.area.parentId }))) : NONE,
  ]);
  const thresholds = new Map(thresholdRows.map((t) => [t.areaId, t.thousandths]));
  const previousRanks = ranksBy(children, previousScore, hidden);

  return rankAreas(scored(children, score, hidden), DEFAULT_RULES).map(({ item, rank }): LeaderboardRow => {
    const { area } = item.child;
    const counts = item.child.at.get(q.asOf)!;
    const current = figures(q.metric, counts);
    return {
      area,
      rank,
      ranked: rank !== null,
      value: since ? toNumber(item.score) : current.value,
      numerator: current.numerator,
      denominator: current.denominator,
      previousRank: previousRanks.get(area.id) ?? null,
      isDigitalHamlet: area.level === 'hamlet' && isDigitalHamlet(counts, thresholds.get(area.id)),
      households: counts.households,
      hidden: hidden.has(area.id),
    };
  });
}
