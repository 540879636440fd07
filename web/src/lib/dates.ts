/** Calendar helpers on ISO dates (UTC arithmetic so no time zone shifts the day). */
export const MOVEMENT_START = '2025-07-01';
/** Monitoring data starts after the movement started; series begin here. */
export const SERIES_START = '2025-08-01';

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const parse = (s: string) => new Date(`${s}T00:00:00Z`);

export function todayIso(now: Date = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function isIsoDate(value: string | null | undefined): value is string {
  return !!value && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(parse(value).getTime());
}

/** Last day of the calendar quarter before the one containing `date`. */
export function previousQuarterEnd(date: string): string {
  const d = parse(date);
  const quarterStartMonth = Math.floor(d.getUTCMonth() / 3) * 3;
  return iso(new Date(Date.UTC(d.getUTCFullYear(), quarterStartMonth, 0)));
}

/** Last day of the month before the one containing `date`. */
export function previousMonthEnd(date: string): string {
  const d = parse(date);
  return iso(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 0)));
}

/** Month ends from the month of `from` up to `to`, the last one replaced by `to` itself. */
export function monthEnds(from: string, to: string): string[] {
  const result: string[] = [];
  const start = parse(from);
  for (let m = 0; ; m++) {
    const end = iso(new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + m + 1, 0)));
    if (end >= to) break;
    result.push(end);
  }
  result.push(to);
  return result;
}

export function quarterLabel(date: string): string {
  const d = parse(date);
  return `Quý ${Math.floor(d.getUTCMonth() / 3) + 1}/${d.getUTCFullYear()}`;
}
