import { describe, expect, it } from 'vitest';
import { monthEnds, previousMonthEnd, previousQuarterEnd } from './dates';
import { formatDate, formatPoints, formatRate } from './format';

describe('dates and vi-VN formats', () => {
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
  });
});
