/** Calendar helpers on ISO dates (YYYY-MM-DD), computed in UTC so time zones cannot shift a day. */

const iso = (d: Date) => d.toISOString().slice(0, 10);
const parse = (day: string) => new Date(`${day}T00:00:00Z`);

/** The last day of the calendar quarter before the one containing `day` (ISO dates keep their order as strings). */
export function previousQuarterEnd(day: string): string {
  const [year, month] = [Number(day.slice(0, 4)), Number(day.slice(5, 7))];
  const quarterStartMonth = Math.floor((month - 1) / 3) * 3;
  return iso(new Date(Date.UTC(year, quarterStartMonth, 0)));
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
