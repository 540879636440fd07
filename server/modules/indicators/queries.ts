/*
 * Reads of the indicator aggregates. Each function is one statement whatever the number of areas
 * or dates asked for; none touches households, so the cost follows the number of areas. The
 * public reads behind leaderboards, maps and series are built once (server/db/statement.ts).
 */
import { type Placeholder, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/client';
import { areaAncestry, areaRows } from '../areas/subqueries';
import { statement } from '../../db/statement';
import type { AreaSummary } from '../areas/queries';

/** Ids or dates sent as one JSON-array parameter (its text, or a statement's placeholder for it). */
type JsonList = string | Placeholder;
const idList = (ids: JsonList) => sql`(select (jsonb_array_elements_text(${ids}::jsonb))::int)`;
const dateList = (dates: JsonList) => sql`(select (jsonb_array_elements_text(${dates}::jsonb))::date as day)`;

export interface AreaCounts {
  areaId: number;
  asOf: string;
  households: number;
  residents: number;
  digitalFamilies: number;
  skilledResidents: number;
}

const countsStatement = statement<{ ids: string; dates: string }, AreaCounts>((p) => sql`
    select a.id as "areaId", to_char(d.day, 'YYYY-MM-DD') as "asOf",
           coalesce(t.households, 0)::int as households, coalesce(t.residents, 0)::int as residents,
           coalesce(v.digital_families, 0)::int as "digitalFamilies",
           coalesce(v.skilled_residents, 0)::int as "skilledResidents"
    from ${idList(p.ids)} a(id)
    cross join ${dateList(p.dates)} d
    left join area_totals t on t.area_id = a.id
    left join lateral (
      select digital_families, skilled_residents from area_daily_totals x
      where x.area_id = a.id and x.day <= d.day order by x.day desc limit 1) v on true`);

/** Denominators and numerators of each area at each date. */
export function countsAt(db: Executor, areaIds: readonly number[], dates: readonly string[]): Promise<AreaCounts[]> {
  return countsStatement(db, { ids: JSON.stringify(areaIds), dates: JSON.stringify(dates) });
}

export interface ChildCounts extends AreaCounts, Omit<AreaSummary, 'id'> {}

const childCountsStatement = statement<{ parentCode: string; dates: string }, ChildCounts>((p) => sql`
    select c.id as "areaId", c.code, c.name, c.level, c.kind, c.parent_id as "parentId",
           c.latitude, c.longitude, to_char(d.day, 'YYYY-MM-DD') as "asOf",
           coalesce(t.households, 0)::int as households, coalesce(t.residents, 0)::int as residents,
           coalesce(v.digital_families, 0)::int as "digitalFamilies",
           coalesce(v.skilled_residents, 0)::int as "skilledResidents"
    from ${areaRows} p
    join ${areaRows} c on c.parent_id = p.id and c.valid_to is null
    cross join ${dateList(p.dates)} d
    left join area_totals t on t.area_id = c.id
    left join lateral (
      select digital_families, skilled_residents from area_daily_totals x
      where x.area_id = c.id and x.day <= d.day order by x.day desc limit 1) v on true
    where p.code = ${p.parentCode} and p.valid_to is null`);

/** The current children of a parent with their counts at each date: a whole leaderboard in one read. */
export function childCountsAt(db: Executor, parentCode: string, dates: readonly string[]): Promise<ChildCounts[]> {
  return childCountsStatement(db, { parentCode, dates: JSON.stringify(dates) });
}

const thresholdsStatement = statement<{ ids: string; asOf: string }, { areaId: number; thousandths: number }>((p) => sql`
    select a.id as "areaId", round(s.digital_hamlet_threshold * 1000)::int as thousandths
    from ${idList(p.ids)} a(id)
    -- each area's own province by key (limit 1 keeps the lookup per area), never every area under the provinces
    cross join lateral (select p.id from ${areaAncestry} up join ${areaRows} p on p.id = up.ancestor_id
      where up.area_id = a.id and p.level = 'province' limit 1) p
    join lateral (
      select digital_hamlet_threshold from criteria_sets s
      where s.province_id = p.id and s.year <= extract(year from ${p.asOf}::date)
      order by s.year desc limit 1) s on true`);

/**
 * The "Xóm số" threshold (thousandths, exact) of the criteria set in force at `asOf` for each
 * area's province; areas above provinces have none.
 */
export function thresholdsAt(db: Executor, areaIds: readonly number[], asOf: string) {
  return thresholdsStatement(db, { ids: JSON.stringify(areaIds), asOf });
}

/**
 * How many hamlets under each area are at or above their province's threshold at `asOf`; the
 * hamlets of `uncounted` (hidden from the public) are never counted as such.
 */
export function digitalHamletCounts(db: Executor, areaIds: readonly number[], asOf: string, uncounted: readonly number[] = []) {
  return queryRows<{ areaId: number; count: number; total: number; thousandths: number | null }>(db, sql`
    with hamlets as (
      select up.ancestor_id as area_id, h.id as hamlet_id, p.id as province_id
      from ${idList(JSON.stringify(areaIds))} a(id)
      join ${areaAncestry} up on up.ancestor_id = a.id
      join ${areaRows} h on h.id = up.area_id and h.level = 'hamlet' and h.valid_to is null
      join ${areaAncestry} hp on hp.area_id = h.id
      join ${areaRows} p on p.id = hp.ancestor_id and p.level = 'province'
    ),
    thresholds as (
      select distinct on (s.province_id) s.province_id, s.digital_hamlet_threshold as threshold
      from criteria_sets s where s.year <= extract(year from ${asOf}::date)
      order by s.province_id, s.year desc
    )
    select a.id as "areaId",
           count(x.hamlet_id)::int as total,
           (count(*) filter (where t.households > 0
              and v.digital_families >= th.threshold * t.households
              and x.hamlet_id not in ${idList(JSON.stringify(uncounted))}))::int as count,
           round(min(th.threshold) * 1000)::int as thousandths
    from ${idList(JSON.stringify(areaIds))} a(id)
    left join hamlets x on x.area_id = a.id
    left join thresholds th on th.province_id = x.province_id
    left join area_totals t on t.area_id = x.hamlet_id
    left join lateral (
      select digital_families from area_daily_totals d
      where d.area_id = x.hamlet_id and d.day <= ${asOf}::date order by d.day desc limit 1) v on true
    group by a.id`);
}

export interface CriterionCounts {
  areaId: number;
  code: string;
  label: string;
  position: number;
  households: number;
  met: number;
}

/** Households meeting each item of the criteria set in force at `asOf`, per area. */
export function criterionCountsAt(db: Executor, areaIds: readonly number[], asOf: string): Promise<CriterionCounts[]> {
  return queryRows<CriterionCounts>(db, sql`
    select a.id as "areaId", c.code, c.label, i.position::int as position,
           coalesce(t.households, 0)::int as households, coalesce(v.households, 0)::int as met
    from ${idList(JSON.stringify(areaIds))} a(id)
    join ${areaAncestry} up on up.area_id = a.id
    join ${areaRows} p on p.id = up.ancestor_id and p.level = 'province'
    join lateral (
      select id from criteria_sets s where s.province_id = p.id and s.year <= extract(year from ${asOf}::date)
      order by s.year desc limit 1) s on true
    join criteria_set_items i on i.set_id = s.id
    join criteria c on c.code = i.criterion_code
    left join area_totals t on t.area_id = a.id
    left join lateral (
      select households from area_criterion_daily_totals d
      where d.area_id = a.id and d.criterion_code = c.code and d.day <= ${asOf}::date
      order by d.day desc limit 1) v on true
    order by a.id, i.position`);
}

export interface CellRow {
  id: number;
  parentId: number | null;
  households: number;
  residents: number;
}

const cellsAroundStatement = statement<{ ids: string; parents: string }, CellRow>((p) => sql`
    with parents as (
      -- the children of each parent asked (a leaderboard), and the siblings of each area asked and
      -- of each of its ancestors: what the public status of each of them depends on
      select a.id from ${idList(p.parents)} a(id)
      union
      select x.parent_id from ${areaAncestry} up join ${areaRows} x on x.id = up.ancestor_id
      where up.area_id in (select a.id from ${idList(p.ids)} a(id) union select a.id from ${idList(p.parents)} a(id))
        and x.parent_id is not null
    )
    select c.id, c.parent_id as "parentId", coalesce(t.households, 0)::int as households, coalesce(t.residents, 0)::int as residents
    from parents p join ${areaRows} c on c.parent_id = p.id and c.valid_to is null
    left join area_totals t on t.area_id = c.id
    union all
    select c.id, null, coalesce(t.households, 0)::int, coalesce(t.residents, 0)::int
    from ${areaRows} c left join area_totals t on t.area_id = c.id
    where c.parent_id is null and c.valid_to is null`);

/**
 * Current denominators of the areas the public status of `areaIds` and of the children of
 * `parentIds` depends on (server/modules/access/disclosure.ts): their families (siblings), their
 * ancestors' families, and the roots. One statement whatever the number of areas.
 */
export function cellsAround(db: Executor, areaIds: readonly number[], parentIds: readonly number[]): Promise<CellRow[]> {
  return cellsAroundStatement(db, { ids: JSON.stringify(areaIds), parents: JSON.stringify(parentIds) });
}

/** The parents of the current hamlets under an area (the area itself when it is a commune). */
export async function hamletParentsUnder(db: Executor, areaId: number): Promise<number[]> {
  const rows = await queryRows<{ id: number }>(db, sql`
    select distinct h.parent_id as id from ${areaAncestry} up
    join ${areaRows} h on h.id = up.area_id and h.level = 'hamlet' and h.valid_to is null
    where up.ancestor_id = ${areaId} and h.parent_id is not null`);
  return rows.map((r) => r.id);
}
