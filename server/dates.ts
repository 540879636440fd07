/*
 * Vietnam's calendar, the server's one date module: days are ISO strings (YYYY-MM-DD), "today" is
 * the day an official in Cao Bằng means by "hôm nay" whatever the machine's time zone, and a date
 * is a day of the calendar (2025-02-30 is not). The web has its twin in web/src/lib/dates.ts;
 * server/dates.test.ts checks that both give the same answers.
 */

/** Vietnam's IANA time zone, as PostgreSQL (`at time zone`) and Intl name it. */
export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/**
 * Asia/Ho_Chi_Minh has been UTC+7 all year since 1975, without daylight saving: a fixed offset is
 * exact for every date this app sees, and cheaper than Intl on every request (the test checks
 * it against the time-zone database).
 */
const VIETNAM_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

/**
 * The first day of the movement in Cao Bằng: 1 August 2025. The provincial plan implementing
 * Kế hoạch 465-KH/TU starts its regular activities "bắt đầu từ tháng 8/2025" (communication,
 * visual products), and the monitoring data begins there. 1 July 2025 is another date: the day
 * the two-level local government took effect, from which the new communes are valid
 * (areas.valid_from), not the start of the movement. The web's MOVEMENT_START is the same day.
 */
export const MOVEMENT_START = '2025-08-01';

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
let cached = { day: '', until: 0 };

/**
 * Today in Vietnam as YYYY-MM-DD; `now` (the clock) can be given, as tests do. Every request asks
 * it, so the answer from the real clock is kept until the next midnight in Vietnam.
 */
export function todayInVietnam(now?: Date): string {
  const ms = now ? now.getTime() : Date.now();
  if (!now && ms < cached.until) return cached.day;
  const local = ms + VIETNAM_OFFSET_MS;
  const day = iso(local);
  if (!now) cached = { day, until: (Math.floor(local / DAY_MS) + 1) * DAY_MS - VIETNAM_OFFSET_MS };
  return day;
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

/** The message for a value that is not a date: "Ngày không hợp lệ: 2025-02-30. Dùng dạng …". */
export function invalidDateMessage(value: unknown): string {
  const shown = typeof value === 'string' ? value : JSON.stringify(value);
  return `Ngày không hợp lệ: ${shown}. Dùng dạng YYYY-MM-DD, ví dụ 2025-12-31.`;
}

/** 2025-09-14 → 14/09/2025, the way dates are written in Vietnamese messages. */
export const displayDate = (day: string) => day.split('-').reverse().join('/');
