/** Teams and members: who may see and change them, and the rules a team must keep. */
import { namesMaskedFor, personNameFor, phoneFor } from '../access/masking';
import type { Db, Executor } from '../../db/client';
import { ConflictError, InvalidInputError, NotFoundError } from '../../errors';
import { recordAudit } from '../access/audit';
import { requireAreaScope, requireRecordScope, requireRole } from '../access/policy';
import type { ServiceRequest } from '../access/request';
import { Role, type Viewer } from '../access/roles';
import { requireAreaByCode } from '../areas/service';
import {
  findHamletTeams, findMember, findMembers, findMembersByIds, findTeamsByIds, findTeamsOfCommunes, findTeamsUnder, insertMember,
  insertTeam, type MemberFields, type MemberRow, type TeamRow, updateMember, updateTeam,
} from './queries';
import type { CreateTeamInput, MemberInput, UpdateTeamInput } from './types';
import { recordChange } from '../changes/service';

/** Who sets up teams and keeps their member lists: the commune (by the chair's decision) and the province. */
export const TEAM_MANAGERS: readonly Role[] = [Role.PROVINCE_ADMIN, Role.COMMUNE_CHAIR, Role.COMMUNE_OFFICER];
/** Everyone who works with teams (the committee reviews nominations only). */
export const TEAM_READERS: readonly Role[] = [Role.PROVINCE_LEADER, Role.PROVINCE_ADMIN, Role.COMMUNE_CHAIR, Role.COMMUNE_OFFICER, Role.TEAM_LEADER];

const collator = new Intl.Collator('vi');
const byName = (a: TeamRow, b: TeamRow) => collator.compare(a.name, b.name);

const teamNotFound = (id: number) => () => new NotFoundError(`Không tìm thấy tổ công nghệ số #${id}.`);

/** The team, for internal use by other services (no access check: callers check their own). */
export async function findTeam(db: Executor, id: number): Promise<TeamRow> {
  const [team] = await findTeamsByIds(db, [id]);
  if (!team) throw teamNotFound(id)();
  return team;
}

/**
 * The access check for a team named by id: the viewer has one of `roles` and the team's commune
 * (or, with `hamlets`, its hamlets) in scope; an unknown id answers as one outside the scope.
 */
async function requireTeamAccess(db: Executor, viewer: Viewer | null, id: number, roles: readonly Role[], hamlets = false) {
  const { viewer: v, found: team } = await requireRecordScope(db, viewer, roles, {
    find: async () => (await findTeamsByIds(db, [id]))[0],
    areas: (t) => (hamlets && t.hamletIds.length ? t.hamletIds : [t.communeId]),
    notFound: teamNotFound(id),
  });
  return { viewer: v, team };
}

/** The team, when the viewer's scope covers its hamlets. */
export async function getTeam({ db, viewer }: ServiceRequest, id: number): Promise<TeamRow> {
  return (await requireTeamAccess(db, viewer, id, TEAM_READERS, true)).team;
}

/** The team when `viewer` may assign it targets (the commune chair of its commune), else FORBIDDEN alike for unknown ids. */
export async function requireTeamOfChair(db: Executor, viewer: Viewer | null, id: number) {
  return requireTeamAccess(db, viewer, id, [Role.COMMUNE_CHAIR]);
}

export async function listCommuneTeams({ db, viewer }: ServiceRequest, communeCode: string): Promise<TeamRow[]> {
  const commune = await requireAreaByCode(db, communeCode);
  await requireAreaScope(db, viewer, [commune.id], TEAM_READERS.filter((r) => r !== Role.TEAM_LEADER));
  return (await findTeamsOfCommunes(db, [commune.id])).sort(byName);
}

/** A team leader's own teams (or, for anyone else, the teams in their scope). */
export async function listMyTeams({ db, viewer }: ServiceRequest): Promise<TeamRow[]> {
  const v = requireRole(viewer, TEAM_READERS);
  return (await findTeamsUnder(db, v.areaIds)).sort(byName);
}

/**
 * Members (personal data) of the given teams that lie in the viewer's scope; teams outside it (or a
 * public viewer) get none. One query for any number of teams.
 */
export async function visibleMembers({ db, viewer }: ServiceRequest, teamIds: readonly number[]): Promise<MemberRow[]> {
  if (!viewer || !TEAM_READERS.includes(viewer.role) || teamIds.length === 0) return [];
  const rows = await findMembers(db, teamIds, viewer.areaIds);
  // Roles that need counts only (the province leader) see masked names and no phone numbers.
  return namesMaskedFor(viewer) ? rows.map((m) => ({ ...m, fullName: personNameFor(viewer, m.fullName), phone: phoneFor(viewer, m.phone) })) : rows;
}

