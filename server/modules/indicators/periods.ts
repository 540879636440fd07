/** Calendar helpers on ISO dates (YYYY-MM-DD), computed in UTC so time zones cannot shift a day. */
import { InvalidInputError } from '../../errors';

const iso = (d: Date) => d.toISOString().slice(0, 10);
const parse = (day: string) => new Date(`${day}T00:00:00Z`);

/** The last day of the calendar quarter before the one containing `day` (ISO dates keep their order as strings). */
export function previousQuarterEnd(day: string): string {
  const [year, month] = [Number(day.slice(0, 4)), Number(day.slice(5, 7))];
  const quarterStartMonth = Math.floor((month - 1) / 3) * 3;
  return iso(new Date(Date.UTC(year, quarterStartMonth, 0)));
}

/** Years the app's records can have (the columns are smallint): a year argument outside is bad input, not a database error. */
export const YEARS = { first: 2000, last: 2100 };

/** `year`, when it is a year of YEARS (null and undefined pass: "every year"); else a Vietnamese BAD_USER_INPUT. */
export function checkYear<T extends number | null | undefined>(year: T): T {
  if (year != null && !(Number.isInteger(year) && year >= YEARS.first && year <= YEARS.last)) {
    throw new InvalidInputError(`Năm ${year} không hợp lệ: chọn năm từ ${YEARS.first} đến ${YEARS.last}.`);
  }
  return year;
}

/** The longest series a client may ask for: the charts show at most five years. */
export const MAX_SERIES_MONTHS = 60;

/**
 * How many points monthEnds(from, to) gives, without making them; null unless both are ISO dates
 * in order. Cheap enough to check a range before building it (a range of 9,999 years is 120,000 points).
 */
export function monthsInRange(from: unknown, to: unknown): number | null {
  if (typeof from !== 'string' || typeof to !== 'string' || !/^\d{4}-\d{2}/.test(from) || !/^\d{4}-\d{2}/.test(to) || from > to) return null;
  const month = (day: string) => Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7));
  return month(to) - month(from) + 1;
}

const monthEndsMemo = new Map<string, readonly string[]>();

/**
 * Month ends from the month of `from` to the month of `to`, the last point being `to` itself.
 * Remembered (every series asks the same few ranges), frozen so no caller can change them.
 */
export function monthEnds(from: string, to: string): readonly string[] {
  const key = `${from}|${to}`;
  let points = monthEndsMemo.get(key);
  if (!points) {
    if (monthEndsMemo.size >= 500) monthEndsMemo.clear();
    monthEndsMemo.set(key, (points = Object.freeze(computeMonthEnds(from, to))));
  }
  return points;
}

function computeMonthEnds(from: string, to: string): string[] {
  const start = parse(from);
  const end = parse(to);
  const points: string[] = [];
  for (let y = start.getUTCFullYear(), m = start.getUTCMonth(); ; m++) {
    const monthEnd = new Date(Date.UTC(y, m + 1, 0));
    if (monthEnd >= end) {
      points.push(to);
      return points;
    }
    points.push(iso(monthEnd));
  }
}
