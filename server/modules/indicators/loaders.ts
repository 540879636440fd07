import DataLoader from 'dataloader';
import type { Executor } from '../../db/client';
import { type Hidden, hiddenAreas } from '../access/disclosure';
import { type AreaCounts, cellsAround, countsAt, hamletParentsUnder } from './queries';

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

/**
 * What the public may see of each area (primary and complementary suppression,
 * server/modules/access/disclosure.ts), for one request. Asking about an area brings its family
 * and its ancestors' families; asking about a parent's children brings them too. The areas asked
 * in one tick share one statement. Used for anonymous requests only.
 */
export class PublicCellsStore {
  private readonly known = new Map<number, Hidden>();
  /** Keys: `a<id>` the area itself, `c<id>` the children of the area. */
  private readonly batched: DataLoader<string, true>;

  private readonly parentOf = new Map<number, number | null>();

  constructor(private readonly db: Executor) {
    this.batched = new DataLoader(async (keys) => {
      const ids = (prefix: string) => keys.filter((k) => k[0] === prefix).map((k) => Number(k.slice(1)));
      const cells = await cellsAround(db, ids('a'), ids('c'));
      for (const cell of cells) this.parentOf.set(cell.id, cell.parentId);
      for (const [id, hidden] of hiddenAreas(cells)) this.known.set(id, hidden);
      return keys.map(() => true as const);
    });
  }

  /** The status of the area if already known, without waiting. */
  peek(areaId: number): Hidden | undefined {
    return this.known.get(areaId);
  }

  /** Makes the status of these areas known (a list of siblings: one family). */
  async preload(areaIds: readonly number[]): Promise<void> {
    await Promise.all(areaIds.map((id) => this.batched.load(`a${id}`)));
  }

  /** The status of an area (undefined for an area that is not current). */
  async of(areaId: number): Promise<Hidden | undefined> {
    await this.batched.load(`a${areaId}`);
    return this.known.get(areaId);
  }

  /** The hamlets under an area that the public may not see (households basis), in one statement. */
  async hiddenHamletsUnder(areaId: number): Promise<number[]> {
    const parents = await hamletParentsUnder(this.db, areaId);
    await Promise.all(parents.map((id) => this.batched.load(`c${id}`)));
    return this.hiddenChildren(parents);
  }

  private hiddenChildren(parentIds: readonly number[]): number[] {
    const parents = new Set(parentIds);
    return [...this.parentOf].flatMap(([id, parentId]) => (parentId !== null && parents.has(parentId) && this.known.get(id)?.households ? [id] : []));
  }

  /** The status of each child of `parentId` that is asked about (undefined: not a current child). */
  async childrenOf(parentId: number): Promise<(childId: number) => Hidden | undefined> {
    await this.batched.load(`c${parentId}`);
    return (childId) => this.known.get(childId);
  }
}

export function createIndicatorLoaders(db: Executor) {
  return { counts: new CountsStore(db), publicCells: new PublicCellsStore(db) };
}
