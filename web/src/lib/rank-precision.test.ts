import { describe, expect, it } from 'vitest';
import { formatRatePrecise } from './format';
import { separatingDigits } from './rank-precision';

const entry = (code: string, rank: number, value: number) => ({ area: { code }, rank, ranked: true, value });

describe('separatingDigits', () => {
  it('gives two communes that both read 66,6% but rank 19 and 20 the decimals that tell them apart', () => {
    const entries = [entry('a', 18, 0.7), entry('b', 19, 1234 / 1852), entry('c', 20, 999 / 1500), entry('d', 21, 0.5)];
    const digits = separatingDigits(entries);
    expect([...digits.keys()]).toEqual(['b', 'c']);
    const shown = ['b', 'c'].map((code) => formatRatePrecise(entries.find((e) => e.area.code === code)!.value, digits.get(code)!));
    expect(shown[0]).not.toBe(shown[1]);
    expect(shown).toEqual(['66,63%', '66,60%']);
  });

  it('leaves a true tie (same rank) and unranked entries at one decimal', () => {
    const entries = [entry('a', 1, 2 / 3), entry('b', 1, 4 / 6), { area: { code: 'c' }, rank: null, ranked: false, value: 0.6666 }];
    expect(separatingDigits(entries).size).toBe(0);
  });
});
