/** Vietnamese collation for every sort by name (Ả before B, Đ after D). */
export const viCollator = new Intl.Collator('vi');

export function byName<T extends { name: string }>(a: T, b: T): number {
  return viCollator.compare(a.name, b.name);
}

/** Names with numbers in natural order (Tổ dân phố 2 before Tổ dân phố 10), for teams and markets. */
export const viNaturalCollator = new Intl.Collator('vi', { numeric: true });

export function byNaturalName<T extends { name: string }>(a: T, b: T): number {
  return viNaturalCollator.compare(a.name, b.name);
}
