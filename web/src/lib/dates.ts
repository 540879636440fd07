/*
 * Vietnam's calendar, the web's one date module: days are ISO strings (YYYY-MM-DD), "today" is the
 * day in Vietnam whatever the browser's time zone, a date is a day of the calendar (2025-02-30 is
 * not), and arithmetic is done in UTC so no time zone shifts a day. The server has its twin in
 * server/dates.ts; server/dates.test.ts checks that both give the same answers.
 */

/**
 * The first day of the movement in Cao Bằng, where series begin: 1 August 2025, the month the
 * provincial plan's regular activities start ("bắt đầu từ tháng 8/2025"). 1 July 2025 is the day
 * the new communes took effect, not the movement's start. Same day as MOVEMENT_START on the server.
 */
export const MOVEMENT_START = '2025-08-01';

/** Asia/Ho_Chi_Minh: UTC+7 all year since 1975, no daylight saving. */
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const parse = (s: string) => new Date(`${s}T00:00:00Z`);

/** The day in Vietnam of an instant (a Date, or a timestamp such as 2026-12-03T17:30:00Z → 2026-12-04). */
export function dateInVietnam(instant: Date | string): string {
  return iso(new Date(new Date(instant).getTime() + VIETNAM_OFFSET_MS));
}

/** Today in Vietnam as YYYY-MM-DD, whatever the browser's time zone; `now` (the clock) can be given, as tests do. */
export function todayInVietnam(now: Date = new Date()): string {
  return dateInVietnam(now);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a day of the calendar written YYYY-MM-DD: 2024-02-29 is one, 2025-02-29 and 2025-13-01 are not. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The message for a value that is not a date, as the server words it: "Ngày không hợp lệ: 2025-02-30". */
export const invalidDateMessage = (value: string) => `Ngày không hợp lệ: ${value}`;

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
