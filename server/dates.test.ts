import { afterEach, describe, expect, it, vi } from 'vitest';
import * as web from '../web/src/lib/dates';
import { displayDate, invalidDateMessage, isIsoDate, MOVEMENT_START, todayInVietnam, VIETNAM_TIME_ZONE } from './dates';

/** Runs `fn` with the process in another time zone (Node applies a new TZ at once). */
function inTimeZone<T>(zone: string, fn: () => T): T {
  const before = process.env.TZ;
  process.env.TZ = zone;
  try {
    return fn();
  } finally {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
  }
}

const NOT_DATES = ['2025-02-30', '2025-02-29', '2025-13-01', '2025-00-10', '2025-04-31', '2025-9-14', '14/09/2025',
  '2025-09-14T00:00', ' 2025-09-14', '', null, undefined, 20250914];

describe("Vietnam's calendar (server)", () => {
  afterEach(() => vi.useRealTimers());

  it('gives the day in Vietnam just after its midnight, whatever the machine time zone', () => {
    // 17:30 UTC on 3 December is 00:30 on 4 December in Vietnam, and still the 3rd in New York.
    const clock = new Date('2026-12-03T17:30:00Z');
    for (const zone of ['America/New_York', 'UTC', 'Pacific/Kiritimati']) {
      expect(inTimeZone(zone, () => todayInVietnam(clock))).toBe('2026-12-04');
      expect(inTimeZone(zone, () => todayInVietnam(new Date('2026-12-03T16:59:59.999Z')))).toBe('2026-12-03');
    }
    expect(todayInVietnam(new Date('2025-12-31T17:00:00Z'))).toBe('2026-01-01');
  });

  it('turns to the next day at midnight in Vietnam on the real clock, not a moment later (the kept answer expires)', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-03-31T16:59:59.999Z'));
    expect(inTimeZone('America/New_York', () => todayInVietnam())).toBe('2026-03-31');
    vi.setSystemTime(new Date('2026-03-31T17:00:00.000Z'));
    expect(todayInVietnam()).toBe('2026-04-01');
    vi.setSystemTime(new Date('2026-04-01T16:59:00.000Z'));
    expect(todayInVietnam()).toBe('2026-04-01');
  });

  it('agrees with the time-zone database for Asia/Ho_Chi_Minh (no daylight saving to miss)', () => {
    const tzdb = new Intl.DateTimeFormat('en-CA', { timeZone: VIETNAM_TIME_ZONE });
    for (let ms = Date.UTC(2025, 0, 1); ms < Date.UTC(2031, 0, 1); ms += 7 * 3_600_000 + 13 * 60_000) {
      const instant = new Date(ms);
      if (todayInVietnam(instant) !== tzdb.format(instant)) expect(todayInVietnam(instant)).toBe(tzdb.format(instant));
    }
  });

  it('takes days of the calendar only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-12-31')).toBe(true);
    expect(isIsoDate('2025-08-01')).toBe(true);
    for (const bad of NOT_DATES) expect(isIsoDate(bad), String(bad)).toBe(false);
    expect(invalidDateMessage('2025-02-30')).toMatch(/^Ngày không hợp lệ: 2025-02-30\. /);
    expect(displayDate('2025-09-14')).toBe('14/09/2025');
  });

  it('starts the movement on 1 August 2025, the month the provincial plan starts its activities', () => {
    expect(MOVEMENT_START).toBe('2025-08-01');
  });
});

describe('the web calendar (web/src/lib/dates.ts) gives the same answers', () => {
  it('has the same movement start', () => {
    expect(web.MOVEMENT_START).toBe(MOVEMENT_START);
  });

  it('has the same today, from the same clock, in any browser time zone', () => {
    for (let ms = Date.UTC(2026, 11, 3, 16, 0); ms < Date.UTC(2026, 11, 4, 19, 0); ms += 15 * 60_000) {
      const clock = new Date(ms);
      expect(inTimeZone('America/New_York', () => web.todayInVietnam(clock))).toBe(todayInVietnam(clock));
    }
  });

  it('refuses the same dates', () => {
    for (const value of [...NOT_DATES, '2024-02-29', '2025-12-31']) expect(web.isIsoDate(value), String(value)).toBe(isIsoDate(value));
    expect(invalidDateMessage('2025-02-30')).toContain(web.invalidDateMessage('2025-02-30'));
  });
});
