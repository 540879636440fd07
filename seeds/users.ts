/*
 * Demo accounts, one per role (docs/demo-users.md lists them for the README). Seeded only in demo
 * mode, into the demo database, after the areas exist. Every demo account shares one password,
 * which is public: never seed these into a real database.
 */
import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../server/db/client';
import { hashPassword } from '../server/modules/access/passwords';
import { Role } from '../server/modules/access/roles';

export const DEMO_PASSWORD = 'ThiDuaSo@2025';

export interface DemoUser {
  username: string;
  fullName: string;
  role: Role;
  areaCodes: string[];
}

export const DEMO_USERS: DemoUser[] = [
  { username: 'tinh.lanhdao', fullName: 'Hoàng Văn Lãnh', role: Role.PROVINCE_LEADER, areaCodes: ['04'] },
  { username: 'tinh.quantri', fullName: 'Nông Thị Quản', role: Role.PROVINCE_ADMIN, areaCodes: ['04'] },
  { username: 'hoidong.thanhvien', fullName: 'Lương Văn Hội', role: Role.COMMITTEE_MEMBER, areaCodes: ['04'] },
  // The rest of the award committee (seeds/awards.ts): its chair, and a member who works in Phường Thục Phán
  // (recused automatically from that ward's nominations).
  { username: 'hoidong.chutich', fullName: 'Nông Văn Hải', role: Role.COMMITTEE_MEMBER, areaCodes: ['04'] },
  { username: 'hoidong.thanhvien2', fullName: 'Triệu Thị Hằng', role: Role.COMMITTEE_MEMBER, areaCodes: ['04'] },
  { username: 'hoidong.thanhvien3', fullName: 'Bế Văn Khải', role: Role.COMMITTEE_MEMBER, areaCodes: ['01273'] },
  { username: 'hoidong.thanhvien4', fullName: 'Hà Thị Ngọc', role: Role.COMMITTEE_MEMBER, areaCodes: ['04'] },
  { username: 'thucphan.chutich', fullName: 'Đàm Văn Chủ', role: Role.COMMUNE_CHAIR, areaCodes: ['01273'] },
  { username: 'thucphan.canbo', fullName: 'Bế Thị Cán', role: Role.COMMUNE_OFFICER, areaCodes: ['01273'] },
  { username: 'thucphan.totruong', fullName: 'Lô Văn Tổ', role: Role.TEAM_LEADER, areaCodes: ['01273-001', '01273-002'] },
  { username: 'nungtricao.canbo', fullName: 'Triệu Thị Nùng', role: Role.COMMUNE_OFFICER, areaCodes: ['01279'] },
  // Chairs of the other communes whose families, citizens and teams the demo awards (seeds/awards.ts).
  { username: 'nungtricao.chutich', fullName: 'Lục Văn Trí', role: Role.COMMUNE_CHAIR, areaCodes: ['01279'] },
  { username: 'tangiang.chutich', fullName: 'Ma Thị Giang', role: Role.COMMUNE_CHAIR, areaCodes: ['01288'] },
  { username: 'canyen.chutich', fullName: 'Hoàng Văn Yên', role: Role.COMMUNE_CHAIR, areaCodes: ['01366'] },
];

/** Inserts the demo users whose areas exist (a missing area is reported, not fatal). */
export async function seedDemoUsers(tx: Executor, users: readonly DemoUser[] = DEMO_USERS): Promise<string[]> {
  const codes = [...new Set(users.flatMap((u) => u.areaCodes))];
  const found = new Set((await queryRows<{ code: string }>(tx, sql`
    select code from areas where valid_to is null
      and code in (select jsonb_array_elements_text(${JSON.stringify(codes)}::jsonb))`)).map((r) => r.code));
  const usable = users.filter((u) => {
    const missing = u.areaCodes.filter((c) => !found.has(c));
    if (missing.length > 0) console.warn(`[seed] bỏ qua tài khoản mẫu ${u.username}: thiếu địa bàn ${missing.join(', ')}`);
    return missing.length === 0;
  });
  if (usable.length === 0) return [];
  const rows = await Promise.all(usable.map(async (u) => ({ ...u, passwordHash: await hashPassword(DEMO_PASSWORD) })));
  await tx.execute(sql`
    with input as (
      select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        x(username text, "fullName" text, role text, "passwordHash" text, "areaCodes" jsonb)),
    inserted as (
      insert into users (username, full_name, role, password_hash)
      select username, "fullName", role::role, "passwordHash" from input
      on conflict (username) do nothing
      returning id, username)
    insert into user_areas (user_id, area_id)
    select i.id, a.id from inserted i
    join input x on x.username = i.username
    cross join lateral jsonb_array_elements_text(x."areaCodes") c(code)
    join areas a on a.code = c.code and a.valid_to is null`);
  return usable.map((u) => u.username);
}
