/*
 * Access fixtures on top of the golden dataset: a second commune (90002, one hamlet of 3
 * households: a small cell) and one user per role, scoped inside the golden commune 90001, plus
 * users scoped elsewhere. Every password is DEMO_PASSWORD.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client';
import { rebuildAncestors } from '../../server/modules/areas/queries';
import { rebuildAggregates } from '../../server/modules/indicators/aggregates';
import { Role } from '../../server/modules/access/roles';
import { DEMO_PASSWORD, type DemoUser, seedDemoUsers } from '../../seeds/users';

export { DEMO_PASSWORD };
export const OTHER_COMMUNE = '90002';
export const OTHER_HAMLET = '90002-001';

/** One user per role; the scoped ones act in commune 90001 (team leader: hamlet 90001-001). */
export const ROLE_USERS: Record<Role, DemoUser> = {
  [Role.PROVINCE_LEADER]: { username: 'leader', fullName: 'Lãnh Đạo Tỉnh', role: Role.PROVINCE_LEADER, areaCodes: ['04'] },
  [Role.PROVINCE_ADMIN]: { username: 'admin', fullName: 'Quản Trị Tỉnh', role: Role.PROVINCE_ADMIN, areaCodes: ['04'] },
  [Role.COMMITTEE_MEMBER]: { username: 'committee', fullName: 'Thành Viên Hội Đồng', role: Role.COMMITTEE_MEMBER, areaCodes: ['04'] },
  [Role.COMMUNE_CHAIR]: { username: 'chair', fullName: 'Chủ Tịch Xã', role: Role.COMMUNE_CHAIR, areaCodes: ['90001'] },
  [Role.COMMUNE_OFFICER]: { username: 'officer', fullName: 'Cán Bộ Xã', role: Role.COMMUNE_OFFICER, areaCodes: ['90001'] },
  [Role.TEAM_LEADER]: { username: 'team', fullName: 'Tổ Trưởng Xóm', role: Role.TEAM_LEADER, areaCodes: ['90001-001'] },
};

export const OTHER_USERS: DemoUser[] = [
  { username: 'other.officer', fullName: 'Cán Bộ Xã Khác', role: Role.COMMUNE_OFFICER, areaCodes: [OTHER_COMMUNE] },
  { username: 'team.other', fullName: 'Tổ Trưởng Xóm Khác', role: Role.TEAM_LEADER, areaCodes: ['90001-002'] },
  { username: 'victim', fullName: 'Người Bị Đổi Mật Khẩu', role: Role.COMMUNE_OFFICER, areaCodes: ['90001'] },
  { username: 'signer', fullName: 'Người Đăng Nhập', role: Role.COMMUNE_OFFICER, areaCodes: ['90001'] },
];

/** Call after seedGolden. */
export async function seedAccessFixtures(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`insert into areas (code, name, name_key, level, kind, parent_id)
      values (${OTHER_COMMUNE}, 'Xã Bên Cạnh', 'xã bên cạnh', 'commune', 'xã', (select id from areas where code = '04'))`);
    await tx.execute(sql`insert into areas (code, name, name_key, level, kind, parent_id)
      values (${OTHER_HAMLET}, 'Xóm Nhỏ', 'xóm nhỏ', 'hamlet', 'xóm', (select id from areas where code = ${OTHER_COMMUNE}))`);
    await tx.execute(sql`insert into households (code, hamlet_id, head_name, members)
      select ${OTHER_HAMLET} || '-H' || i, (select id from areas where code = ${OTHER_HAMLET}), 'Hoàng Thị Nhỏ ' || i, 3
      from generate_series(1, 3) i`);
    await tx.execute(sql`insert into household_criteria (household_id, criterion_code, met_on)
      select h.id, c.code, '2025-08-01' from households h cross join criteria c where h.code like ${`${OTHER_HAMLET}-%`}`);
    await rebuildAncestors(tx);
    await rebuildAggregates(tx);
    await seedDemoUsers(tx, [...Object.values(ROLE_USERS), ...OTHER_USERS]);
  });
}
