/** Writes and reads of support activities; the daily totals move in the same statement as the insert. */
import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/client';
import { areaAncestry, areaRows } from '../areas/subqueries';

export interface NewActivity {
  clientId: string;
  teamId: number;
  hamletId: number;
  memberId: number | null;
  campaignId: number | null;
  metric: string;
  quantity: number;
  activityOn: string;
  householdId: number | null;
  note: string | null;
}

export interface ActivityRow extends NewActivity {
  id: number;
  hamletCode: string;
  recordedBy: number | null;
  recordedAt: string;
}

/**
 * Inserts the records whose client id is new and adds them to the daily totals, in one statement;
 * records already present (a retry) are skipped. Returns the client ids actually inserted.
 * Rows are fed in key order so concurrent writers lock totals rows in the same order (no deadlock).
 */
export async function insertActivities(db: Executor, rows: readonly NewActivity[], userId: number | null): Promise<string[]> {
  const inserted = await queryRows<{ clientId: string }>(db, sql`
    with input as (
      select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) x("clientId" uuid, "teamId" int, "hamletId" int,
        "memberId" int, "campaignId" int, metric target_metric, quantity int, "activityOn" date, "householdId" int, note text)
    ),
    ins as (
      insert into support_activities (client_id, team_id, hamlet_id, member_id, campaign_id, metric, quantity, activity_on,
        household_id, note, recorded_by)
      select "clientId", "teamId", "hamletId", "memberId", "campaignId", metric, quantity, "activityOn", "householdId", note, ${userId}::int
      from input order by "clientId"
      on conflict (client_id) do nothing
      returning client_id, team_id, hamlet_id, metric, activity_on, quantity
    ),
    totals as (
      insert into activity_daily_totals as t (team_id, hamlet_id, metric, day, quantity, records)
      select team_id, hamlet_id, metric, activity_on, sum(quantity), count(*) from ins
      group by team_id, hamlet_id, metric, activity_on order by team_id, hamlet_id, metric, activity_on
      on conflict (team_id, hamlet_id, metric, day)
      do update set quantity = t.quantity + excluded.quantity, records = t.records + excluded.records
    )
    select client_id::text as "clientId" from ins`);
  return inserted.map((r) => r.clientId);
}

const activitySelect = sql`
  select a.id, a.client_id::text as "clientId", a.team_id as "teamId", a.hamlet_id as "hamletId", h.code as "hamletCode",
         a.member_id as "memberId", a.campaign_id as "campaignId", a.metric, a.quantity,
         to_char(a.activity_on, 'YYYY-MM-DD') as "activityOn", a.household_id as "householdId", a.note,
         a.recorded_by as "recordedBy", to_char(a.recorded_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "recordedAt"
  from support_activities a join ${areaRows} h on h.id = a.hamlet_id`;

export function findActivitiesByClientIds(db: Executor, clientIds: readonly string[]): Promise<ActivityRow[]> {
  return queryRows<ActivityRow>(db, sql`${activitySelect}
    where a.client_id in (select (jsonb_array_elements_text(${JSON.stringify(clientIds)}::jsonb))::uuid)`);
}

/**
 * A team's activity log: latest activity date first, then latest recorded, then latest id (a
 * total order). `before` is the id of the previous page's last record: the page continues after
 * that record's place in the order, so a run of equal dates split by a page boundary is neither
 * repeated nor skipped.
 */
export function findTeamActivities(db: Executor, teamId: number, limit: number, before?: number): Promise<ActivityRow[]> {
  const cursor = before ? sql`and (a.activity_on, a.recorded_at, a.id) < (
    select c.activity_on, c.recorded_at, c.id from support_activities c where c.id = ${before} and c.team_id = ${teamId})` : sql``;
  return queryRows<ActivityRow>(db, sql`${activitySelect} where a.team_id = ${teamId} ${cursor}
    order by a.activity_on desc, a.recorded_at desc, a.id desc limit ${limit}`);
}

/** Recomputes the daily totals from the activities (after a repair, and to check the incremental path). */
export async function rebuildActivityTotals(db: Executor): Promise<void> {
  await db.execute(sql`delete from activity_daily_totals`);
  await db.execute(sql`insert into activity_daily_totals (team_id, hamlet_id, metric, day, quantity, records)
    select team_id, hamlet_id, metric, activity_on, sum(quantity), count(*) from support_activities
    group by team_id, hamlet_id, metric, activity_on`);
}

/** Totals rows that differ from a recount of the activities (empty when consistent). */
export function activityTotalsDrift(db: Executor) {
  return queryRows<{ teamId: number; hamletId: number; metric: string; day: string; stored: number | null; recounted: number | null }>(db, sql`
    with recount as (
      select team_id, hamlet_id, metric, activity_on as day, sum(quantity)::int as quantity, count(*)::int as records
      from support_activities group by 1, 2, 3, 4)
    select coalesce(t.team_id, r.team_id) as "teamId", coalesce(t.hamlet_id, r.hamlet_id) as "hamletId",
           coalesce(t.metric, r.metric) as metric, to_char(coalesce(t.day, r.day), 'YYYY-MM-DD') as day,
           t.quantity as stored, r.quantity as recounted
    from activity_daily_totals t full join recount r
      on r.team_id = t.team_id and r.hamlet_id = t.hamlet_id and r.metric = t.metric and r.day = t.day
    where t.quantity is distinct from r.quantity or t.records is distinct from r.records`);
}

export interface MemberActivitySummary {
  memberId: number;
  records: number;
  quantity: number;
  firstOn: string;
  lastOn: string;
}

/** What each team member logged between two days (inclusive): records, total quantity, first and last day. */
export function activitySummaryByMembers(db: Executor, memberIds: readonly number[], from: string, to: string) {
  return queryRows<MemberActivitySummary>(db, sql`
    select member_id as "memberId", count(*)::int as records, sum(quantity)::int as quantity,
           to_char(min(activity_on), 'YYYY-MM-DD') as "firstOn", to_char(max(activity_on), 'YYYY-MM-DD') as "lastOn"
    from support_activities
    where member_id in (select (jsonb_array_elements_text(${JSON.stringify(memberIds)}::jsonb))::int)
      and activity_on between ${from}::date and ${to}::date
    group by member_id`);
}

const idList = (ids: readonly number[]) => sql`(select (jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))::int)`;

export interface MetricSum {
  ownerId: number;
  metric: 'OUTREACH_SESSIONS' | 'PEOPLE_SUPPORTED' | 'APP_INSTALLS' | 'LESSONS_COMPLETED' | 'NEW_DIGITAL_FAMILIES';
  quantity: number;
}

/** Logged quantities per team and metric between two days (inclusive), from the daily totals. */
export function activitySumsByTeam(db: Executor, teamIds: readonly number[], from: string, to: string) {
  return queryRows<MetricSum>(db, sql`
    select team_id as "ownerId", metric, sum(quantity)::int as quantity from activity_daily_totals
    where team_id in ${idList(teamIds)} and day between ${from}::date and ${to}::date
    group by team_id, metric`);
}

/** Logged quantities per area (any level: what its hamlets logged) and metric between two days. */
export function activitySumsByArea(db: Executor, areaIds: readonly number[], from: string, to: string) {
  return queryRows<MetricSum>(db, sql`
    select up.ancestor_id as "ownerId", t.metric, sum(t.quantity)::int as quantity
    from activity_daily_totals t join ${areaAncestry} up on up.area_id = t.hamlet_id
    where up.ancestor_id in ${idList(areaIds)} and t.day between ${from}::date and ${to}::date
    group by up.ancestor_id, t.metric`);
}
