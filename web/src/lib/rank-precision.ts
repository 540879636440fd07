/** Enough decimals that two neighbours of different ranks never show the same rate. */
import { formatRatePrecise } from './format';

export interface RankedValue {
  area: { code: string };
  rank?: number | null;
  ranked: boolean;
  value?: number | null;
}

/**
 * How many decimals each rate needs so that neighbours of different ranks never read the same
 * ("66,6%" at ranks 19 and 20 becomes 66,63% and 66,58%): one, or up to four where needed.
 * Only the entries that need more are in the map.
 */
export function separatingDigits(entries: readonly RankedValue[]): Map<string, number> {
  const digits = new Map<string, number>();
  for (let i = 1; i < entries.length; i++) {
    const [a, b] = [entries[i - 1]!, entries[i]!];
    if (!a.ranked || !b.ranked || a.rank === b.rank || a.value == null || b.value == null) continue;
    let d = 1;
    while (d < 4 && formatRatePrecise(a.value, d) === formatRatePrecise(b.value, d)) d++;
    if (d > 1) for (const e of [a, b]) digits.set(e.area.code, Math.max(d, digits.get(e.area.code) ?? 1));
  }
  return digits;
}
