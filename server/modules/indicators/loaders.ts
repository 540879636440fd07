import DataLoader from 'dataloader';
import type { Executor } from '../../db/client';
import { type AreaCounts, countsAt } from './queries';

/**
 * The counts of (area, date) pairs for one request: what a list preloaded (one statement for all
 * its items) is there at once, and anything else is batched into one read per tick.
 */
export class CountsStore {
  private readonly known = new Map<string, Map<number, AreaCounts>>();
  private readonly batched: DataLoader<string, AreaCounts>;

  constructor(private readonly db: Executor) {
    this.batched = new DataLoader(async (keys) => {
      const ids = [...new Set(keys.map((k) => Number(k.split('|')[0])))];
      const dates = [...new Set(keys.map((k) => k.split('|')[1]!))];
      const rows = await countsAt(db, ids, dates);
      this.remember(rows);
      return keys.map((k) => {
        const [id, day] = k.split('|');
        return this.peek(Number(id), day!) ?? new Error(`no counts for ${k}`);
      });
    });
  }

  private remember(rows: readonly AreaCounts[]) {
    for (const row of rows) {
      let byArea = this.known.get(row.asOf);
      if (!byArea) this.known.set(row.asOf, (byArea = new Map()));
      byArea.set(row.areaId, row);
    }
  }

  /** The counts if they are already here (preloaded or loaded), without waiting. */
  peek(areaId: number, day: string): AreaCounts | undefined {
    return this.known.get(day)?.get(areaId);
  }

  load(areaId: number, day: string): Promise<AreaCounts> {
    const known = this.peek(areaId, day);
    return known ? Promise.resolve(known) : this.batched.load(`${areaId}|${day}`);
  }

  /** Reads the counts of all these areas at these dates in one statement. */
  async preload(areaIds: readonly number[], days: readonly string[]): Promise<void> {
    if (areaIds.length > 0 && days.length > 0) this.remember(await countsAt(this.db, areaIds, days));
  }
}

export function createIndicatorLoaders(db: Executor) {
  return { counts: new CountsStore(db) };
}
