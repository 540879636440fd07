import { describe, expect, it } from 'vitest';
import { compareFractions, difference, fraction, rankAreas, rate } from './ranking';

const area = (name: string, numerator: number, denominator: number, households = denominator) =>
  ({ name, households, score: rate(numerator, denominator) });

const ranks = (items: ReturnType<typeof area>[], minHouseholds = 10) =>
  rankAreas(items, { minHouseholds }).map((r) => [r.item.name, r.rank]);

describe('rankAreas', () => {
  it('shares a rank between exactly equal fractions, competition style', () => {
    expect(ranks([area('C', 1, 2, 20), area('A', 3, 4, 20), area('B', 6, 8, 20), area('D', 10, 20)])).toEqual([
      ['A', 1], ['B', 1], ['C', 3], ['D', 3],
    ]);
  });

  it('does not tie fractions that only look equal as floats', () => {
    // 1/3 and 333333333/1000000000 differ; floats of close fractions must not decide a tie
    const items = [area('Một phần ba', 1, 3, 30), area('Gần bằng', 333_333_333, 1_000_000_000, 30)];
    expect(ranks(items)).toEqual([['Một phần ba', 1], ['Gần bằng', 2]]);
  });

  it('orders a tie by Vietnamese collation, not by code points', () => {
    const names = ['Xóm Đông', 'Xóm Ăn', 'Xóm Bắc', 'Xóm An', 'Xóm Ấp'];
    const result = ranks(names.map((n) => area(n, 5, 10)));
    expect(result.map(([n]) => n)).toEqual(['Xóm An', 'Xóm Ăn', 'Xóm Ấp', 'Xóm Bắc', 'Xóm Đông']);
    expect(result.every(([, rank]) => rank === 1)).toBe(true);
  });

  it('lists areas under the household minimum and with no denominator as unranked, last', () => {
    expect(ranks([area('Nhỏ', 9, 9), area('Rỗng', 0, 0), area('Lớn', 1, 10)])).toEqual([
      ['Lớn', 1], ['Nhỏ', null], ['Rỗng', null],
    ]);
  });

  it('applies the threshold inclusively: exactly the minimum is ranked', () => {
    expect(ranks([area('Đủ', 1, 10), area('Thiếu', 9, 9)], 10)).toEqual([['Đủ', 1], ['Thiếu', null]]);
  });

  it('ranks negative improvements below zero and keeps exact differences', () => {
    const gained = difference(fraction(3, 10), fraction(1, 10));
    const lost = difference(fraction(1, 10), fraction(2, 10));
    const items = [{ name: 'Giảm', households: 10, score: lost }, { name: 'Tăng', households: 10, score: gained }];
    expect(rankAreas(items).map((r) => [r.item.name, r.rank])).toEqual([['Tăng', 1], ['Giảm', 2]]);
  });

  it('compares improvements of large areas exactly, beyond the doubles\' exact range', () => {
    // Two improvements of ~27 million households each: cross products near 10^29, differing by one part in 10^14.
    const big = 27_000_000;
    const a = difference(fraction(big - 1, big), fraction(1, big))!;
    const b = difference(fraction(big - 1, big + 1), fraction(1, big + 1))!;
    expect(compareFractions(a, b)).toBe(1);
    expect(compareFractions(b, a)).toBe(-1);
    expect(compareFractions(a, difference(fraction(2 * (big - 1), 2 * big), fraction(2, 2 * big))!)).toBe(0);
    const items = [{ name: 'B', households: big, score: b }, { name: 'A', households: big, score: a }];
    expect(rankAreas(items).map((r) => [r.item.name, r.rank])).toEqual([['A', 1], ['B', 2]]);
  });
});
