import { describe, expect, it } from 'vitest';
import { monthEnds, previousQuarterEnd } from './periods';

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

});
