import { describe, expect, it } from 'vitest';
import { classify, NO_DATA_COLOUR, PALETTE } from './palette';

describe('classify', () => {
  it('picks nice equal intervals that cover the values and counts each class', () => {
    const c = classify([0.018, 0.1, 0.129, 0.232, 0.396, 0.729, null]);
    expect(c.classes.map((k) => [k.lower, k.upper])).toEqual([[0, 0.2], [0.2, 0.4], [0.4, 0.6], [0.6, 0.8], [0.8, 1]]);
    expect(c.classes.map((k) => k.count)).toEqual([3, 2, 0, 1, 0]);
    expect(c.noData).toBe(1);
    expect(c.colourOf(null)).toBe(NO_DATA_COLOUR);
  });

  it('narrows the classes when the values are close, lower bound inclusive, top bound closed', () => {
    const c = classify([0.61, 0.65, 0.7, 0.72]);
    expect(c.classes[0]).toMatchObject({ lower: 0.6, upper: 0.625 });
    expect(c.classOf(0.625)).toBe(1);
    expect(c.classOf(0.7)).toBe(4);
    expect(c.classes.reduce((n, k) => n + k.count, 0)).toBe(4);
  });

  it('keeps 100% in the last class and never leaves 0..1', () => {
    const c = classify([0.95, 1]);
    expect(c.classes.at(-1)?.upper).toBe(1);
    expect(c.colourOf(1)).toBe(PALETTE[4]);
  });

  it('works with no data at all', () => {
    const c = classify([null, undefined]);
    expect(c.noData).toBe(2);
    expect(c.classes).toHaveLength(5);
  });
});
