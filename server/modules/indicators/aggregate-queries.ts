/*
 * Maintenance of the indicator aggregates. Every figure a reader sees comes from these tables, so
 * the same SQL derives them in a full recount and in the incremental path of each write.
 *
 * An "event" is a change of a count in a hamlet on a day: a household becoming (+1) or ceasing to
 * be (−1) a Gia đình số, meeting or losing a criterion, a resident's first pass; `day` null marks
 * the current denominators (households, residents).
 */
import { type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/client';

export type EventKind = 'households' | 'residents' | 'digital' | 'skilled' | 'criterion';

export interface AggregateEvent {
  hamletId: number;
  kind: EventKind;
  criterion: string;
  day: string | null;
  delta: number;
}

/**
 * The households a statement works on, read once and first (materialized): every branch below
 * joins this CTE, and the planner must not start from every household of a province and filter late.
 */
const matched = (filter: SQL) => sql`matched as materialized (select h.id, h.hamlet_id from households h where ${filter})`;

/** Gia đình số periods of the households in the CTE `matched`. */
const digitalPeriods = sql`
  with sets as (
    select s.id, s.province_id, make_date(s.year, 1, 1) as starts_on,
           lead(make_date(s.year, 1, 1)) over (partition by s.province_id order by s.year) as ends_on,
           (select count(*) from criteria_set_items i where i.set_id = s.id) as items
    from criteria_sets s
  )
  select h.id as household_id, h.hamlet_id,
         greatest(max(hc.met_on), s.starts_on) as starts_on,
         least(min(hc.lost_on), s.ends_on) as ends_on
  from matched h
  join area_ancestors up on up.area_id = h.hamlet_id
  join sets s on s.province_id = up.ancestor_id
  join criteria_set_items i on i.set_id = s.id
  join household_criteria hc on hc.household_id = h.id and hc.criterion_code = i.criterion_code
  group by h.id, h.hamlet_id, s.id, s.starts_on, s.ends_on, s.items
  having count(*) = s.items
     and (least(min(hc.lost_on), s.ends_on) is null
          or least(min(hc.lost_on), s.ends_on) > greatest(max(hc.met_on), s.starts_on))`;

/**
 * All events of the households matched by `filter`, summed per hamlet, kind, criterion and day;
 * `derived`: read the Gia đình số periods and first passes from their tables (just refreshed)
 * instead of computing them again. A start and an end (met and lost) come from one pass over
 * their row, as two events.
 */
const eventRows = (filter: SQL, derived = false) => sql`
  with ${matched(filter)},
  periods as (${derived
    ? sql`select p.household_id, h.hamlet_id, p.starts_on, p.ends_on
          from matched h join household_digital_periods p on p.household_id = h.id`
    : digitalPeriods}),
  raw as (
    select h.hamlet_id, 'households' as kind, '' as criterion, null::date as day, 1 as delta
      from matched h
    union all
    select h.hamlet_id, 'residents', '', null, 1
      from matched h join residents r on r.household_id = h.id
    union all
    select p.hamlet_id, 'digital', '', e.day, e.delta
      from periods p cross join lateral (values (p.starts_on, 1), (p.ends_on, -1)) e(day, delta)
      where e.day is not null
    union all
    select h.hamlet_id, 'criterion', hc.criterion_code, e.day, e.delta
      from matched h join household_criteria hc on hc.household_id = h.id
      cross join lateral (values (hc.met_on, 1), (hc.lost_on, -1)) e(day, delta)
      where e.day is not null
    union all
    select h.hamlet_id, 'skilled', '', p.passed_on, 1
      from matched h join residents r on r.household_id = h.id
      join ${derived ? sql`resident_skill_passes` : sql`(select resident_id, min(assessed_on) as passed_on
            from skill_assessments where result = 'PASSED' group by resident_id)`} p on p.resident_id = r.id
  )
  select hamlet_id, kind, criterion, day, sum(delta)::int as delta
  from raw group by hamlet_id, kind, criterion, day`;

const eventsOf = (filter: SQL) => sql`
  select hamlet_id as "hamletId", kind, criterion, to_char(day, 'YYYY-MM-DD') as day, delta
  from (${eventRows(filter)}) e`;

export const householdsByCodes = (codes: readonly string[]) =>
  sql`h.code in (select jsonb_array_elements_text(${JSON.stringify(codes)}::jsonb))`;

export const householdsByIds = (ids: readonly number[]) =>
  sql`h.id in (select (jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))::int)`;

export function selectEvents(executor: Executor, filter: SQL): Promise<AggregateEvent[]> {
  return queryRows<AggregateEvent>(executor, eventsOf(filter));
}

/** Rewrites the derived per-household tables (periods, first passes) for the matched households. */
export async function refreshHouseholdDerived(executor: Executor, filter: SQL): Promise<void> {
  await executor.execute(sql`
    delete from household_digital_periods where household_id in (select h.id from households h where ${filter})`);
  await executor.execute(sql`
    with ${matched(filter)}
    insert into household_digital_periods (household_id, starts_on, ends_on)
    select household_id, starts_on, ends_on from (${digitalPeriods}) p`);
  await executor.execute(sql`
    delete from resident_skill_passes where resident_id in
      (select r.id from households h join residents r on r.household_id = h.id where ${filter})`);
  await executor.execute(sql`
    insert into resident_skill_passes (resident_id, passed_on)
    select a.resident_id, min(a.assessed_on) from skill_assessments a
    join residents r on r.id = a.resident_id join households h on h.id = r.household_id
    where a.result = 'PASSED' and ${filter} group by a.resident_id`);
}

/**
 * First lock of a writer: the hamlets of the matched households (sorted, so two writers never wait
 * on each other in opposite orders). Writers of the same households queue here, so the events read
 * before a change are never stale; writers of other hamlets go on in parallel.
 */
export async function lockHamlets(executor: Executor, filter: SQL): Promise<void> {
  // Shared with other writers, exclusive for a full recount (lockRecount), which must not truncate
  // derived rows under a writer that has refreshed them and waits for the aggregate lock.
  await executor.execute(sql`select pg_advisory_xact_lock_shared(1413)`);
  await executor.execute(sql`
    select pg_advisory_xact_lock(1415, x.hamlet_id)
    from (select distinct h.hamlet_id from households h where ${filter} order by h.hamlet_id) x`);
}

/**
 * Second lock, taken last (never while another is awaited): serialises the read-modify-write of the
 * cumulative rows, which every writer shares at least at the country and province level. Held from
 * `applyEvents` to commit only; docs/scaling.md discusses dropping it for per-province locks.
 */
export async function lockAggregates(executor: Executor): Promise<void> {
  await executor.execute(sql`select pg_advisory_xact_lock(1414)`);
}

/** A full recount waits for the writers in flight and holds new ones off until it commits. */
export async function lockRecount(executor: Executor): Promise<void> {
  await executor.execute(sql`select pg_advisory_xact_lock(1413)`);
  await lockAggregates(executor);
}

/** Adds event deltas to the aggregates of each hamlet and all its ancestors. */
export async function applyEvents(executor: Executor, events: readonly AggregateEvent[]): Promise<void> {
  if (events.length === 0) return;
  const deltas = sql`(
    select up.ancestor_id as area_id, e.kind, e.criterion, e.day, sum(e.delta)::int as delta
    from jsonb_to_recordset(${JSON.stringify(events)}::jsonb)
      as e("hamletId" int, kind text, criterion text, day date, delta int)
    join area_ancestors up on up.area_id = e."hamletId"
    group by up.ancestor_id, e.kind, e.criterion, e.day)`;

  await executor.execute(sql`
    insert into area_totals as t (area_id, households, residents)
    select area_id, coalesce(sum(delta) filter (where kind = 'households'), 0),
           coalesce(sum(delta) filter (where kind = 'residents'), 0)
    from ${deltas} d where kind in ('households', 'residents') group by area_id
    on conflict (area_id) do update set
      households = t.households + excluded.households,
      residents = t.residents + excluded.residents`);

  await executor.execute(sql`
    with d as (select * from ${deltas} x where kind in ('digital', 'skilled')),
    days as (select distinct area_id, day from d)
    insert into area_daily_totals (area_id, day, digital_families, skilled_residents)
    select days.area_id, days.day, coalesce(prev.digital_families, 0), coalesce(prev.skilled_residents, 0)
    from days left join lateral (
      select digital_families, skilled_residents from area_daily_totals t
      where t.area_id = days.area_id and t.day < days.day order by t.day desc limit 1) prev on true
    on conflict do nothing`);
  await executor.execute(sql`
    with d as (select * from ${deltas} x where kind in ('digital', 'skilled'))
    update area_daily_totals t
    set digital_families = t.digital_families + s.digital, skilled_residents = t.skilled_residents + s.skilled
    from (
      select t2.area_id, t2.day,
             coalesce(sum(d.delta) filter (where d.kind = 'digital'), 0) as digital,
             coalesce(sum(d.delta) filter (where d.kind = 'skilled'), 0) as skilled
      from area_daily_totals t2 join d on d.area_id = t2.area_id and d.day <= t2.day
      group by t2.area_id, t2.day) s
    where t.area_id = s.area_id and t.day = s.day`);

  await executor.execute(sql`
    with d as (select * from ${deltas} x where kind = 'criterion'),
    days as (select distinct area_id, criterion, day from d)
    insert into area_criterion_daily_totals (area_id, criterion_code, day, households)
    select days.area_id, days.criterion, days.day, coalesce(prev.households, 0)
    from days left join lateral (
      select households from area_criterion_daily_totals t
      where t.area_id = days.area_id and t.criterion_code = days.criterion and t.day < days.day
      order by t.day desc limit 1) prev on true
    on conflict do nothing`);
  await executor.execute(sql`
    with d as (select * from ${deltas} x where kind = 'criterion')
    update area_criterion_daily_totals t set households = t.households + s.delta
    from (
      select t2.area_id, t2.criterion_code, t2.day, sum(d.delta) as delta
      from area_criterion_daily_totals t2
      join d on d.area_id = t2.area_id and d.criterion = t2.criterion_code and d.day <= t2.day
      group by t2.area_id, t2.criterion_code, t2.day) s
    where t.area_id = s.area_id and t.criterion_code = s.criterion_code and t.day = s.day`);

  // A removal (or a date moved later) can bring an area's first rows back to zero: the rows a
  // recount would not write (it writes a row per day with events, and an area's first events are
  // starts). Dropped, so "no row before D" keeps meaning "no event before D" on both paths.
  const drops = (kinds: EventKind[]) => events.some((e) => e.delta < 0 && kinds.includes(e.kind));
  if (drops(['digital', 'skilled'])) {
    await executor.execute(sql`
      with a as (select distinct area_id from ${deltas} x where kind in ('digital', 'skilled') and delta < 0)
      delete from area_daily_totals t using a
      where t.area_id = a.area_id and t.day < coalesce((
        select min(f.day) from area_daily_totals f
        where f.area_id = a.area_id and (f.digital_families <> 0 or f.skilled_residents <> 0)), 'infinity')`);
  }
  if (drops(['criterion'])) {
    await executor.execute(sql`
      with a as (select distinct area_id, criterion from ${deltas} x where kind = 'criterion' and delta < 0)
      delete from area_criterion_daily_totals t using a
      where t.area_id = a.area_id and t.criterion_code = a.criterion and t.day < coalesce((
        select min(f.day) from area_criterion_daily_totals f
        where f.area_id = a.area_id and f.criterion_code = a.criterion and f.households <> 0), 'infinity')`);
  }
}

/** Events summed per area (all levels) and day, the unit the aggregate tables are built from. */
export interface AreaEvent {
  areaId: number;
  kind: EventKind;
  criterion: string;
  day: string | null;
  delta: number;
}

/**
 * Common table expressions inserting the cumulative aggregate rows of `areaIds` from the per-area
 * events of a CTE named `ev` (area_id, kind, criterion, day, delta): placed at the top level of a
 * statement, they run whether or not the statement reads them.
 */
const insertAggregates = (areaIds: SQL) => sql`
  totals as (
    insert into area_totals (area_id, households, residents)
    select a.id, coalesce(sum(e.delta) filter (where e.kind = 'households'), 0),
           coalesce(sum(e.delta) filter (where e.kind = 'residents'), 0)
    from ${areaIds} a(id) left join ev e on e.area_id = a.id and e.kind in ('households', 'residents')
    group by a.id
    on conflict (area_id) do nothing
    returning 1),
  daily as (
    insert into area_daily_totals (area_id, day, digital_families, skilled_residents)
    select area_id, day, sum(digital) over w, sum(skilled) over w
    from (select area_id, day, sum(case when kind = 'digital' then delta else 0 end) as digital,
                 sum(case when kind = 'skilled' then delta else 0 end) as skilled
          from ev where kind in ('digital', 'skilled') group by area_id, day) x
    window w as (partition by area_id order by day)
    returning 1),
  criteria as (
    insert into area_criterion_daily_totals (area_id, criterion_code, day, households)
    select area_id, criterion, day, sum(delta) over (partition by area_id, criterion order by day)
    from (select area_id, criterion, day, sum(delta) as delta from ev where kind = 'criterion'
          group by area_id, criterion, day) x
    returning 1)`;

const DERIVED_TABLES = ['household_digital_periods', 'resident_skill_passes', 'area_totals', 'area_daily_totals',
  'area_criterion_daily_totals'] as const;

/**
 * Empties the derived tables before a full recount. `delete` (the app's recounts: imports, first
 * start) lets readers go on reading the previous figures until the recount commits; `truncate`
 * (the benchmark's generator, on tables nobody reads yet) is faster but takes an ACCESS EXCLUSIVE
 * lock until commit, which blocks every read of the aggregates for the whole recount.
 */
export async function clearAggregates(executor: Executor, how: 'delete' | 'truncate' = 'delete'): Promise<void> {
  if (how === 'truncate') {
    await executor.execute(sql`truncate ${sql.join(DERIVED_TABLES.map((t) => sql.identifier(t)), sql`, `)}`);
    return;
  }
  for (const table of DERIVED_TABLES) await executor.execute(sql`delete from ${sql.identifier(table)}`);
}

/** The provinces a recount is split by (each one's areas are complete within its part). */
export async function recountParts(executor: Executor): Promise<(number | null)[]> {
  const rows = await queryRows<{ id: number }>(executor, sql`select id from areas where level = 'province' order by id`);
  // The part of the households under no province only when there are any (an area check, then an
  // index probe per such area: the demo and real data have none, and the part costs a full pass).
  const [orphans] = await queryRows<{ any: boolean }>(executor, sql`
    select exists (select 1 from ${underNoProvince} a(id) where exists (select 1 from households h where h.hamlet_id = a.id)) as any`);
  return [...rows.map((r) => r.id), ...(orphans?.any ? [null] : [])];
}

const underNoProvince = sql`(select a.id from areas a where not exists (select 1 from area_ancestors u
    join areas p on p.id = u.ancestor_id where u.area_id = a.id and p.level = 'province'))`;

/**
 * Recounts the households under one province (null: those under no province): their derived rows,
 * and the aggregates of the province and every area below it. Returns the events of the areas
 * above it (the country), which span provinces and are finished by `finishRecount`.
 */
export async function recountPart(executor: Executor, provinceId: number | null): Promise<AreaEvent[]> {
  const underProvince = sql`(select area_id from area_ancestors where ancestor_id = ${provinceId})`;
  const filter = sql`h.hamlet_id in ${provinceId === null ? underNoProvince : underProvince}`;
  await refreshHouseholdDerived(executor, filter);
  // Rolled up a level at a time: the hamlets' events (h) are summed into their parents (p) first,
  // and only those, far fewer, are joined to every ancestor above. An area can receive rows from
  // both branches (households directly under a commune); every reader below sums per area.
  const rolled = sql`
    select area_id, kind, criterion, day, delta,
           exists (select 1 from area_ancestors i where i.area_id = x.area_id and i.ancestor_id = ${provinceId}) as inside
    from (
      select hamlet_id as area_id, kind, criterion, day, delta from h
      union all
      select up.ancestor_id, p.kind, p.criterion, p.day, sum(p.delta)::int
      from p join area_ancestors up on up.area_id = p.area_id
      group by up.ancestor_id, p.kind, p.criterion, p.day
    ) x`;
  const inside = sql`(select area_id from area_ancestors where ancestor_id = ${provinceId})`;
  // One statement: the inside areas' rows are written, the outside areas' events come back.
  return queryRows<AreaEvent>(executor, sql`
    with h as materialized (${eventRows(filter, true)}),
    p as materialized (
      select a.parent_id as area_id, h.kind, h.criterion, h.day, sum(h.delta)::int as delta
      from h join areas a on a.id = h.hamlet_id where a.parent_id is not null
      group by a.parent_id, h.kind, h.criterion, h.day),
    r as materialized (${rolled}),
    ev as (select * from r where inside),
    ${insertAggregates(inside)}
    select area_id as "areaId", kind, criterion, to_char(day, 'YYYY-MM-DD') as day, delta
    from r where not inside`);
}

/** Writes the areas above the provinces from the parts' events, and zero totals for areas without any. */
export async function finishRecount(executor: Executor, outside: readonly AreaEvent[]): Promise<void> {
  const events = sql`
    select "areaId" as area_id, kind, criterion, day, sum(delta)::int as delta
    from jsonb_to_recordset(${JSON.stringify(outside)}::jsonb)
      as e("areaId" int, kind text, criterion text, day date, delta int)
    group by 1, 2, 3, 4`;
  await executor.execute(sql`with ev as materialized (${events}),
    ${insertAggregates(sql`(select distinct area_id from ev)`)} select 1`);
  await executor.execute(sql`insert into area_totals (area_id) select id from areas on conflict do nothing`);
}

/**
 * Recomputes every aggregate from the source tables (seed, bulk import, verification), province by
 * province so each step's working set stays small; with a pooled database (not a transaction)
 * `concurrency` parts run at once.
 */
export async function rebuildAllAggregates(
  executor: Executor,
  options: { concurrency?: number; onPart?: (done: number, total: number) => void } = {},
): Promise<void> {
  await clearAggregates(executor);
  // Inside a transaction (seed, import), sorts and hashes of a few hundred thousand events stay in
  // memory rather than spilling to disk (transaction-local; a no-op on a pooled connection).
  const [mem] = await queryRows<{ workMem: string }>(executor, sql`
    select current_setting('work_mem') as "workMem", set_config('work_mem', '128MB', true)`);
  const parts = await recountParts(executor);
  const outside: AreaEvent[] = [];
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < parts.length) {
      const part = parts[next++]!;
      outside.push(...(await recountPart(executor, part)));
      options.onPart?.(++done, parts.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 1) }, worker));
  await finishRecount(executor, outside);
  await executor.execute(sql`select set_config('work_mem', ${mem?.workMem ?? '4MB'}, true)`);
}
