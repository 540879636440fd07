/*
 * Teams on top of the golden dataset: users for each role with their scope, a team for hamlets
 * 001 and 002, one for 003, and a second commune (90002) outside the commune users' scope.
 */
import 'reflect-metadata';
import { sql } from 'drizzle-orm';
import { graphql, type GraphQLSchema } from 'graphql';
import { type Db, queryRows } from '../../server/db/client';
import { createContext } from '../../server/graphql/context';
import { buildAppSchema } from '../../server/graphql/schema';
import { Role, type Viewer } from '../../server/modules/access/roles';
import { rebuildAncestors } from '../../server/modules/areas/queries';
import { MemberOrganisation, MemberRole } from '../../server/modules/teams/types';
import { addMember, createTeam } from '../../server/modules/teams/service';
import { requestAs } from './request';

export interface TeamFixture {
  admin: Viewer;
  leader: Viewer;
  chair: Viewer;
  officer: Viewer;
  /** Team leader of hamlet 90001-003 only. */
  otherLeader: Viewer;
  /** Commune chair of 90002. */
  outsider: Viewer;
  teamA: number;
  teamB: number;
}

async function user(db: Db, username: string, role: Role, areaCodes: string[]): Promise<Viewer> {
  const [row] = await queryRows<{ id: number }>(db, sql`insert into users (username, full_name, role, password_hash)
    values (${username}, ${username}, ${role}, 'x') returning id`);
  const areaIds = await queryRows<{ id: number }>(db, sql`select id from areas where valid_to is null
    and code in (select jsonb_array_elements_text(${JSON.stringify(areaCodes)}::jsonb))`);
  await db.execute(sql`insert into user_areas (user_id, area_id) select ${row!.id}, id from areas where valid_to is null
    and code in (select jsonb_array_elements_text(${JSON.stringify(areaCodes)}::jsonb))`);
  return { userId: row!.id, role, areaIds: areaIds.map((a) => a.id) };
}

/** Call after seedGolden. */
export async function seedTeams(db: Db): Promise<TeamFixture> {
  await db.execute(sql`insert into areas (code, name, name_key, level, kind, parent_id)
    values ('90002', 'Xã Bên Cạnh', 'xã bên cạnh', 'commune', 'xã', (select id from areas where code = '04'))`);
  await db.execute(sql`insert into areas (code, name, name_key, level, kind, parent_id)
    values ('90002-001', 'Xóm Khuổi', 'xóm khuổi', 'hamlet', 'xóm', (select id from areas where code = '90002'))`);
  await rebuildAncestors(db as never);
  const admin = await user(db, 'so-khcn', Role.PROVINCE_ADMIN, ['04']);
  const chair = await user(db, 'chu-tich', Role.COMMUNE_CHAIR, ['90001']);
  const officer = await user(db, 'can-bo', Role.COMMUNE_OFFICER, ['90001']);
  const leader = await user(db, 'to-truong', Role.TEAM_LEADER, ['90001-001', '90001-002']);
  const otherLeader = await user(db, 'to-truong-coc', Role.TEAM_LEADER, ['90001-003']);
  const outsider = await user(db, 'chu-tich-ben', Role.COMMUNE_CHAIR, ['90002']);
  const teamA = (await createTeam(requestAs(db, chair), { communeCode: '90001', name: 'Tổ CNSCĐ xóm Bản Giốc – Ả',
    hamletCodes: ['90001-001', '90001-002'], decisionNumber: '12/QĐ-UBND', foundedOn: '2025-08-05' })).id;
  const teamB = (await createTeam(requestAs(db, chair), { communeCode: '90001', name: 'Tổ CNSCĐ xóm Cốc', hamletCodes: ['90001-003'] })).id;
  await createTeam(requestAs(db, outsider), { communeCode: '90002', name: 'Tổ CNSCĐ xóm Khuổi', hamletCodes: ['90002-001'] });
  for (const [name, org, amb, role] of [
    ['Hoàng Văn Tú', MemberOrganisation.HAMLET_HEAD, false, MemberRole.LEADER],
    ['Nông Thị Mai', MemberOrganisation.YOUTH_UNION, true, MemberRole.MEMBER],
    ['Lục Văn Sơn', MemberOrganisation.POLICE, false, MemberRole.MEMBER],
  ] as const) {
    await addMember(requestAs(db, officer), teamA, { fullName: name, organisation: org, isAmbassador: amb, role, active: true, phone: null });
  }
  return { admin, leader, chair, officer, otherLeader, outsider, teamA, teamB };
}

let schema: Promise<GraphQLSchema> | undefined;

/** Runs a GraphQL operation as `viewer`, through the real schema (auth checker, validation, resolvers). */
export async function execAs<T = Record<string, unknown>>(db: Db, viewer: Viewer | null, source: string,
  variableValues?: Record<string, unknown>, today?: string) {
  schema ??= buildAppSchema();
  const contextValue = createContext(db, viewer);
  if (today) contextValue.today = today;
  const result = await graphql({ schema: await schema, source, variableValues, contextValue });
  return result as { data?: T | null; errors?: readonly { message: string; extensions: Record<string, unknown> }[] };
}
