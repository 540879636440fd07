import type { Db } from '../db/client';
import { createAreaLoaders } from '../modules/areas/loaders';
import { createIndicatorLoaders } from '../modules/indicators/loaders';
import { todayInVietnam } from '../modules/indicators/periods';
import type { Viewer } from '../modules/access/roles';

export interface Context {
  db: Db;
  /** The date "today" means for this request (Vietnam time). */
  today: string;
  /** The signed-in user, or null for the public. */
  viewer: Viewer | null;
  loaders: ReturnType<typeof createAreaLoaders> & ReturnType<typeof createIndicatorLoaders>;
}

export function createContext(db: Db, viewer: Viewer | null = null): Context {
  return {
    db,
    viewer,
    today: todayInVietnam(),
    loaders: { ...createAreaLoaders(db), ...createIndicatorLoaders(db) },
  };
}
