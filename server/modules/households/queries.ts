/** Reads and writes of households and their criteria. */
import { and, eq, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/client';
import { criteria, householdCriteria, households } from './schema';

export interface CriterionStatusRow {
  code: string;
  label: string;
  metOn: string | null;
  lostOn: string | null;
  verifiedBy: string | null;
}

export interface HouseholdRow {
  id: number;
  code: string;
  headName: string;
  members: number;
  /** Start of the current Gia đình số period; null when the household is not one today. */
  digitalSince: string | null;
  criteria: CriterionStatusRow[];
}

export async function findHousehold(db: Executor, code: string) {
  const [row] = await db.select({ id: households.id, code: households.code, hamletId: households.hamletId })
    .from(households).where(eq(households.code, code));
  return row ?? null;
}

/** Households of a hamlet (or one household) with the status of every criterion of the catalogue: one statement. */
export function listHouseholds(
  db: Executor, filter: { hamletId: number } | { householdId: number }, today: string,
): Promise<HouseholdRow[]> {
  const where = 'hamletId' in filter ? sql`h.hamlet_id = ${filter.hamletId}` : sql`h.id = ${filter.householdId}`;
  return queryRows<HouseholdRow>(db, sql`
    select h.id, h.code, h.head_name as "headName", h.members,
           (select to_char(max(p.starts_on), 'YYYY-MM-DD') from household_digital_periods p
             where p.household_id = h.id and p.starts_on <= ${today}::date
               and (p.ends_on is null or p.ends_on > ${today}::date)) as "digitalSince",
           (select json_agg(json_build_object(
                     'code', c.code, 'label', c.label,
                     'metOn', to_char(hc.met_on, 'YYYY-MM-DD'), 'lostOn', to_char(hc.lost_on, 'YYYY-MM-DD'),
                     'verifiedBy', hc.verified_by) order by c.code)
              from criteria c
              left join household_criteria hc on hc.household_id = h.id and hc.criterion_code = c.code) as criteria
    from households h
    where ${where}
    order by h.code`);
}

export async function criterionExists(db: Executor, code: string): Promise<boolean> {
  const rows = await db.select({ code: criteria.code }).from(criteria).where(eq(criteria.code, code));
  return rows.length > 0;
}

export async function findCriterion(db: Executor, householdId: number, criterion: string) {
  const [row] = await db.select({ metOn: householdCriteria.metOn, lostOn: householdCriteria.lostOn,
    verifiedBy: householdCriteria.verifiedBy })
    .from(householdCriteria)
    .where(and(eq(householdCriteria.householdId, householdId), eq(householdCriteria.criterionCode, criterion)));
  return row ?? null;
}

/** Marks a criterion met since `metOn` (clearing any loss), recording who verified it. */
export async function upsertCriterion(db: Executor, householdId: number, criterion: string, metOn: string, verifiedBy: string) {
  await db.insert(householdCriteria)
    .values({ householdId, criterionCode: criterion, metOn, lostOn: null, verifiedBy, verifiedAt: sql`now()` })
    .onConflictDoUpdate({
      target: [householdCriteria.householdId, householdCriteria.criterionCode],
      set: { metOn, lostOn: null, verifiedBy, verifiedAt: sql`now()` },
    });
}

export async function deleteCriterion(db: Executor, householdId: number, criterion: string) {
  await db.delete(householdCriteria)
    .where(and(eq(householdCriteria.householdId, householdId), eq(householdCriteria.criterionCode, criterion)));
}

export interface HouseholdRef { id: number; code: string; hamletId: number }

export function findHouseholdRefs(db: Executor, codes: readonly string[]): Promise<HouseholdRef[]> {
  return queryRows<HouseholdRef>(db, sql`select id, code, hamlet_id as "hamletId" from households
    where code in (select jsonb_array_elements_text(${JSON.stringify(codes)}::jsonb))`);
}
