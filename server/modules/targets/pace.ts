/*
 * Periods of targets (`2025-Q4`, `2025`) and the pace projection: at the current pace, will the
 * target be met by the period's end? Pure functions on ISO dates, computed in UTC.
 */

export interface PeriodRange {
  period: string;
  /** First day, inclusive. */
  start: string;
  /** Last day, inclusive. */
  end: string;
}

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const ms = (day: string) => Date.parse(`${day}T00:00:00Z`);

/** `2025-Q4` → 2025-10-01..2025-12-31, `2025` → 2025-01-01..2025-12-31; null when malformed. */
export function parsePeriod(period: string): PeriodRange | null {
  const match = /^(\d{4})(?:-Q([1-4]))?$/.exec(period);
  if (!match) return null;
  const year = Number(match[1]);
  if (year < 2000 || year > 2100) return null;
  if (!match[2]) return { period, start: `${year}-01-01`, end: `${year}-12-31` };
  const q = Number(match[2]);
  return { period, start: iso(Date.UTC(year, (q - 1) * 3, 1)), end: iso(Date.UTC(year, q * 3, 0)) };
}

export const isQuarter = (period: string) => /^\d{4}-Q[1-4]$/.test(period);

/** The day before `day`: the baseline of a period's change starts the evening before its first day. */
export const dayBefore = (day: string) => iso(ms(day) - DAY);

/** Days from `from` to `to`, both inclusive (0 when `to` is before `from`). */
export const daysInclusive = (from: string, to: string) => Math.max(0, Math.round((ms(to) - ms(from)) / DAY) + 1);

export type PaceStatus = 'NOT_STARTED' | 'ON_TRACK' | 'AT_RISK' | 'MET' | 'MISSED';

export interface PaceProjection {
  /** Share of the period elapsed at `asOf`, 0..1. */
  elapsedShare: number;
  /** Achievement expected at the period's end at the current pace; null before the period starts. */
  projected: number | null;
  status: PaceStatus;
}

/**
 * achieved so far / elapsed share of the period = projected at the period's end; at risk when the
 * projection falls short of the target. A target already reached is MET whatever the date; after
 * the period's end, a shortfall is MISSED rather than at risk.
 */
export function projectPace(p: { achieved: number; target: number; range: PeriodRange; asOf: string }): PaceProjection {
  const total = daysInclusive(p.range.start, p.range.end);
  const elapsed = Math.min(total, daysInclusive(p.range.start, p.asOf));
  const elapsedShare = elapsed / total;
  if (p.achieved >= p.target) return { elapsedShare, projected: elapsed === 0 ? null : (p.achieved * total) / elapsed, status: 'MET' };
  if (elapsed === 0) return { elapsedShare, projected: null, status: 'NOT_STARTED' };
  const projected = (p.achieved * total) / elapsed;
  if (elapsed === total) return { elapsedShare, projected, status: 'MISSED' };
  // Integer comparison (achieved·total < target·elapsed) so a projection exactly on target is on track.
  return { elapsedShare, projected, status: p.achieved * total < p.target * elapsed ? 'AT_RISK' : 'ON_TRACK' };
}

/** Sum of achievements capped at each target over the sum of targets (TARGET_COMPLETION). */
export function targetCompletion(items: readonly { achieved: number; target: number }[]) {
  const numerator = items.reduce((s, i) => s + Math.min(i.achieved, i.target), 0);
  const denominator = items.reduce((s, i) => s + i.target, 0);
  return { numerator, denominator, value: denominator > 0 ? numerator / denominator : null };
}
