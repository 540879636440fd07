/** SQL of committee sheets: every member × nomination, with the automatic conflict flag. */
import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/client';
import { userAreaRows } from '../access/subqueries';
import { areaAncestry } from '../areas/subqueries';

export interface SheetRow {
  nominationId: number;
  memberId: number;
  scores: Record<string, number>;
  vote: 'FOR' | 'AGAINST' | null;
  declaredConflict: boolean;
  conflictNote: string | null;
  /** The member acts on the nominee's commune (one of their user_areas lies in it). */
  sameCommune: boolean;
  submitted: boolean;
}

export function sheetsOf(db: Executor, nominationIds: readonly number[]): Promise<SheetRow[]> {
  return queryRows<SheetRow>(db, sql`
    select n.id as "nominationId", m.user_id as "memberId", coalesce(r.scores, '{}'::jsonb) as scores, r.vote,
      coalesce(r.recused, false) as "declaredConflict", r.conflict_note as "conflictNote",
      exists (select 1 from ${userAreaRows} ua join ${areaAncestry} aa on aa.area_id = ua.area_id
        where ua.user_id = m.user_id and aa.ancestor_id = n.commune_id) as "sameCommune",
      r.submitted_at is not null as submitted
    from award_nominations n
    join award_cycle_members m on m.cycle_id = n.cycle_id
    left join award_reviews r on r.nomination_id = n.id and r.member_id = m.user_id
    where n.id in (select (jsonb_array_elements_text(${JSON.stringify(nominationIds)}::jsonb))::int)
    order by n.id, m.user_id`);
}

/** Writes a sheet unless it is already submitted; returns false when it was locked. */
export async function saveSheet(tx: Executor, sheet: {
  nominationId: number; memberId: number; scores: Record<string, number>; vote: 'FOR' | 'AGAINST' | null;
  recused: boolean; conflictNote: string | null; submit: boolean;
}): Promise<boolean> {
  const rows = await queryRows<{ ok: number }>(tx, sql`
    insert into award_reviews (nomination_id, member_id, scores, vote, recused, conflict_note, submitted_at)
    values (${sheet.nominationId}, ${sheet.memberId}, ${JSON.stringify(sheet.scores)}::jsonb, ${sheet.vote},
      ${sheet.recused}, ${sheet.conflictNote}, case when ${sheet.submit} then now() end)
    on conflict (nomination_id, member_id) do update set scores = excluded.scores, vote = excluded.vote,
      recused = excluded.recused, conflict_note = excluded.conflict_note, submitted_at = excluded.submitted_at
    where award_reviews.submitted_at is null
    returning 1 as ok`);
  return rows.length > 0;
}

export async function memberCount(db: Executor, cycleId: number): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from award_cycle_members where cycle_id = ${cycleId}`);
  return row?.n ?? 0;
}
