/** The quarterly review's snapshot tables: written once when a quarter is closed, read afterwards. */
import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/client';
import { areaAndBelow } from '../areas/subqueries';
import type { AreaCounts } from '../indicators/queries';

export interface ReviewRow { period: string; asOf: string; closedAt: string }

const reviewSelect = sql`select period, to_char(as_of, 'YYYY-MM-DD') as "asOf",
  to_char(closed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "closedAt" from quarter_reviews`;

export async function findReview(db: Executor, period: string): Promise<ReviewRow | null> {
  const [row] = await queryRows<ReviewRow>(db, sql`${reviewSelect} where period = ${period}`);
  return row ?? null;
}

export const findReviews = (db: Executor) => queryRows<ReviewRow>(db, sql`${reviewSelect} order by period desc`);

/** Claims the quarter; false when it was already closed (by this or a concurrent request). */
export async function insertReview(db: Executor, period: string, asOf: string, userId: number): Promise<boolean> {
  const rows = await queryRows<{ period: string }>(db, sql`insert into quarter_reviews (period, as_of, closed_by)
    values (${period}, ${asOf}, ${userId}) on conflict do nothing returning period`);
  return rows.length === 1;
}

export async function insertAreaSnapshots(db: Executor, period: string, rows: readonly AreaCounts[]): Promise<void> {
  await db.execute(sql`insert into quarter_area_snapshots (period, area_id, households, residents, digital_families, skilled_residents)
    select ${period}, "areaId", households, residents, "digitalFamilies", "skilledResidents"
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      x("areaId" int, households int, residents int, "digitalFamilies" int, "skilledResidents" int)`);
}

export interface TargetSnapshotRow {
  targetId: number;
  metric: string;
  communeId: number;
  teamId: number | null;
  ownerName: string;
  target: number;
  achieved: number;
}

export async function insertTargetSnapshots(db: Executor, period: string, rows: readonly TargetSnapshotRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.execute(sql`insert into quarter_target_snapshots (period, target_id, metric, commune_id, team_id, owner_name, target, achieved)
    select ${period}, "targetId", metric, "communeId", "teamId", "ownerName", target, achieved
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      x("targetId" int, metric target_metric, "communeId" int, "teamId" int, "ownerName" text, target int, achieved int)`);
}

export interface AreaSnapshotRow { period: string; areaId: number; households: number; residents: number; digitalFamilies: number; skilledResidents: number }

export function findAreaSnapshots(db: Executor, periods: readonly string[], areaIds: readonly number[]) {
  return queryRows<AreaSnapshotRow>(db, sql`
    select period, area_id as "areaId", households, residents, digital_families as "digitalFamilies", skilled_residents as "skilledResidents"
    from quarter_area_snapshots
    where period in (select jsonb_array_elements_text(${JSON.stringify(periods)}::jsonb))
      and area_id in (select (jsonb_array_elements_text(${JSON.stringify(areaIds)}::jsonb))::int)`);
}

/** The frozen targets given to communes at or under `areaId` (teams' targets are inside their commune's). */
export function findCommuneTargetSnapshots(db: Executor, periods: readonly string[], areaId: number) {
  return queryRows<TargetSnapshotRow & { period: string }>(db, sql`
    select s.period, s.target_id as "targetId", s.metric, s.commune_id as "communeId", s.team_id as "teamId",
           s.owner_name as "ownerName", s.target, s.achieved
    from quarter_target_snapshots s
    where s.commune_id in ${areaAndBelow(areaId)} and s.team_id is null and s.period in (select jsonb_array_elements_text(${JSON.stringify(periods)}::jsonb))`);
}
