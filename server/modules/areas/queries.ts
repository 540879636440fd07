import { and, asc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { type Executor, queryRows } from '../../db/client';
import { statement } from '../../db/statement';
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

/** The columns of areaColumns from `table`, for the statements built once (server/db/statement.ts). */
const summary = (table: string) => sql.join(Object.entries(areaColumns).map(([key, column]) =>
  sql`${sql.identifier(table)}.${sql.identifier(column.name)} as ${sql.identifier(key)}`), sql`, `);

const areasByCodes = statement<{ codes: string }, AreaSummary>((p) => sql`
  select ${summary('a')} from areas a
  where a.valid_to is null and a.code in (select jsonb_array_elements_text(${p.codes}::jsonb))`);

export function findAreasByCodes(db: Executor, codes: readonly string[]): Promise<AreaSummary[]> {
  return areasByCodes(db, { codes: JSON.stringify(codes) });
}

const childrenByParentCode = statement<{ parentCode: string }, AreaSummary>((p) => sql`
  select ${summary('c')} from areas c join areas p on p.id = c.parent_id
  where c.valid_to is null and p.code = ${p.parentCode} and p.valid_to is null
  order by c.code`);

export function findAreasByIds(db: Executor, ids: readonly number[]): Promise<AreaSummary[]> {
  return db.select(areaColumns).from(areas).where(inArray(areas.id, [...ids]));
}

export function findChildren(db: Executor, parentIds: readonly number[]): Promise<AreaSummary[]> {
  return db.select(areaColumns).from(areas).where(and(current, inArray(areas.parentId, [...parentIds])));
}

export function listAreas(db: Executor, filter: { parentCode?: string; level?: AreaLevelValue }): Promise<AreaSummary[]> {
  // A parent's children (the map, the area pickers) is the public read: built once.
  if (filter.parentCode !== undefined && !filter.level) return childrenByParentCode(db, { parentCode: filter.parentCode });
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

/**
 * The GeoJSON FeatureCollection of a parent's children (their boundary, or their point when they
 * have none), assembled by PostgreSQL as text: the boundaries are the bulk of it and pass through
 * as stored, never parsed and re-serialised in Node. Unknown parents give an empty collection.
 */
export async function childFeatureCollection(db: Executor, parentCode: string): Promise<string> {
  const [row] = await queryRows<{ body: string }>(db, sql`
    select json_build_object('type', 'FeatureCollection', 'features', coalesce(json_agg(
             json_build_object('type', 'Feature', 'geometry', f.shape,
               'properties', json_build_object('code', f.code, 'name', f.name, 'kind', f.kind, 'level', f.level))
             order by f.code), '[]'))::text as body
    from (
      select c.code, c.name, c.kind, c.level,
             coalesce(c.geometry::json, case when c.latitude is not null and c.longitude is not null
               then json_build_object('type', 'Point', 'coordinates', json_build_array(c.longitude, c.latitude)) end) as shape
      from areas p join areas c on c.parent_id = p.id and c.valid_to is null
      where p.code = ${parentCode} and p.valid_to is null) f
    where f.shape is not null`);
  return row!.body;
}

/** The ids of the current areas of these levels. */
export async function findCurrentAreaIds(db: Executor, levels: readonly AreaLevelValue[]): Promise<number[]> {
  const rows = await db.select({ id: areas.id }).from(areas).where(and(current, inArray(areas.level, [...levels])));
  return rows.map((r) => r.id);
}

/** How many of `areaIds` lie outside every one of `scopeIds` (an area is inside itself). */
export async function countOutside(db: Executor, areaIds: readonly number[], scopeIds: readonly number[]): Promise<number> {
  const [row] = await queryRows<{ missing: number }>(db, sql`
    select count(*)::int as missing
    from (select distinct (jsonb_array_elements_text(${JSON.stringify(areaIds)}::jsonb))::int as id) a
    where not exists (
      select 1 from area_ancestors up
      where up.area_id = a.id
        and up.ancestor_id in (select (jsonb_array_elements_text(${JSON.stringify(scopeIds)}::jsonb))::int))`);
  return row?.missing ?? 0;
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

const ancestorsOf = statement<{ ids: string; codes: string }, { code: string }>((p) => sql`
  select distinct a.code from area_ancestors aa join areas a on a.id = aa.ancestor_id
  where aa.area_id in (
    select id from areas where id in (select jsonb_array_elements_text(${p.ids}::jsonb)::int)
    or code in (select jsonb_array_elements_text(${p.codes}::jsonb)))`);

/** The codes of the given areas and of all their ancestors (for the change events: server/modules/changes). */
export async function ancestorCodes(db: Executor, ids: readonly number[], codes: readonly string[]): Promise<string[]> {
  if (ids.length === 0 && codes.length === 0) return [];
  const rows = await ancestorsOf(db, { ids: JSON.stringify(ids), codes: JSON.stringify(codes) });
  return [...new Set([...codes, ...rows.map((r) => r.code)])];
}
