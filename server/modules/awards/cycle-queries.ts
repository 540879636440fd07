/** SQL of award cycles and their committees. */
import { and, eq, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/client';
import { userRows } from '../access/subqueries';
import { areaRows } from '../areas/subqueries';
import { awardCycleMembers, awardCycles } from './schema';

export type CycleRow = typeof awardCycles.$inferSelect;
export type NewCycle = typeof awardCycles.$inferInsert;

export async function insertCycle(tx: Executor, values: NewCycle): Promise<CycleRow> {
  const [row] = await tx.insert(awardCycles).values(values).returning();
  return row!;
}

export async function insertMembers(tx: Executor, cycleId: number, members: { userId: number; isChair: boolean }[]) {
  if (members.length) await tx.insert(awardCycleMembers).values(members.map((m) => ({ cycleId, ...m })));
}

export async function findCycle(db: Executor, id: number, forUpdate = false): Promise<CycleRow | null> {
  const query = db.select().from(awardCycles).where(eq(awardCycles.id, id));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export function listCycles(db: Executor, year: number | null): Promise<CycleRow[]> {
  return db.select().from(awardCycles)
    .where(year === null ? undefined : eq(awardCycles.year, year))
    .orderBy(awardCycles.year, awardCycles.title);
}

export async function findMembership(db: Executor, cycleId: number, userId: number) {
  const [row] = await db.select({ isChair: awardCycleMembers.isChair }).from(awardCycleMembers)
    .where(and(eq(awardCycleMembers.cycleId, cycleId), eq(awardCycleMembers.userId, userId)));
  return row ?? null;
}

export interface MemberRow {
  userId: number;
  fullName: string;
  isChair: boolean;
}

export function membersOf(db: Executor, cycleId: number): Promise<MemberRow[]> {
  return queryRows<MemberRow>(db, sql`
    select m.user_id as "userId", u.full_name as "fullName", m.is_chair as "isChair"
    from award_cycle_members m join ${userRows} u on u.id = m.user_id
    where m.cycle_id = ${cycleId} order by m.is_chair desc, u.full_name`);
}

/** The province among the viewer's areas. */
export async function provinceAmong(db: Executor, areaIds: readonly number[]): Promise<{ id: number } | null> {
  const [row] = await queryRows<{ id: number }>(db, sql`
    select a.id from ${areaRows} a where a.level = 'province' and a.valid_to is null
      and a.id in (select (jsonb_array_elements_text(${JSON.stringify(areaIds)}::jsonb))::int) limit 1`);
  return row ?? null;
}