export async function createTeam({ db, viewer }: ServiceRequest, input: CreateTeamInput): Promise<TeamRow> {
  const commune = await requireAreaByCode(db, input.communeCode);
  await requireAreaScope(db, viewer, [commune.id], [Role.PROVINCE_ADMIN, Role.COMMUNE_CHAIR]);
  const name = input.name.trim();
  if (!name) throw new InvalidInputError('Tên tổ không được để trống.');
  const codes = [...new Set(input.hamletCodes)];
  if (codes.length === 0) throw new InvalidInputError('Tổ phải phụ trách ít nhất một thôn/xóm.');
  const hamlets = await findHamletTeams(db, codes);
  const unknown = codes.filter((c) => !hamlets.some((h) => h.code === c && h.communeId === commune.id));
  if (unknown.length) throw new InvalidInputError(`Thôn/xóm không thuộc ${commune.name}: ${unknown.join(', ')}.`);
  const taken = hamlets.filter((h) => h.teamId !== null);
  if (taken.length) throw new ConflictError(`Thôn/xóm đã có tổ công nghệ số: ${taken.map((h) => h.code).join(', ')}.`);
  return db.transaction(async (tx) => {
    const id = await insertTeam(tx, {
      communeId: commune.id, name, decisionNumber: input.decisionNumber ?? null, foundedOn: input.foundedOn ?? null,
      hamletIds: hamlets.map((h) => h.hamletId),
    });
    const team = await findTeam(tx, id);
    await recordChange(tx, { kind: 'teams', areaIds: [commune.id] });
    await recordAudit(tx, viewer, { action: 'team.create', entity: 'team', entityId: id, after: team });
    return team;
  });
}

export async function editTeam({ db, viewer }: ServiceRequest, id: number, input: UpdateTeamInput): Promise<TeamRow> {
  const { team: before } = await requireTeamAccess(db, viewer, id, [Role.PROVINCE_ADMIN, Role.COMMUNE_CHAIR]);
  const name = input.name.trim();
  if (!name) throw new InvalidInputError('Tên tổ không được để trống.');
  return db.transaction(async (tx) => {
    await updateTeam(tx, id, { name, decisionNumber: input.decisionNumber ?? null, active: input.active });
    const after = await findTeam(tx, id);
    await recordChange(tx, { kind: 'teams', areaIds: [before.communeId] });
    await recordAudit(tx, viewer, { action: 'team.update', entity: 'team', entityId: id, before, after });
    return after;
  });
}

function memberFields(input: MemberInput): MemberFields {
  const fullName = input.fullName.trim().replace(/\s+/g, ' ');
  if (!fullName) throw new InvalidInputError('Họ tên thành viên không được để trống.');
  const phone = input.phone?.replace(/[\s.]/g, '') || null;
  if (phone && !/^(\+84|0)\d{9,10}$/.test(phone)) throw new InvalidInputError(`Số điện thoại không hợp lệ: ${input.phone}.`);
  return { fullName, phone, role: input.role, organisation: input.organisation, isAmbassador: input.isAmbassador,
    active: input.active, joinedOn: input.joinedOn ?? null };
}

export async function addMember({ db, viewer }: ServiceRequest, teamId: number, input: MemberInput): Promise<MemberRow> {
  const { team } = await requireTeamAccess(db, viewer, teamId, TEAM_MANAGERS);
  const fields = memberFields(input);
  return db.transaction(async (tx) => {
    const member = (await findMember(tx, await insertMember(tx, teamId, fields)))!;
    await recordChange(tx, { kind: 'teams', areaIds: [team.communeId] });
    await recordAudit(tx, viewer, { action: 'team_member.create', entity: 'team_member', entityId: member.id, after: member });
    return member;
  });
}

export async function editMember({ db, viewer }: ServiceRequest, memberId: number, input: MemberInput): Promise<MemberRow> {
  const { found: { before, communeId } } = await requireRecordScope(db, viewer, TEAM_MANAGERS, {
    find: async () => {
      const member = await findMember(db, memberId);
      const team = member && (await findTeamsByIds(db, [member.teamId]))[0];
      return member && team ? { before: member, communeId: team.communeId } : null;
    },
    areas: (m) => [m.communeId],
    notFound: () => new NotFoundError(`Không tìm thấy thành viên #${memberId}.`),
  });
  const fields = memberFields(input);
  return db.transaction(async (tx) => {
    await updateMember(tx, memberId, fields);
    await recordChange(tx, { kind: 'teams', areaIds: [communeId] });
    const after = (await findMember(tx, memberId))!;
    await recordAudit(tx, viewer, { action: 'team_member.update', entity: 'team_member', entityId: memberId, before, after });
    return after;
  });
}

/** Current hamlets by code with their commune and team (for modules that record work per hamlet). */
export const hamletTeams = (db: Executor, codes: readonly string[]) => findHamletTeams(db, codes);

/**
 * The teams serving the hamlets and their members, for other modules (the awards' ambassador rule)
 * that check access themselves.
 */
export async function teamsServingHamlets(db: Executor, hamletIds: readonly number[]): Promise<{ teams: TeamRow[]; members: MemberRow[] }> {
  if (hamletIds.length === 0) return { teams: [], members: [] };
  const teams = await findTeamsUnder(db, hamletIds);
  const members = teams.length ? await findMembers(db, teams.map((t) => t.id), hamletIds) : [];
  return { teams, members };
}

/** Teams by id, for other modules that check access themselves. */
export const teamsByIds = (db: Executor, ids: readonly number[]) => (ids.length ? findTeamsByIds(db, ids) : Promise.resolve([]));

/** The teams of communes, for other modules that check access themselves. */
export const teamsOfCommunes = (db: Executor, communeIds: readonly number[] | null) => findTeamsOfCommunes(db, communeIds);

/** Teams serving a hamlet under any of the areas, for other modules that check access themselves. */
export const teamsUnder = (db: Executor, areaIds: readonly number[]) => findTeamsUnder(db, areaIds);

/** Members by id with their team, for other modules (activities check that a member belongs to the hamlet's team). */
export const membersByIds = (db: Executor, ids: readonly number[]) => (ids.length ? findMembersByIds(db, ids) : Promise.resolve([]));
