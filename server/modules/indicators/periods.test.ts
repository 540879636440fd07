import { afterEach, describe, expect, it, vi } from 'vitest';
import { monthEnds, previousQuarterEnd, todayInVietnam } from './periods';

describe('calendar helpers', () => {
  it('finds the end of the previous calendar quarter', () => {
    expect(previousQuarterEnd('2025-12-31')).toBe('2025-09-30');
    expect(previousQuarterEnd('2026-01-01')).toBe('2025-12-31');
    expect(previousQuarterEnd('2026-06-30')).toBe('2026-03-31');
    expect(previousQuarterEnd('2026-11-25')).toBe('2026-09-30');
  });

  it('lists month ends with the last point on the end date', () => {
    expect(monthEnds('2025-11-15', '2026-02-10')).toEqual(['2025-11-30', '2025-12-31', '2026-01-31', '2026-02-10']);
    expect(monthEnds('2024-02-01', '2024-03-31')).toEqual(['2024-02-29', '2024-03-31']);
    expect(monthEnds('2025-12-31', '2025-12-31')).toEqual(['2025-12-31']);
  });

  it('takes today in Vietnam time', () => {
    expect(todayInVietnam(new Date('2025-12-31T17:30:00Z'))).toBe('2026-01-01');
    expect(todayInVietnam(new Date('2025-12-31T16:59:00Z'))).toBe('2025-12-31');
  });

  afterEach(() => vi.useRealTimers());

  it('turns to the next day at midnight in Vietnam, not a moment later', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-03-31T16:59:59.999Z'));
    expect(todayInVietnam()).toBe('2026-03-31');
    vi.setSystemTime(new Date('2026-03-31T17:00:00.000Z'));
    expect(todayInVietnam()).toBe('2026-04-01');
    vi.setSystemTime(new Date('2026-04-01T16:59:00.000Z'));
    expect(todayInVietnam()).toBe('2026-04-01');
  });
});
