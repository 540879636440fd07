/*
 * Teams on the e2e dataset: users with the demo password, a team for two wards of Phường Thục Phán
 * (90002-001, 90002-002) and its targets for the current quarter.
 */
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../server/db/client';
import { hashPassword } from '../../server/modules/access/passwords';
import { Role, type Viewer } from '../../server/modules/access/roles';
import { setCommuneTarget, setTeamTarget } from '../../server/modules/targets/service';
import { createTeam } from '../../server/modules/teams/service';

export const E2E_PASSWORD = 'ThiDuaSo@2025';

async function user(db: Db, username: string, fullName: string, role: Role, areaCodes: string[]): Promise<Viewer> {
  const hash = await hashPassword(E2E_PASSWORD);
  const [row] = await queryRows<{ id: number }>(db, sql`insert into users (username, full_name, role, password_hash)
    values (${username}, ${fullName}, ${role}, ${hash}) returning id`);
  const areas = await queryRows<{ id: number }>(db, sql`select id from areas where valid_to is null
    and code in (select jsonb_array_elements_text(${JSON.stringify(areaCodes)}::jsonb))`);
  await db.execute(sql`insert into user_areas (user_id, area_id)
    select ${row!.id}, id from areas where id in (select (jsonb_array_elements_text(${JSON.stringify(areas.map((a) => a.id))}::jsonb))::int)`);
  return { userId: row!.id, role, areaIds: areas.map((a) => a.id), username };
}

export async function seedE2ETeams(db: Db, period: string): Promise<{ teamId: number }> {
  const admin = await user(db, 'tinh.quantri', 'Sở KH&CN', Role.PROVINCE_ADMIN, ['04']);
  const chair = await user(db, 'thucphan.chutich', 'Bế Thị Lan', Role.COMMUNE_CHAIR, ['90002']);
  await user(db, 'thucphan.totruong', 'Hoàng Văn Tú', Role.TEAM_LEADER, ['90002-001', '90002-002']);
  const team = await createTeam(db, chair, {
    communeCode: '90002', name: 'Tổ CNSCĐ Tổ dân phố 1–2', hamletCodes: ['90002-001', '90002-002'], decisionNumber: '15/QĐ-UBND', foundedOn: '2025-08-10',
  });
  const other = await createTeam(db, chair, { communeCode: '90002', name: 'Tổ CNSCĐ Xóm Pác Bó', hamletCodes: ['90002-003'] });
  // The commune's own targets; the teams' APP_INSTALLS add up to less (80 + 40 < 150): a warning.
  for (const [metric, value] of [['OUTREACH_SESSIONS', 20], ['PEOPLE_SUPPORTED', 300], ['APP_INSTALLS', 150]] as const) {
    await setCommuneTarget(db, admin, { communeCode: '90002', period, metric: metric as never, value });
  }
  for (const [metric, value] of [['OUTREACH_SESSIONS', 12], ['PEOPLE_SUPPORTED', 200], ['APP_INSTALLS', 80]] as const) {
    await setTeamTarget(db, chair, { teamId: team.id, period, metric: metric as never, value });
  }
  for (const [metric, value] of [['OUTREACH_SESSIONS', 8], ['PEOPLE_SUPPORTED', 100], ['APP_INSTALLS', 40]] as const) {
    await setTeamTarget(db, chair, { teamId: other.id, period, metric: metric as never, value });
  }
  return { teamId: team.id };
}
