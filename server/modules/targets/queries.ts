/** Every read and write of targets. */
import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/client';
import { teamCommunes } from '../teams/subqueries';

const idList = (ids: readonly number[]) => sql`(select (jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))::int)`;

export type TargetMetricValue = 'OUTREACH_SESSIONS' | 'PEOPLE_SUPPORTED' | 'APP_INSTALLS' | 'LESSONS_COMPLETED' | 'NEW_DIGITAL_FAMILIES';

export interface TargetRow {
  id: number;
  period: string;
  metric: TargetMetricValue;
  communeId: number | null;
  teamId: number | null;
  /** The commune the target belongs to: its own, or its team's. */
  ownerCommuneId: number;
  value: number;
  version: number;
  updatedAt: string;
}

const targetSelect = sql`
  select x.id, x.period, x.metric, x.commune_id as "communeId", x.team_id as "teamId",
         coalesce(x.commune_id, tm.commune_id) as "ownerCommuneId", x.value, x.version,
         to_char(x.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "updatedAt"
  from targets x left join ${teamCommunes} tm on tm.id = x.team_id`;

export async function findTarget(db: Executor, id: number): Promise<TargetRow | null> {
  const [row] = await queryRows<TargetRow>(db, sql`${targetSelect} where x.id = ${id}`);
  return row ?? null;
}

/** Targets of a period: the communes' own (when `communeIds`) and their teams' (when `teams`). */
export function findTargets(db: Executor, q: { periods: readonly string[]; communeIds?: readonly number[] | null; teamIds?: readonly number[] }) {
  const owner = q.teamIds
    ? sql`x.team_id in ${idList(q.teamIds)}`
    : q.communeIds ? sql`x.commune_id in ${idList(q.communeIds)}` : sql`x.commune_id is not null`;
  return queryRows<TargetRow>(db, sql`${targetSelect}
    where x.period in (select jsonb_array_elements_text(${JSON.stringify(q.periods)}::jsonb)) and ${owner}
    order by x.id`);
}

/** Every team target of the communes' teams for a period. */
export function findTeamTargetsOfCommunes(db: Executor, communeIds: readonly number[] | null, period: string) {
  const where = communeIds ? sql`and tm.commune_id in ${idList(communeIds)}` : sql``;
  return queryRows<TargetRow>(db, sql`${targetSelect} where x.team_id is not null and x.period = ${period} ${where} order by x.id`);
}

/** Inserts a new target; null when one already exists for the owner, period and metric. */
export async function insertTarget(db: Executor, t: { period: string; metric: string; communeId: number | null;
  teamId: number | null; value: number; userId: number }): Promise<number | null> {
  const [row] = await queryRows<{ id: number }>(db, sql`
    insert into targets (period, metric, commune_id, team_id, value, updated_by)
    values (${t.period}, ${t.metric}, ${t.communeId}, ${t.teamId}, ${t.value}, ${t.userId})
    on conflict do nothing returning id`);
  return row?.id ?? null;
}

/** Compare-and-set: changes the value only if nobody changed it since `version` was read. */
export async function updateTargetIfVersion(db: Executor, id: number, version: number, value: number, userId: number): Promise<boolean> {
  const rows = await queryRows<{ id: number }>(db, sql`
    update targets set value = ${value}, version = version + 1, updated_by = ${userId}, updated_at = now()
    where id = ${id} and version = ${version} returning id`);
  return rows.length === 1;
}

export async function findTargetByOwner(db: Executor, q: { period: string; metric: string; communeId: number | null; teamId: number | null }) {
  const owner = q.teamId !== null ? sql`x.team_id = ${q.teamId}` : sql`x.commune_id = ${q.communeId}`;
  const [row] = await queryRows<TargetRow>(db, sql`${targetSelect} where x.period = ${q.period} and x.metric = ${q.metric} and ${owner}`);
  return row ?? null;
}
