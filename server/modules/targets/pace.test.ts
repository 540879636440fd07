import { describe, expect, it } from 'vitest';
import { daysInclusive, parsePeriod, projectPace, targetCompletion } from './pace';

const q4 = parsePeriod('2025-Q4')!;

describe('parsePeriod', () => {
  it('reads quarters and years, rejects anything else', () => {
    expect(q4).toEqual({ period: '2025-Q4', start: '2025-10-01', end: '2025-12-31' });
    expect(parsePeriod('2026-Q1')).toMatchObject({ start: '2026-01-01', end: '2026-03-31' });
    expect(parsePeriod('2024-Q1')!.end).toBe('2024-03-31');
    expect(parsePeriod('2025')).toMatchObject({ start: '2025-01-01', end: '2025-12-31' });
    for (const bad of ['2025-Q5', '2025-Q0', 'Q4-2025', '25', '2025-4', '']) expect(parsePeriod(bad)).toBeNull();
  });

  it('counts days inclusively', () => {
    expect(daysInclusive(q4.start, q4.end)).toBe(92);
    expect(daysInclusive('2025-10-01', '2025-10-01')).toBe(1);
    expect(daysInclusive('2025-10-02', '2025-10-01')).toBe(0);
  });
});

describe('projectPace', () => {
  it('projects achieved / elapsed share to the period end', () => {
    // 46 of 92 days elapsed (2025-11-15), 30 achieved → 60 projected
    const p = projectPace({ achieved: 30, target: 80, range: q4, asOf: '2025-11-15' });
    expect(p.elapsedShare).toBe(0.5);
    expect(p.projected).toBe(60);
    expect(p.status).toBe('AT_RISK');
    expect(projectPace({ achieved: 30, target: 60, range: q4, asOf: '2025-11-15' }).status).toBe('ON_TRACK');
    expect(projectPace({ achieved: 30, target: 61, range: q4, asOf: '2025-11-15' }).status).toBe('AT_RISK');
  });

  it('does not judge a period that has not started', () => {
    expect(projectPace({ achieved: 0, target: 10, range: q4, asOf: '2025-09-30' }))
      .toEqual({ elapsedShare: 0, projected: null, status: 'NOT_STARTED' });
  });

  it('calls a reached target met, and a shortfall after the end missed', () => {
    expect(projectPace({ achieved: 12, target: 10, range: q4, asOf: '2025-10-05' }).status).toBe('MET');
    expect(projectPace({ achieved: 9, target: 10, range: q4, asOf: '2026-02-01' })).toMatchObject({ elapsedShare: 1, projected: 9, status: 'MISSED' });
    expect(projectPace({ achieved: 10, target: 10, range: q4, asOf: '2025-12-31' }).status).toBe('MET');
  });

  it('flags a team with nothing done on the first day', () => {
    expect(projectPace({ achieved: 0, target: 5, range: q4, asOf: '2025-10-01' })).toMatchObject({ projected: 0, status: 'AT_RISK' });
  });
});

describe('targetCompletion', () => {
  it('caps each achievement at its target', () => {
    expect(targetCompletion([{ achieved: 30, target: 10 }, { achieved: 5, target: 10 }]))
      .toEqual({ numerator: 15, denominator: 20, value: 0.75 });
    expect(targetCompletion([]).value).toBeNull();
  });
});
