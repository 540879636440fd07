/**
 * Set-based SQL of the import: each write is one statement over the whole file, the rows passed
 * as one JSON parameter and expanded by jsonb_to_recordset, so 130,000 rows cost one round trip.
 */
import { type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/client';
import type { CriterionCode } from './types';

const json = (rows: unknown) => sql`${JSON.stringify(rows)}::jsonb`;

/** Counts the rows an upsert inserted (xmax = 0) among those it wrote. */
async function countInserted(executor: Executor, upsert: SQL): Promise<number> {
  const [row] = await queryRows<{ inserted: number }>(executor,
    sql`with w as (${upsert} returning (xmax = 0) as inserted) select count(*) filter (where inserted)::int as inserted from w`);
  return row?.inserted ?? 0;
}

export function findAreaLevels(executor: Executor, codes: readonly string[]) {
  return queryRows<{ code: string; level: string }>(executor, sql`
    select code, level::text as level from areas
    where valid_to is null and code in (select jsonb_array_elements_text(${json(codes)}))`);
}

export async function findHouseholdCodes(executor: Executor, codes: readonly string[]): Promise<string[]> {
  const rows = await queryRows<{ code: string }>(executor, sql`
    select code from households where code in (select jsonb_array_elements_text(${json(codes)}))`);
  return rows.map((r) => r.code);
}

/** Households the given residents belong to now (a resident may move to another household). */
export async function householdsOfResidents(executor: Executor, residentCodes: readonly string[]): Promise<string[]> {
  const rows = await queryRows<{ code: string }>(executor, sql`
    select distinct h.code from residents r join households h on h.id = r.household_id
    where r.code in (select jsonb_array_elements_text(${json(residentCodes)}))`);
  return rows.map((r) => r.code);
}

export interface AreaWrite { code: string; name: string; name_key: string; level: string; kind: string; parent_code: string | null }

/** Upserts areas by code; a new province without a parent goes under the country root, if any. */
export function upsertAreas(executor: Executor, rows: readonly AreaWrite[]): Promise<number> {
  return countInserted(executor, sql`
    insert into areas as t (code, name, name_key, level, kind, parent_id)
    select x.code, x.name, x.name_key, x.level::area_level, x.kind,
      case when x.level = 'province' and x.parent_code is null
        then (select id from areas c where c.level = 'country' and c.valid_to is null order by id limit 1) end
    from jsonb_to_recordset(${json(rows)}) as x(code text, name text, name_key text, level text, kind text, parent_code text)
    on conflict (code) where valid_to is null do update
      set name = excluded.name, name_key = excluded.name_key, level = excluded.level, kind = excluded.kind
      where (t.name, t.name_key, t.level, t.kind) is distinct from (excluded.name, excluded.name_key, excluded.level, excluded.kind)`);
}

/** Links areas to the parents named in the file (after the upsert, so parents in the same file exist). */
export async function linkAreaParents(executor: Executor, rows: readonly AreaWrite[]): Promise<void> {
  await executor.execute(sql`
    update areas a set parent_id = p.id
    from jsonb_to_recordset(${json(rows.filter((r) => r.parent_code !== null))}) as x(code text, parent_code text)
    join areas p on p.code = x.parent_code and p.valid_to is null
    where a.code = x.code and a.valid_to is null and a.parent_id is distinct from p.id`);
}

const CRITERION_LABELS: Record<CriterionCode, string> = {
  SMARTPHONE_OFFICIAL_INFO: 'Dùng điện thoại thông minh để tiếp cận thông tin chính thống',
  ONLINE_PUBLIC_SERVICE: 'Sử dụng dịch vụ công trực tuyến (Cổng dịch vụ công / VNeID)',
  CASHLESS_PAYMENT: 'Thanh toán không dùng tiền mặt (ngân hàng số, ví điện tử, QR)',
};

/** The three default criteria must be in the catalogue before households can meet them. */
export async function ensureDefaultCriteria(executor: Executor): Promise<void> {
  const rows = Object.entries(CRITERION_LABELS).map(([code, label]) => ({ code, label }));
  await executor.execute(sql`
    insert into criteria (code, label) select x.code, x.label
    from jsonb_to_recordset(${json(rows)}) as x(code text, label text) on conflict (code) do nothing`);
}

export interface HouseholdWrite { code: string; hamlet_code: string; head_name: string; members: number }

export function upsertHouseholds(executor: Executor, rows: readonly HouseholdWrite[]): Promise<number> {
  return countInserted(executor, sql`
    insert into households as t (code, hamlet_id, head_name, members)
    select x.code, a.id, x.head_name, x.members
    from jsonb_to_recordset(${json(rows)}) as x(code text, hamlet_code text, head_name text, members int)
    join areas a on a.code = x.hamlet_code and a.valid_to is null
    on conflict (code) do update
      set hamlet_id = excluded.hamlet_id, head_name = excluded.head_name, members = excluded.members
      where (t.hamlet_id, t.head_name, t.members) is distinct from (excluded.hamlet_id, excluded.head_name, excluded.members)`);
}

export interface CriterionWrite { code: string; criterion: string; met_on: string | null }

/** Criteria with a date: met since that date (a lost criterion met again is reopened). */
export async function markCriteriaMet(executor: Executor, rows: readonly CriterionWrite[], verifiedBy: string): Promise<void> {
  await executor.execute(sql`
    insert into household_criteria as t (household_id, criterion_code, met_on, lost_on, verified_by, verified_at)
    select h.id, x.criterion, x.met_on, null, ${verifiedBy}, now()
    from jsonb_to_recordset(${json(rows)}) as x(code text, criterion text, met_on date)
    join households h on h.code = x.code
    on conflict (household_id, criterion_code) do update
      set met_on = excluded.met_on, lost_on = null, verified_by = excluded.verified_by, verified_at = excluded.verified_at
      where t.met_on <> excluded.met_on or t.lost_on is not null`);
}

/**
 * Criteria left empty that a household meets now: lost today, history kept. One met today and
 * lost the same day was never really met, so its row goes.
 */
export async function markCriteriaLost(executor: Executor, rows: readonly CriterionWrite[], today: string): Promise<void> {
  const lost = sql`(select h.id as household_id, x.criterion
    from jsonb_to_recordset(${json(rows)}) as x(code text, criterion text) join households h on h.code = x.code)`;
  await executor.execute(sql`
    update household_criteria t set lost_on = ${today}::date from ${lost} l
    where t.household_id = l.household_id and t.criterion_code = l.criterion and t.lost_on is null and t.met_on < ${today}::date`);
  await executor.execute(sql`
    delete from household_criteria t using ${lost} l
    where t.household_id = l.household_id and t.criterion_code = l.criterion and t.lost_on is null and t.met_on >= ${today}::date`);
}

export interface ResidentWrite { code: string; household_code: string; full_name: string; birth_year: number; target_group: string }

export function upsertResidents(executor: Executor, rows: readonly ResidentWrite[]): Promise<number> {
  return countInserted(executor, sql`
    insert into residents as t (code, household_id, full_name, birth_year, target_group)
    select x.code, h.id, x.full_name, x.birth_year, x.target_group::target_group
    from jsonb_to_recordset(${json(rows)}) as x(code text, household_code text, full_name text, birth_year int, target_group text)
    join households h on h.code = x.household_code
    on conflict (code) do update
      set household_id = excluded.household_id, full_name = excluded.full_name,
          birth_year = excluded.birth_year, target_group = excluded.target_group
      where (t.household_id, t.full_name, t.birth_year, t.target_group)
        is distinct from (excluded.household_id, excluded.full_name, excluded.birth_year, excluded.target_group)`);
}

export interface AssessmentWrite { resident_code: string; target_group: string; result: string; assessed_on: string }

export function upsertAssessments(executor: Executor, rows: readonly AssessmentWrite[]): Promise<number> {
  return countInserted(executor, sql`
    insert into skill_assessments as t (resident_id, target_group, result, assessed_on)
    select r.id, x.target_group::target_group, x.result::assessment_result, x.assessed_on
    from jsonb_to_recordset(${json(rows)}) as x(resident_code text, target_group text, result text, assessed_on date)
    join residents r on r.code = x.resident_code
    on conflict (resident_id, target_group, assessed_on) do update set result = excluded.result
      where t.result <> excluded.result`);
}
