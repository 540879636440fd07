import { and, asc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client';
import { areas } from './schema';

export type AreaRow = typeof areas.$inferSelect;
export type AreaLevelValue = AreaRow['level'];

/** Columns a reader needs; geometry stays out (it is served as GeoJSON on its own). */
export const areaColumns = {
  id: areas.id, code: areas.code, name: areas.name, level: areas.level, kind: areas.kind,
  parentId: areas.parentId, latitude: areas.latitude, longitude: areas.longitude,
};
export type AreaSummary = { [K in keyof typeof areaColumns]: AreaRow[K] };

const current = isNull(areas.validTo);

export function findAreasByCodes(db: Executor, codes: readonly string[]): Promise<AreaSummary[]> {
  return db.select(areaColumns).from(areas).where(and(current, inArray(areas.code, [...codes])));
}

export function findAreasByIds(db: Executor, ids: readonly number[]): Promise<AreaSummary[]> {
  return db.select(areaColumns).from(areas).where(inArray(areas.id, [...ids]));
}

export function findChildren(db: Executor, parentIds: readonly number[]): Promise<AreaSummary[]> {
  return db.select(areaColumns).from(areas).where(and(current, inArray(areas.parentId, [...parentIds])));
}

export function listAreas(db: Executor, filter: { parentCode?: string; level?: AreaLevelValue }): Promise<AreaSummary[]> {
  const parent = alias(areas, 'parent');
  const conditions: SQL[] = [current];
  if (filter.level) conditions.push(eq(areas.level, filter.level));
  const query = db.select(areaColumns).from(areas);
  if (filter.parentCode === undefined) return query.where(and(...conditions)).orderBy(asc(areas.code));
  return query
    .innerJoin(parent, eq(parent.id, areas.parentId))
    .where(and(...conditions, eq(parent.code, filter.parentCode), isNull(parent.validTo)))
    .orderBy(asc(areas.code));
}

/** GeoJSON features of a parent's children: their boundary, or their point when they have none. */
export function childFeatures(db: Executor, parentCode: string) {
  return db
    .select({ code: areas.code, name: areas.name, kind: areas.kind, level: areas.level,
      geometry: areas.geometry, latitude: areas.latitude, longitude: areas.longitude })
    .from(areas)
    .where(and(current, sql`${areas.parentId} = (select id from areas p where p.code = ${parentCode} and p.valid_to is null)`))
    .orderBy(asc(areas.code));
}

/** Rebuilds the closure table from the parent links (after areas were added or moved). */
export async function rebuildAncestors(db: Executor): Promise<void> {
  await db.execute(sql`delete from area_ancestors`);
  await db.execute(sql`
    insert into area_ancestors (area_id, ancestor_id, depth)
    with recursive up as (
      select id as area_id, id as ancestor_id, 0 as depth, parent_id from areas
      union all
      select up.area_id, a.id, up.depth + 1, a.parent_id from up join areas a on a.id = up.parent_id
    )
    select area_id, ancestor_id, depth from up`);
}
