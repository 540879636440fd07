/** SQL of nominations: nominees, quota counts, guarded state changes, eligibility facts, evidence, comments. */
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/client';
import { areaRows } from '../areas/subqueries';
import { digitalFamilyPeriods, householdRows, residentRows, skillPasses } from '../households/subqueries';
import { awardComments, awardEvidence, awardNominations, type EligibilityCheckRecord } from './schema';
import type { NominationState } from './states';

export type NominationRow = typeof awardNominations.$inferSelect;

export interface Nominee {
  householdId: number | null;
  residentId: number | null;
  name: string;
  communeId: number;
}

/** A household or resident by code, with the commune it lives in. */
export async function findNominee(db: Executor, kind: 'household' | 'resident', code: string): Promise<Nominee | null> {
  const [row] = kind === 'household'
    ? await queryRows<Nominee>(db, sql`
        select h.id as "householdId", null::int as "residentId", h.head_name as name, c.id as "communeId"
        from ${householdRows} h join ${areaRows} hamlet on hamlet.id = h.hamlet_id join ${areaRows} c on c.id = hamlet.parent_id
        where h.code = ${code}`)
    : await queryRows<Nominee>(db, sql`
        select r.household_id as "householdId", r.id as "residentId", r.full_name as name, c.id as "communeId"
        from ${residentRows} r join ${householdRows} h on h.id = r.household_id
        join ${areaRows} hamlet on hamlet.id = h.hamlet_id join ${areaRows} c on c.id = hamlet.parent_id
        where r.code = ${code}`);
  return row ?? null;
}

export async function insertNomination(tx: Executor, values: typeof awardNominations.$inferInsert): Promise<NominationRow> {
  const [row] = await tx.insert(awardNominations).values(values).returning();
  return row!;
}

export async function findNomination(db: Executor, id: number): Promise<NominationRow | null> {
  const [row] = await db.select().from(awardNominations).where(eq(awardNominations.id, id));
  return row ?? null;
}

export function listNominations(db: Executor, cycleId: number, filter: { communeIds?: number[]; states?: NominationState[] } = {}) {
  return db.select().from(awardNominations).where(and(
    eq(awardNominations.cycleId, cycleId),
    filter.communeIds ? inArray(awardNominations.communeId, filter.communeIds) : undefined,
    filter.states ? inArray(awardNominations.state, filter.states) : undefined,
  )).orderBy(awardNominations.communeId, awardNominations.id);
}

/** Nominations that take a place in the quota: sent and not turned down. */
export async function countInQuota(db: Executor, cycleId: number, communeId: number) {
  const [row] = await queryRows<{ commune: number; total: number }>(db, sql`
    select count(*) filter (where commune_id = ${communeId})::int as commune, count(*)::int as total
    from award_nominations where cycle_id = ${cycleId}
      and state in ('submitted', 'eligible', 'under_review', 'posted', 'approved')`);
  return row!;
}

/** Moves the nominations that are still in `from`; returns those moved (a concurrent move wins once). */
export function moveState(
  tx: Executor, ids: number[], from: NominationState, to: NominationState, extra: Partial<NominationRow> = {},
): Promise<NominationRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return tx.update(awardNominations).set({ ...extra, state: to })
    .where(and(inArray(awardNominations.id, ids), eq(awardNominations.state, from))).returning();
}

export function saveEligibility(tx: Executor, rows: { id: number; eligible: boolean; checks: EligibilityCheckRecord[] }[], asOf: string) {
  return queryRows<{ id: number }>(tx, sql`
    update award_nominations n set state = (case when x.eligible then 'eligible' else 'ineligible' end)::award_nomination_state,
      eligibility = x.checks, eligibility_checked_on = ${asOf}
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) x(id int, eligible boolean, checks jsonb)
    where n.id = x.id and n.state = 'submitted' returning n.id`);
}

export interface FactsRow {
  key: number;
  periods: { startsOn: string; endsOn: string | null }[];
  residentsTotal: number;
  residentsPassed: number;
  skillPassedOn: string | null;
  /** The hamlet of the household (of the resident, for a resident nominee). */
  hamletId: number | null;
  residentName: string | null;
}

/**
 * The household and skills data the rules need, for many nominees in one statement. A resident's
 * Gia đình số periods are those of the household they live in.
 */
