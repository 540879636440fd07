/** Vietnamese collation for every sort by name (Ả before B, Đ after D). */
export const viCollator = new Intl.Collator('vi');

export function byName<T extends { name: string }>(a: T, b: T): number {
  return viCollator.compare(a.name, b.name);
}
