import type { Db } from '../db/client';
import { createAreaLoaders } from '../modules/areas/loaders';
import { createIndicatorLoaders } from '../modules/indicators/loaders';
import { todayInVietnam } from '../modules/indicators/periods';

export interface Context {
  db: Db;
  /** The date "today" means for this request (Vietnam time). */
  today: string;
  loaders: ReturnType<typeof createAreaLoaders> & ReturnType<typeof createIndicatorLoaders>;
}

export function createContext(db: Db): Context {
  return {
    db,
    today: todayInVietnam(),
    loaders: { ...createAreaLoaders(db), ...createIndicatorLoaders(db) },
  };
}
