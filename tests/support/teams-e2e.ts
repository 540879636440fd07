/*
 * Teams on the e2e dataset: users with the demo password, a team for two wards of Phường Thục Phán
 * (90002-001, 90002-002) and its targets for the current quarter.
 */
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../server/db/client';
import { hashPassword } from '../../server/modules/access/passwords';
import { Role, type Viewer } from '../../server/modules/access/roles';
import { createCampaign } from '../../server/modules/campaigns/service';
import { upsertReport } from '../../server/modules/campaigns/queries';
import { CampaignKind } from '../../server/modules/campaigns/types';
import { saveMarket } from '../../server/modules/markets/service';
import { setCommuneTarget, setTeamTarget } from '../../server/modules/targets/service';
import { createTeam } from '../../server/modules/teams/service';
import { todayInVietnam } from '../../server/dates';
import { requestAs } from './request';

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

export interface E2ETeams { teamId: number; otherTeamId: number; campaignId: number }

export async function seedE2ETeams(db: Db, period: string): Promise<E2ETeams> {
  const admin = await user(db, 'tinh.quantri', 'Sở KH&CN', Role.PROVINCE_ADMIN, ['04']);
  const chair = await user(db, 'thucphan.chutich', 'Bế Thị Lan', Role.COMMUNE_CHAIR, ['90002']);
  // A second chair's account: the sign-in limit test locks thucphan.chutich for 15 minutes.
  await user(db, 'thucphan.phochutich', 'Nông Văn Hải', Role.COMMUNE_CHAIR, ['90002']);
  await user(db, 'thucphan.totruong', 'Hoàng Văn Tú', Role.TEAM_LEADER, ['90002-001', '90002-002']);
  const team = await createTeam(requestAs(db, chair), {
    communeCode: '90002', name: 'Tổ CNSCĐ Tổ dân phố 1–2', hamletCodes: ['90002-001', '90002-002'], decisionNumber: '15/QĐ-UBND', foundedOn: '2025-08-10',
  });
  const other = await createTeam(requestAs(db, chair), { communeCode: '90002', name: 'Tổ CNSCĐ Xóm Pác Bó', hamletCodes: ['90002-003'] });
  // The commune's own targets; the teams' APP_INSTALLS add up to less (80 + 40 < 150): a warning.
  for (const [metric, value] of [['OUTREACH_SESSIONS', 20], ['PEOPLE_SUPPORTED', 300], ['APP_INSTALLS', 150]] as const) {
    await setCommuneTarget(requestAs(db, admin), { communeCode: '90002', period, metric: metric as never, value });
  }
  for (const [metric, value] of [['OUTREACH_SESSIONS', 12], ['PEOPLE_SUPPORTED', 200], ['APP_INSTALLS', 80]] as const) {
    await setTeamTarget(requestAs(db, chair), { teamId: team.id, period, metric: metric as never, value });
  }
  for (const [metric, value] of [['OUTREACH_SESSIONS', 8], ['PEOPLE_SUPPORTED', 100], ['APP_INSTALLS', 40]] as const) {
    await setTeamTarget(requestAs(db, chair), { teamId: other.id, period, metric: metric as never, value });
  }
  const campaignId = await seedE2EFieldwork(db, admin, Number(period.slice(0, 4)));
  return { teamId: team.id, otherTeamId: other.id, campaignId };
}

/**
 * This year's summer and school-start campaigns, two communes' reports on the school-start one and one of
 * them on the summer one too
 * (Phường Thục Phán has not reported yet), and four Chợ số markets in three communes.
 */
async function seedE2EFieldwork(db: Db, admin: Viewer, year: number): Promise<number> {
  const summer = await createCampaign(requestAs(db, admin), { kind: CampaignKind.SUMMER, year, name: `Mùa hè tình nguyện ${year}`, startsOn: `${year}-06-01`, endsOn: `${year}-08-31` });
  const campaign = await createCampaign(requestAs(db, admin), {
    kind: CampaignKind.SCHOOL_START, year, name: `Phổ cập kỹ năng số mùa khai giảng ${year}`, startsOn: `${year}-09-01`, endsOn: `${year}-10-31`,
  });
  const communes = await queryRows<{ id: number; code: string }>(db, sql`select id, code from areas where code in ('90003', '90004') and valid_to is null`);
  const idOf = (code: string) => communes.find((c) => c.code === code)!.id;
  await upsertReport(db, { campaignId: campaign.id, communeId: idOf('90004'), volunteers: 9, peopleSupported: 210, sessions: 5,
    content: 'Hướng dẫn cài VNeID mức 2 tại nhà văn hóa', lessonsLearnt: 'Mang theo máy phát wifi vì sóng yếu' }, admin.userId);
  await upsertReport(db, { campaignId: campaign.id, communeId: idOf('90003'), volunteers: 14, peopleSupported: 380, sessions: 8,
    content: 'Đi từng hộ hướng dẫn nộp hồ sơ dịch vụ công trực tuyến', lessonsLearnt: null }, admin.userId);
  // Xã Hòa An Mới reported on the summer campaign too: one commune of the year, two reports.
  await upsertReport(db, { campaignId: summer.id, communeId: idOf('90003'), volunteers: 6, peopleSupported: 120, sessions: 3,
    content: 'Lớp học kỹ năng số cho học sinh nghỉ hè', lessonsLearnt: null }, admin.userId);
  const today = todayInVietnam();
  for (const m of [
    { communeCode: '90002', name: 'Chợ Sông Hiến', vendors: 80, qrVendors: 52, standardMetOn: '2025-12-15' },
    { communeCode: '90002', name: 'Chợ Thục Phán', vendors: 120, qrVendors: 30, standardMetOn: null },
    { communeCode: '90003', name: 'Chợ Hòa An', vendors: 40, qrVendors: 10, standardMetOn: null },
    { communeCode: '90004', name: 'Chợ Đàm Thủy', vendors: 60, qrVendors: 45, standardMetOn: '2025-10-20' },
  ]) await saveMarket(requestAs(db, admin, today), m);
  return campaign.id;
}
