import DataLoader from 'dataloader';
import type { Executor } from '../../db/client';
import { byVietnameseName } from './name-order';
import { type AreaSummary, findAreasByIds, findChildren } from './queries';

/** Per-request batching: a list of areas asking for their parents or children costs one query. */
export function createAreaLoaders(db: Executor) {
  return {
    areaById: new DataLoader<number, AreaSummary | null>(async (ids) => {
      const rows = await findAreasByIds(db, ids);
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    childrenByParentId: new DataLoader<number, AreaSummary[]>(async (ids) => {
      const rows = await findChildren(db, ids);
      return ids.map((id) => byVietnameseName(rows.filter((r) => r.parentId === id)));
    }),
  };
}
