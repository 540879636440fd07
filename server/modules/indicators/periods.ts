/** Calendar helpers on ISO dates (YYYY-MM-DD), computed in UTC so time zones cannot shift a day. */

const iso = (d: Date) => d.toISOString().slice(0, 10);
const parse = (day: string) => new Date(`${day}T00:00:00Z`);

/** Today in Vietnam (UTC+7), the date officials mean by "hôm nay". */
export const todayInVietnam = (now = new Date()): string => iso(new Date(now.getTime() + 7 * 3600_000));

/** The last day of the calendar quarter before the one containing `day`. */
export function previousQuarterEnd(day: string): string {
  const d = parse(day);
  const quarterStartMonth = Math.floor(d.getUTCMonth() / 3) * 3;
  return iso(new Date(Date.UTC(d.getUTCFullYear(), quarterStartMonth, 0)));
}

/** Month ends from the month of `from` to the month of `to`, the last point being `to` itself. */
export function monthEnds(from: string, to: string): string[] {
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
