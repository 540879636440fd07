import { sql } from 'drizzle-orm';
import type { Geometry } from 'geojson';
import {
  type AnyPgColumn,
  check, date, doublePrecision, index, integer, jsonb, pgEnum, pgTable, primaryKey, smallint, text, uniqueIndex,
} from 'drizzle-orm/pg-core';

export const areaLevel = pgEnum('area_level', ['country', 'province', 'commune', 'hamlet']);

/** Administrative units. `code` is the identity (official code); names are display data. */
export const areas = pgTable(
  'areas',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** Name folded for matching: case, NFC/NFD and tone-mark placement do not matter. */
    nameKey: text('name_key').notNull(),
    level: areaLevel('level').notNull(),
    kind: text('kind').notNull(),
    parentId: integer('parent_id').references((): AnyPgColumn => areas.id),
    // 1 July 2025: the two-level local government took effect (not the movement's start, server/dates.ts).
    validFrom: date('valid_from').notNull().default('2025-07-01'),
    validTo: date('valid_to'),
    geometry: jsonb('geometry').$type<Geometry>(),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
  },
  (t) => [
    uniqueIndex('areas_current_code_uq').on(t.code).where(sql`${t.validTo} is null`),
    index('areas_parent_idx').on(t.parentId),
    index('areas_name_key_idx').on(t.nameKey),
    check('areas_validity_ck', sql`${t.validTo} is null or ${t.validTo} > ${t.validFrom}`),
  ],
);

/** Closure of the hierarchy (an area is its own ancestor at depth 0): roll-ups without recursion. */
export const areaAncestors = pgTable(
  'area_ancestors',
  {
    areaId: integer('area_id').notNull().references(() => areas.id, { onDelete: 'cascade' }),
    ancestorId: integer('ancestor_id').notNull().references(() => areas.id, { onDelete: 'cascade' }),
    depth: smallint('depth').notNull(),
  },
  (t) => [primaryKey({ columns: [t.areaId, t.ancestorId] }), index('area_ancestors_ancestor_idx').on(t.ancestorId, t.depth)],
);
