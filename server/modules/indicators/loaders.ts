import DataLoader from 'dataloader';
import type { Executor } from '../../db/client';
import { type AreaCounts, countsAt } from './queries';

export const countsKey = (areaId: number, asOf: string) => `${areaId}|${asOf}`;

/** Counts of (area, date) pairs, batched into one read per request tick. */
export function createIndicatorLoaders(db: Executor) {
  return {
    counts: new DataLoader<string, AreaCounts>(async (keys) => {
      const ids = [...new Set(keys.map((k) => Number(k.split('|')[0])))];
      const dates = [...new Set(keys.map((k) => k.split('|')[1]!))];
      const rows = await countsAt(db, ids, dates);
      const byKey = new Map(rows.map((r) => [countsKey(r.areaId, r.asOf), r]));
      return keys.map((k) => byKey.get(k) ?? new Error(`no counts for ${k}`));
    }),
  };
}
