import { describe, expect, it } from 'vitest';
import { dateInVietnam, isIsoDate, monthEnds, previousMonthEnd, previousQuarterEnd, todayInVietnam } from './dates';
import { formatDate, formatPoints, formatRate } from './format';
import { readViewParams } from './view-params';

/** Runs `fn` as in a browser set to another time zone (Node applies a new TZ at once). */
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

describe('dates and vi-VN formats', () => {
  it("takes today in Vietnam, not in the browser's time zone", () => {
    // 00:30 on 4 December in Vietnam, 12:30 on the 3rd in New York.
    const clock = new Date('2026-12-03T17:30:00Z');
    expect(inTimeZone('America/New_York', () => todayInVietnam(clock))).toBe('2026-12-04');
    expect(inTimeZone('Pacific/Kiritimati', () => todayInVietnam(new Date('2026-12-03T16:59:00Z')))).toBe('2026-12-03');
    expect(inTimeZone('America/New_York', () => dateInVietnam('2026-12-03T17:30:00Z'))).toBe('2026-12-04');
  });

  it('takes days of the calendar only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    for (const bad of ['2025-02-29', '2025-02-30', '2025-13-01', '2025-04-31', '2025-9-14', null]) expect(isIsoDate(bad), String(bad)).toBe(false);
  });

  it('shows today for a date in the URL that is not on the calendar, and says why', () => {
    const clock = new Date('2026-12-03T17:30:00Z');
    const bad = inTimeZone('America/New_York', () => readViewParams(new URLSearchParams('ngay=2025-02-30'), clock));
    expect(bad).toMatchObject({ asOf: '2026-12-04', dateError: 'Ngày không hợp lệ: 2025-02-30' });
    expect(readViewParams(new URLSearchParams('ngay=2024-02-29'), clock)).toMatchObject({ asOf: '2024-02-29', dateError: null });
    expect(readViewParams(new URLSearchParams(''), clock)).toMatchObject({ asOf: '2026-12-04', dateError: null });
  });

  it('finds the end of the previous quarter and month', () => {
    expect(previousQuarterEnd('2025-11-25')).toBe('2025-09-30');
    expect(previousQuarterEnd('2026-01-01')).toBe('2025-12-31');
    expect(previousMonthEnd('2026-03-15')).toBe('2026-02-28');
  });

  it('lists month ends ending with the date itself', () => {
    expect(monthEnds('2025-08-01', '2025-10-14')).toEqual(['2025-08-31', '2025-09-30', '2025-10-14']);
    expect(monthEnds('2025-08-01', '2025-08-31')).toEqual(['2025-08-31']);
  });

  it('formats like an official report', () => {
    expect(formatRate(0.725)).toBe('72,5%');
    expect(formatRate(null)).toBe('—');
    expect(formatPoints(0.25)).toBe('+25,0 điểm %');
    expect(formatDate('2025-09-14')).toBe('14/09/2025');
    expect(inTimeZone('America/New_York', () => formatDate('2025-09-14'))).toBe('14/09/2025');
  });
});
