/*
 * Awards fixture on top of the golden dataset: users (admin, commune chair, a committee of five,
 * one of whom works in Xã Thử Nghiệm) and households whose Gia đình số history tests the
 * "whole year" rule:
 *   AWD-1 Nguyễn Văn An     all criteria since 2024            → Gia đình số all of 2025 (from 1 January,
 *                           when the province's first criteria set came into force)
 *   AWD-2 Trần Thị Bình     last criterion met on 2025-03-10   → became one in March
 *   AWD-3 Hoàng Văn Cường   lost online public services on 2025-06-10
 *   AWD-4 Lục Thị Duyên     last criterion met on 2025-01-02
 *   AWD-5 Bế Văn Em         all criteria since 2024 (a fifth nominee, for the quota)
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client';
import { queryRows } from '../../server/db/client';
import { Role, type Viewer } from '../../server/modules/access/roles';
import { rebuildAggregates } from '../../server/modules/indicators/aggregates';
import { CRITERIA, seedGolden } from './golden';

const households = [
  { code: 'AWD-1', head: 'Nguyễn Văn An', met: ['2024-05-01', '2024-05-01', '2024-06-01'], lost: null },
  { code: 'AWD-2', head: 'Trần Thị Bình', met: ['2024-05-01', '2024-05-01', '2025-03-10'], lost: null },
  { code: 'AWD-3', head: 'Hoàng Văn Cường', met: ['2024-05-01', '2024-05-01', '2024-05-01'], lost: '2025-06-10' },
  { code: 'AWD-4', head: 'Lục Thị Duyên', met: ['2024-05-01', '2024-05-01', '2025-01-02'], lost: null },
  { code: 'AWD-5', head: 'Bế Văn Em', met: ['2024-05-01', '2024-05-01', '2024-05-01'], lost: null },
];

export interface AwardsFixture {
  admin: Viewer;
  chair: Viewer;
  otherChair: Viewer;
  members: Viewer[];
  provinceId: number;
  communeId: number;
}

async function addUser(db: Db, username: string, fullName: string, role: Role, areaCode: string): Promise<Viewer> {
  const [row] = await queryRows<{ id: number; areaId: number }>(db, sql`
    with u as (insert into users (username, full_name, role, password_hash) values (${username}, ${fullName}, ${role}, 'x') returning id),
    a as (insert into user_areas (user_id, area_id) select u.id, areas.id from u, areas where areas.code = ${areaCode} returning area_id)
    select u.id, a.area_id as "areaId" from u, a`);
  return { userId: row!.id, role, areaIds: [row!.areaId] };
}

export async function seedAwards(db: Db): Promise<AwardsFixture> {
  await seedGolden(db);
  await db.execute(sql`insert into areas (code, name, name_key, level, kind, parent_id)
    values ('90002', 'Xã Bên Cạnh', 'xã bên cạnh', 'commune', 'xã', (select id from areas where code = '04'))`);
  await db.transaction(async (tx) => {
    await tx.execute(sql`insert into households (code, hamlet_id, head_name, members)
      select x.code, (select id from areas where code = '90001-001'), x.head, 3
      from jsonb_to_recordset(${JSON.stringify(households)}::jsonb) x(code text, head text)`);
    const rows = households.flatMap((h) => h.met.map((day, i) => ({
      code: h.code, criterion: CRITERIA[i], day, lost: i === 1 ? h.lost : null })));
    await tx.execute(sql`insert into household_criteria (household_id, criterion_code, met_on, lost_on)
      select h.id, x.criterion, x.day, x.lost from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        x(code text, criterion text, day date, lost date) join households h on h.code = x.code`);
    await tx.execute(sql`insert into residents (code, household_id, full_name, birth_year)
      select 'R-' || h.code, h.id, h.head_name, 1980 from households h where h.code like 'AWD-%'`);
    await tx.execute(sql`insert into skill_assessments (resident_id, target_group, result, assessed_on)
      select r.id, 'citizen', 'PASSED', '2025-04-02' from residents r where r.code in ('R-AWD-1', 'R-AWD-2')`);
    const { rebuildAncestors } = await import('../../server/modules/areas/queries');
    await rebuildAncestors(tx);
    await rebuildAggregates(tx);
  });
  const admin = await addUser(db, 'admin', 'Quản trị Sở KH&CN', Role.PROVINCE_ADMIN, '04');
  const chair = await addUser(db, 'chair', 'Chủ tịch xã Thử Nghiệm', Role.COMMUNE_CHAIR, '90001');
  const otherChair = await addUser(db, 'chair2', 'Chủ tịch xã Bên Cạnh', Role.COMMUNE_CHAIR, '90002');
  const members = [
    await addUser(db, 'm1', 'Hoàng Thị Chủ Tịch', Role.COMMITTEE_MEMBER, '04'),
    await addUser(db, 'm2', 'Thành viên Hai', Role.COMMITTEE_MEMBER, '04'),
    await addUser(db, 'm3', 'Thành viên Ba', Role.COMMITTEE_MEMBER, '04'),
    await addUser(db, 'm4', 'Thành viên Bốn', Role.COMMITTEE_MEMBER, '04'),
    // Works in a hamlet of Xã Thử Nghiệm: flagged automatically for its nominees.
    await addUser(db, 'm5', 'Thành viên Năm', Role.COMMITTEE_MEMBER, '90001-001'),
  ];
  const [ids] = await queryRows<{ province: number; commune: number }>(db, sql`
    select (select id from areas where code = '04') as province, (select id from areas where code = '90001') as commune`);
  return { admin, chair, otherChair, members, provinceId: ids!.province, communeId: ids!.commune };
}
