/** Reads and writes of youth volunteer campaigns and the communes' reports on them. */
import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/client';

export interface CampaignRow {
  id: number;
  kind: 'SUMMER' | 'SCHOOL_START' | 'DIGITAL_TRANSFORMATION_DAY';
  year: number;
  name: string;
  startsOn: string;
  endsOn: string;
}

const campaignSelect = sql`select id, kind, year, name, to_char(starts_on, 'YYYY-MM-DD') as "startsOn",
  to_char(ends_on, 'YYYY-MM-DD') as "endsOn" from campaigns`;

export function findCampaignsByIds(db: Executor, ids: readonly number[]): Promise<CampaignRow[]> {
  return queryRows<CampaignRow>(db, sql`${campaignSelect}
    where id in (select (jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))::int)`);
}

export function findCampaigns(db: Executor, year: number | null): Promise<CampaignRow[]> {
  return queryRows<CampaignRow>(db, sql`${campaignSelect} ${year === null ? sql`` : sql`where year = ${year}`} order by starts_on`);
}

export async function insertCampaign(db: Executor, c: Omit<CampaignRow, 'id'>): Promise<number | null> {
  const [row] = await queryRows<{ id: number }>(db, sql`insert into campaigns (kind, year, name, starts_on, ends_on)
    values (${c.kind}, ${c.year}, ${c.name}, ${c.startsOn}, ${c.endsOn}) on conflict do nothing returning id`);
  return row?.id ?? null;
}

export interface ReportRow {
  id: number;
  campaignId: number;
  communeId: number;
  volunteers: number;
  peopleSupported: number;
  sessions: number;
  content: string;
  lessonsLearnt: string | null;
  updatedAt: string;
}

const reportSelect = sql`select id, campaign_id as "campaignId", commune_id as "communeId", volunteers,
  people_supported as "peopleSupported", sessions, content, lessons_learnt as "lessonsLearnt",
  to_char(updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "updatedAt" from campaign_reports`;

export function findReports(db: Executor, campaignIds: readonly number[]): Promise<ReportRow[]> {
  return queryRows<ReportRow>(db, sql`${reportSelect}
    where campaign_id in (select (jsonb_array_elements_text(${JSON.stringify(campaignIds)}::jsonb))::int) order by id`);
}

export async function findReport(db: Executor, campaignId: number, communeId: number): Promise<ReportRow | null> {
  const [row] = await queryRows<ReportRow>(db, sql`${reportSelect} where campaign_id = ${campaignId} and commune_id = ${communeId}`);
  return row ?? null;
}

/** One report per commune and campaign: a second submission replaces the first. */
export async function upsertReport(db: Executor, r: Omit<ReportRow, 'id' | 'updatedAt'>, userId: number): Promise<void> {
  await db.execute(sql`
    insert into campaign_reports (campaign_id, commune_id, volunteers, people_supported, sessions, content, lessons_learnt, reported_by)
    values (${r.campaignId}, ${r.communeId}, ${r.volunteers}, ${r.peopleSupported}, ${r.sessions}, ${r.content}, ${r.lessonsLearnt}, ${userId})
    on conflict (campaign_id, commune_id) do update set volunteers = excluded.volunteers,
      people_supported = excluded.people_supported, sessions = excluded.sessions, content = excluded.content,
      lessons_learnt = excluded.lessons_learnt, reported_by = excluded.reported_by, updated_at = now()`);
}