export function nomineeFacts(db: Executor, subjects: { key: number; householdId: number | null; residentId: number | null }[],
  asOf: string): Promise<FactsRow[]> {
  return queryRows<FactsRow>(db, sql`
    with s as (
      select x.key, coalesce(x."householdId", r.household_id) as household_id, x."residentId" as resident_id, r.full_name as resident_name
      from jsonb_to_recordset(${JSON.stringify(subjects)}::jsonb) x(key int, "householdId" int, "residentId" int)
      left join ${residentRows} r on r.id = x."residentId")
    select s.key,
      coalesce((select jsonb_agg(jsonb_build_object('startsOn', p.starts_on::text, 'endsOn', p.ends_on::text) order by p.starts_on)
        from ${digitalFamilyPeriods} p where p.household_id = s.household_id), '[]'::jsonb) as periods,
      (select count(*)::int from ${residentRows} r where r.household_id = s.household_id) as "residentsTotal",
      (select count(*)::int from ${residentRows} r join ${skillPasses} sp on sp.resident_id = r.id
        where r.household_id = s.household_id and sp.passed_on <= ${asOf}) as "residentsPassed",
      (select sp.passed_on::text from ${skillPasses} sp where sp.resident_id = s.resident_id) as "skillPassedOn",
      h.hamlet_id as "hamletId", s.resident_name as "residentName"
    from s left join ${householdRows} h on h.id = s.household_id`);
}

export function insertEvidence(tx: Executor, values: typeof awardEvidence.$inferInsert) {
  return tx.insert(awardEvidence).values(values).returning({ id: awardEvidence.id });
}

export function listEvidence(db: Executor, nominationId: number) {
  return db.select({ id: awardEvidence.id, note: awardEvidence.note, mimeType: awardEvidence.mimeType,
    byteSize: awardEvidence.byteSize, createdAt: awardEvidence.createdAt })
    .from(awardEvidence).where(eq(awardEvidence.nominationId, nominationId)).orderBy(awardEvidence.id);
}

export async function findPhoto(db: Executor, evidenceId: number) {
  const [row] = await db.select({ nominationId: awardEvidence.nominationId, mimeType: awardEvidence.mimeType,
    content: awardEvidence.content }).from(awardEvidence).where(eq(awardEvidence.id, evidenceId));
  return row ?? null;
}

/** Locks the nomination's row until the transaction ends: its comments are counted and added one writer at a time. */
export async function lockNomination(tx: Executor, nominationId: number): Promise<void> {
  await tx.execute(sql`select id from award_nominations where id = ${nominationId} for update`);
}

/** Visible comments on a nomination, and all of one writer's (hidden ones too: hiding spam gives its writer no new ones). */
export async function countComments(db: Executor, nominationId: number, authorKey: string | null) {
  const [row] = await queryRows<{ visible: number; byAuthor: number }>(db, sql`
    select count(*) filter (where hidden_at is null)::int as visible,
      count(*) filter (where author_key = ${authorKey})::int as "byAuthor"
    from award_comments where nomination_id = ${nominationId}`);
  return row ?? { visible: 0, byAuthor: 0 };
}

export function insertComment(tx: Executor, nominationId: number, body: string, authorKey: string | null) {
  return tx.insert(awardComments).values({ nominationId, body, authorKey }).returning({ id: awardComments.id });
}

export async function findComment(db: Executor, commentId: number) {
  const [row] = await db.select({ id: awardComments.id, nominationId: awardComments.nominationId, hiddenAt: awardComments.hiddenAt })
    .from(awardComments).where(eq(awardComments.id, commentId));
  return row ?? null;
}

/** Hides a visible comment; no row when it was hidden already. */
export function hideComment(tx: Executor, commentId: number, userId: number, reason: string) {
  return tx.update(awardComments).set({ hiddenAt: sql`now()`, hiddenBy: userId, hiddenReason: reason })
    .where(and(eq(awardComments.id, commentId), isNull(awardComments.hiddenAt))).returning({ id: awardComments.id });
}

/** The visible comments, oldest first. */
export function listComments(db: Executor, nominationId: number) {
  return db.select({ id: awardComments.id, body: awardComments.body, createdAt: awardComments.createdAt }).from(awardComments)
    .where(and(eq(awardComments.nominationId, nominationId), isNull(awardComments.hiddenAt))).orderBy(awardComments.id);
}
