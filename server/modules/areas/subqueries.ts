/*
 * The areas' tables as pieces of SQL that other modules' queries join, so that a join stays one
 * statement while the table names stay in this module (STYLE.md: a module owns its tables).
 */
import { type SQL, sql } from 'drizzle-orm';

/** Every area paired with each of its ancestors, itself included (depth 0): area_id, ancestor_id, depth. */
export const areaAncestry = sql`(select area_id, ancestor_id, depth from area_ancestors)`;

/** The ids (column area_id) of the area and of every area under it. */
export const areaAndBelow = (areaId: number | SQL) => sql`(select area_id from area_ancestors where ancestor_id = ${areaId})`;

/** Area rows, current and past: id, code, name, level, kind, parent_id, latitude, longitude, valid_to. */
export const areaRows = sql`(select id, code, name, level, kind, parent_id, latitude, longitude, valid_to from areas)`;
