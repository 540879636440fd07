/** Every read and write of teams, their hamlets and members. */
import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/client';
import { areaAncestry, areaRows } from '../areas/subqueries';

const idList = (ids: readonly number[]) => sql`(select (jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))::int)`;

export interface TeamRow {
  id: number;
  communeId: number;
  name: string;
  decisionNumber: string | null;
  foundedOn: string | null;
  active: boolean;
  hamletIds: number[];
  members: number;
  activeMembers: number;
  ambassadors: number;
}

const teamSelect = sql`
  select t.id, t.commune_id as "communeId", t.name, t.decision_number as "decisionNumber",
         to_char(t.founded_on, 'YYYY-MM-DD') as "foundedOn", t.active,
         coalesce((select jsonb_agg(th.hamlet_id order by th.hamlet_id) from team_hamlets th where th.team_id = t.id), '[]'::jsonb) as "hamletIds",
         (select count(*) from team_members m where m.team_id = t.id)::int as members,
         (select count(*) from team_members m where m.team_id = t.id and m.active)::int as "activeMembers",
         (select count(*) from team_members m where m.team_id = t.id and m.active and m.is_ambassador)::int as ambassadors
  from teams t`;

export function findTeamsByIds(db: Executor, ids: readonly number[]): Promise<TeamRow[]> {
  return queryRows<TeamRow>(db, sql`${teamSelect} where t.id in ${idList(ids)}`);
}

/** Teams of the communes, or of every commune when `communeIds` is null. */
export function findTeamsOfCommunes(db: Executor, communeIds: readonly number[] | null): Promise<TeamRow[]> {
  return communeIds === null
    ? queryRows<TeamRow>(db, sql`${teamSelect}`)
    : queryRows<TeamRow>(db, sql`${teamSelect} where t.commune_id in ${idList(communeIds)}`);
}

/** Teams serving at least one hamlet under the given areas (a team leader's own teams). */
export function findTeamsUnder(db: Executor, areaIds: readonly number[]): Promise<TeamRow[]> {
  return queryRows<TeamRow>(db, sql`${teamSelect} where exists (
    select 1 from team_hamlets th join ${areaAncestry} up on up.area_id = th.hamlet_id
    where th.team_id = t.id and up.ancestor_id in ${idList(areaIds)})`);
}

export interface HamletTeam {
  hamletId: number;
  code: string;
  communeId: number;
  teamId: number | null;
}

/** Current hamlets by code with their commune and team. */
export function findHamletTeams(db: Executor, codes: readonly string[]): Promise<HamletTeam[]> {
  return queryRows<HamletTeam>(db, sql`
    select h.id as "hamletId", h.code, h.parent_id as "communeId", th.team_id as "teamId"
    from ${areaRows} h left join team_hamlets th on th.hamlet_id = h.id
    where h.level = 'hamlet' and h.valid_to is null
      and h.code in (select jsonb_array_elements_text(${JSON.stringify(codes)}::jsonb))`);
}

export async function insertTeam(db: Executor, t: { communeId: number; name: string; decisionNumber: string | null;
  foundedOn: string | null; hamletIds: number[] }): Promise<number> {
  const [row] = await queryRows<{ id: number }>(db, sql`
    insert into teams (commune_id, name, decision_number, founded_on)
    values (${t.communeId}, ${t.name}, ${t.decisionNumber}, ${t.foundedOn}) returning id`);
  await db.execute(sql`insert into team_hamlets (team_id, hamlet_id) select ${row!.id}, id from ${idList(t.hamletIds)} h(id)`);
  return row!.id;
}

export async function updateTeam(db: Executor, id: number, t: { name: string; decisionNumber: string | null; active: boolean }) {
  await db.execute(sql`update teams set name = ${t.name}, decision_number = ${t.decisionNumber}, active = ${t.active} where id = ${id}`);
}

export interface MemberRow {
  id: number;
  teamId: number;
  fullName: string;
  phone: string | null;
  role: 'LEADER' | 'DEPUTY' | 'MEMBER';
  organisation: string;
  isAmbassador: boolean;
  active: boolean;
  joinedOn: string | null;
}

const memberSelect = sql`
  select id, team_id as "teamId", full_name as "fullName", phone, role, organisation,
         is_ambassador as "isAmbassador", active, to_char(joined_on, 'YYYY-MM-DD') as "joinedOn"
  from team_members`;

/** Members of the teams that serve a hamlet under one of `scopeAreaIds` (the viewer's scope). */
export function findMembers(db: Executor, teamIds: readonly number[], scopeAreaIds: readonly number[]): Promise<MemberRow[]> {
  return queryRows<MemberRow>(db, sql`${memberSelect} m where m.team_id in ${idList(teamIds)}
    and exists (select 1 from team_hamlets th join ${areaAncestry} up on up.area_id = th.hamlet_id
                where th.team_id = m.team_id and up.ancestor_id in ${idList(scopeAreaIds)})
    order by m.team_id, m.id`);
}

export async function findMember(db: Executor, id: number): Promise<MemberRow | null> {
  const [row] = await queryRows<MemberRow>(db, sql`${memberSelect} where id = ${id}`);
  return row ?? null;
}

export type MemberFields = Omit<MemberRow, 'id' | 'teamId'>;

export async function insertMember(db: Executor, teamId: number, m: MemberFields): Promise<number> {
  const [row] = await queryRows<{ id: number }>(db, sql`
    insert into team_members (team_id, full_name, phone, role, organisation, is_ambassador, active, joined_on)
    values (${teamId}, ${m.fullName}, ${m.phone}, ${m.role}, ${m.organisation}, ${m.isAmbassador}, ${m.active}, ${m.joinedOn})
    returning id`);
  return row!.id;
}

export async function updateMember(db: Executor, id: number, m: MemberFields): Promise<void> {
  await db.execute(sql`
    update team_members set full_name = ${m.fullName}, phone = ${m.phone}, role = ${m.role},
      organisation = ${m.organisation}, is_ambassador = ${m.isAmbassador}, active = ${m.active}, joined_on = ${m.joinedOn}
    where id = ${id}`);
}

/** Members by id with their team (any team: no scope). */
export function findMembersByIds(db: Executor, memberIds: readonly number[]) {
  return queryRows<{ id: number; teamId: number; active: boolean }>(db, sql`select id, team_id as "teamId", active from team_members
    where id in ${idList(memberIds)}`);
}
