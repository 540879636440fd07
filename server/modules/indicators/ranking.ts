/*
 * The ranking rules of DOMAIN.md as pure functions: minimum households, exact-fraction ties with
 * competition ranking (1, 2, 2, 4), Vietnamese collation inside a tie, unranked entries last.
 */

/**
 * An exact rational number of integers. Values are compared by cross-multiplication, never as
 * floats: in doubles while the products are exact (below 2^53: any two counts of households up to
 * ~94 million), in BigInt beyond (comparing two improvements multiplies four counts).
 */
export interface Fraction {
  numerator: number;
  denominator: number;
}

export const fraction = (numerator: number, denominator: number): Fraction => ({ numerator, denominator });

const exact = (n: number) => Math.abs(n) <= Number.MAX_SAFE_INTEGER;

/** a/b − c/d, or null when either side has no denominator. */
export function difference(a: Fraction | null, b: Fraction | null): Fraction | null {
  if (!a || !b) return null;
  const left = a.numerator * b.denominator;
  const right = b.numerator * a.denominator;
  const denominator = a.denominator * b.denominator;
  if (!exact(left) || !exact(right) || !exact(denominator)) {
    throw new RangeError('difference: counts too large for exact arithmetic');
  }
  return { numerator: left - right, denominator };
}

export function compareFractions(a: Fraction, b: Fraction): number {
  const left = a.numerator * b.denominator;
  const right = b.numerator * a.denominator;
  if (exact(left) && exact(right)) return left === right ? 0 : left > right ? 1 : -1;
  const l = BigInt(a.numerator) * BigInt(b.denominator);
  const r = BigInt(b.numerator) * BigInt(a.denominator);
  return l === r ? 0 : l > r ? 1 : -1;
}

export const toNumber = (f: Fraction | null): number | null => (f === null ? null : f.numerator / f.denominator);

/** A rate as a fraction, or null when its denominator is 0 (no value to rank). */
export const rate = (numerator: number, denominator: number): Fraction | null =>
  denominator > 0 ? fraction(numerator, denominator) : null;

export interface Rankable {
  name: string;
  households: number;
  score: Fraction | null;
}

export interface Ranked<T> {
  item: T;
  rank: number | null;
}

export interface RankingRules {
  minHouseholds: number;
}

export const DEFAULT_RULES: RankingRules = { minHouseholds: 10 };

const collator = new Intl.Collator('vi');

/** Orders items for display and gives each its competition rank (null = "chưa xếp hạng"). */
export function rankAreas<T extends Rankable>(items: readonly T[], rules: RankingRules = DEFAULT_RULES): Ranked<T>[] {
  const isRanked = (item: T) => item.households >= rules.minHouseholds && item.score !== null;
  const ranked = items.filter(isRanked).sort(
    (a, b) => compareFractions(b.score!, a.score!) || collator.compare(a.name, b.name),
  );
  const unranked = items.filter((item) => !isRanked(item)).sort((a, b) => collator.compare(a.name, b.name));

  const result: Ranked<T>[] = [];
  ranked.forEach((item, index) => {
    const previous = result[index - 1];
    const tied = previous && compareFractions(previous.item.score!, item.score!) === 0;
    result.push({ item, rank: tied ? previous.rank : index + 1 });
  });
  return [...result, ...unranked.map((item) => ({ item, rank: null }))];
}
