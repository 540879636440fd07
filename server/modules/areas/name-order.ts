/*
 * Areas in the order of their Vietnamese names (Intl.Collator('vi')). Collation is slow next to
 * everything else a public read does (a province's 56 communes take ~250 comparisons), and the
 * same lists are asked again and again, so the order of a given list of names is remembered.
 */
const collator = new Intl.Collator('vi');
const orders = new Map<string, readonly number[]>();
const MAX_REMEMBERED = 2_000;

export function byVietnameseName<T extends { name: string }>(rows: readonly T[]): T[] {
  if (rows.length < 2) return [...rows];
  const key = rows.map((r) => r.name).join('\u0000');
  let order = orders.get(key);
  if (!order) {
    order = rows.map((_, i) => i).sort((a, b) => collator.compare(rows[a]!.name, rows[b]!.name));
    if (orders.size >= MAX_REMEMBERED) orders.clear();
    orders.set(key, order);
  }
  return order.map((i) => rows[i]!);
}
