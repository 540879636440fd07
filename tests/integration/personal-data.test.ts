import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../server/db/client';
import { todayInVietnam } from '../../server/dates';
import { DEMO_PASSWORD, OTHER_COMMUNE, OTHER_HAMLET, seedAccessFixtures } from '../support/access';
import { drivers, openTestDatabase, type TestDatabase } from '../support/databases';
import { seedGolden } from '../support/golden';
import { startTestServer, type TestClient, type TestServer } from '../support/server';
import { Role, type Viewer } from '../../server/modules/access/roles';
import { openCycle } from '../../server/modules/awards/cycles';
import { createNomination, submitNomination } from '../../server/modules/awards/nominations';
import { openReview } from '../../server/modules/awards/review';
import { checkCycleEligibility } from '../../server/modules/awards/screening';
import { addMember, createTeam } from '../../server/modules/teams/service';
import { MemberOrganisation, MemberRole } from '../../server/modules/teams/types';
import { type AwardsFixture, seedAwards } from '../support/awards-fixture';
import { execAs } from '../support/teams';
import { requestAs } from '../support/request';

const HOUSEHOLDS = `query ($h: String!, $s: String) { households(hamletCode: $h, search: $s) {
  code headName nameMasked members isDigitalFamily digitalSince criteria { code met metOn lostOn verifiedBy } } }`;
const SET = `mutation ($h: String!, $c: String!, $d: Date) {
  setHouseholdCriterion(householdCode: $h, criterion: $c, metOn: $d) { code isDigitalFamily criteria { code met metOn verifiedBy } } }`;
const INDICATOR = `query ($c: String!) { area(code: $c) { indicator(metric: DIGITAL_FAMILY_RATE, asOf: "2025-12-31") {
  value numerator denominator suppressed } } }`;

interface HouseholdOut {
  code: string; headName: string; nameMasked: boolean; members: number; isDigitalFamily: boolean;
  criteria: { code: string; met: boolean; metOn: string | null; verifiedBy: string | null }[];
}

describe.each(drivers)('personal data on %s', (driver) => {
  let database: TestDatabase;
  let server: TestServer;
  let officer: TestClient;
  let leader: TestClient;
  let admin: TestClient;
  let team: TestClient;

  beforeAll(async () => {
    database = await openTestDatabase(driver);
    await seedGolden(database.db);
    await seedAccessFixtures(database.db);
    server = await startTestServer(database.db);
    const signIn = (u: string) => server.signIn(u, DEMO_PASSWORD);
    [officer, leader, admin, team] = await Promise.all([signIn('officer'), signIn('leader'), signIn('admin'), signIn('team')]);
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  it('shows commune staff the full names, and a province leader only masked ones', async () => {
    const full = await officer.query<{ households: HouseholdOut[] }>(HOUSEHOLDS, { h: '90001-001' });
    expect(full.data!.households).toHaveLength(10);
    expect(full.data!.households[0]).toMatchObject({ code: '90001-001-H0000', headName: 'Nông Văn 90001-001-H0000', nameMasked: false });
    const masked = await leader.query<{ households: HouseholdOut[] }>(HOUSEHOLDS, { h: '90001-001' });
    expect(masked.data!.households[0]).toMatchObject({ code: '90001-001-H0000', headName: 'Nông V. 9.', nameMasked: true });
    expect(JSON.stringify(masked.data)).not.toContain('Nông Văn');
  });

  it('searches by name without diacritics, but never by the hidden name for a masked role', async () => {
    const found = await officer.query<{ households: HouseholdOut[] }>(HOUSEHOLDS, { h: '90001-001', s: 'nong van 90001-001-h0003' });
    expect(found.data!.households.map((h) => h.code)).toEqual(['90001-001-H0003']);
    const leaderSearch = await leader.query<{ households: HouseholdOut[] }>(HOUSEHOLDS, { h: '90001-001', s: 'Nông Văn' });
    expect(leaderSearch.data!.households).toEqual([]);
  });

  it('keeps a team leader to their own hamlet', async () => {
    expect((await team.query(HOUSEHOLDS, { h: '90001-001' })).errors).toBeUndefined();
    const other = await team.query(HOUSEHOLDS, { h: '90001-002' });
    expect(other.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect(other.errors?.[0]?.message).toMatch(/không có quyền/);
  });

  it('records who read which hamlet', async () => {
    await officer.query(HOUSEHOLDS, { h: '90001-005' });
    const rows = await queryRows<{ username: string; entity_id: string }>(database.db, sql`
      select u.username, l.entity_id from audit_log l join users u on u.id = l.user_id
      where l.action = 'READ_HOUSEHOLDS' and l.entity_id = '90001-005'`);
    expect(rows).toEqual([{ username: 'officer', entity_id: '90001-005' }]);
  });

  it('sets a criterion, updates the indicators and audits the change in one go', async () => {
    // Xóm Cốc (90001-003): 5/10 at 2025-12-31; five households lack only CASHLESS_PAYMENT.
    const before = await server.query<{ area: { indicator: { numerator: number } } }>(INDICATOR, { c: '90001-003' });
    expect(before.data!.area.indicator.numerator).toBe(5);
    const missing = 'CASHLESS_PAYMENT';
    const target = (await officer.query<{ households: HouseholdOut[] }>(HOUSEHOLDS, { h: '90001-003' })).data!.households
      .find((h) => h.criteria.find((c) => c.code === missing)!.metOn === null)!;
    const res = await officer.query<{ setHouseholdCriterion: HouseholdOut }>(SET, { h: target.code, c: missing, d: '2025-12-01' });
    expect(res.errors).toBeUndefined();
    expect(res.data!.setHouseholdCriterion.isDigitalFamily).toBe(true);
    expect(res.data!.setHouseholdCriterion.criteria.find((c) => c.code === missing))
      .toMatchObject({ met: true, metOn: '2025-12-01', verifiedBy: 'officer' });
    const after = await server.query<{ area: { indicator: { numerator: number } } }>(INDICATOR, { c: '90001-003' });
    expect(after.data!.area.indicator.numerator).toBe(6);

    const [entry] = await queryRows<{ username: string; ip: string; before: unknown; after: unknown }>(database.db, sql`
      select u.username, l.ip, l.before, l.after from audit_log l join users u on u.id = l.user_id
      where l.action = 'SET_HOUSEHOLD_CRITERION' and l.entity_id = ${target.code}`);
    expect(entry).toMatchObject({ username: 'officer', before: { criterion: missing, metOn: null },
      after: { criterion: missing, metOn: '2025-12-01' } });
    expect(entry!.ip).toMatch(/127\.0\.0\.1|::1/);

    // Clearing it (a correction) brings the figure back.
    await officer.query(SET, { h: target.code, c: missing, d: null });
    const cleared = await server.query<{ area: { indicator: { numerator: number } } }>(INDICATOR, { c: '90001-003' });
    expect(cleared.data!.area.indicator.numerator).toBe(5);
  });

  it('refuses bad criterion input and changes nothing', async () => {
    const count = async () => (await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from audit_log
      where action = 'SET_HOUSEHOLD_CRITERION'`))[0]!.n;
    const n = await count();
    const unknown = await officer.query(SET, { h: '90001-001-H0000', c: 'NOT_A_CRITERION', d: '2025-10-01' });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const future = await officer.query(SET, { h: '90001-001-H0000', c: 'CASHLESS_PAYMENT', d: '2999-01-01' });
    expect(future.errors?.[0]?.message).toMatch(/không được sau hôm nay/);
    const missing = await officer.query(SET, { h: 'KHONG-CO', c: 'CASHLESS_PAYMENT', d: '2025-10-01' });
    // A commune officer is not told whether a household outside their scope exists (access-first.test.ts).
    expect(missing.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await count()).toBe(n);
  });

  it('suppresses cells of fewer than 5 households, and their complements, for the public only', async () => {
    const publicView = await server.query<{ area: { indicator: unknown } }>(INDICATOR, { c: OTHER_HAMLET });
    expect(publicView.data!.area.indicator).toEqual({ value: null, numerator: 0, denominator: 0, suppressed: true });
    const staffView = await officer.query<{ area: { indicator: unknown } }>(INDICATOR, { c: OTHER_HAMLET });
    expect(staffView.data!.area.indicator).toEqual({ value: 1, numerator: 3, denominator: 3, suppressed: false });

    const BOARD = `{ leaderboard(parentCode: "04", metric: DIGITAL_FAMILY_RATE, asOf: "2025-12-31") {
      area { code } value numerator denominator suppressed } }`;
    const board = await server.query<{ leaderboard: { area: { code: string }; suppressed: boolean; numerator: number }[] }>(BOARD);
    const small = board.data!.leaderboard.find((e) => e.area.code === OTHER_COMMUNE)!;
    expect(small).toMatchObject({ suppressed: true, numerator: 0, value: null });
    // The province's figure minus 90001's would be the small commune's: 90001 is hidden as its complement.
    expect(board.data!.leaderboard.find((e) => e.area.code === '90001')).toMatchObject({ suppressed: true, numerator: 0 });
    const staffBoard = await officer.query<{ leaderboard: { area: { code: string }; suppressed: boolean; numerator: number }[] }>(BOARD);
    expect(staffBoard.data!.leaderboard.find((e) => e.area.code === '90001')).toMatchObject({ suppressed: false, numerator: 40 });

    const criteria = await server.query<{ area: { criteria: unknown[] } }>(
      `{ area(code: "${OTHER_HAMLET}") { criteria(asOf: "2025-12-31") { code households met share suppressed } } }`);
    expect(criteria.data!.area.criteria[0]).toMatchObject({ households: 0, met: 0, share: null, suppressed: true });
    const hamlets = `{ area(code: "${OTHER_HAMLET}") { digitalHamlets(asOf: "2025-12-31") { count total suppressed } } }`;
    expect((await server.query(hamlets)).data).toEqual({ area: { digitalHamlets: { count: 0, total: 0, suppressed: true } } });
    expect((await officer.query(hamlets)).data).toEqual({ area: { digitalHamlets: { count: 1, total: 1, suppressed: false } } });
  });

  it('lets the province admin filter and page the audit log', async () => {
    const AUDIT = `query ($f: AuditFilterInput, $l: Int, $o: Int) { auditLog(filter: $f, limit: $l, offset: $o) {
      total entries { id at username action entity entityId after } } }`;
    type Page = { auditLog: { total: number; entries: { id: number; username: string; action: string; entityId: string }[] } };
    const reads = await admin.query<Page>(AUDIT, { f: { username: 'officer', action: 'READ_HOUSEHOLDS' }, l: 2, o: 0 });
    expect(reads.errors).toBeUndefined();
    expect(reads.data!.auditLog.total).toBeGreaterThanOrEqual(3);
    expect(reads.data!.auditLog.entries).toHaveLength(2);
    expect(reads.data!.auditLog.entries.every((e) => e.username === 'officer' && e.action === 'READ_HOUSEHOLDS')).toBe(true);
    const next = await admin.query<Page>(AUDIT, { f: { username: 'officer', action: 'READ_HOUSEHOLDS' }, l: 2, o: 2 });
    const ids = [...reads.data!.auditLog.entries, ...next.data!.auditLog.entries].map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));

    const byEntity = await admin.query<Page>(AUDIT, { f: { entity: 'hamlet', entityId: '90001-005' } });
    expect(byEntity.data!.auditLog.entries.map((e) => e.entityId)).toEqual(['90001-005']);
    const today = todayInVietnam();
    const inRange = await admin.query<Page>(AUDIT, { f: { from: today, to: today, action: 'SIGN_IN' } });
    expect(inRange.data!.auditLog.total).toBeGreaterThanOrEqual(4);
    const past = await admin.query<Page>(AUDIT, { f: { from: '2020-01-01', to: '2020-12-31' } });
    expect(past.data!.auditLog.total).toBe(0);
    const tooMany = await admin.query(AUDIT, { l: 10_000 });
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe.each(drivers)('names and phone numbers per role on %s', (driver) => {
  let database: TestDatabase;
  let f: AwardsFixture;
  let leader: Viewer;
  let cycleId: number;
  let nominationId: number;
  let teamId: number;
  const TODAY = '2025-10-01';
  const READ = `query ($c: Int!, $n: Int!, $t: Int!) {
    nominations(cycleId: $c, communeCode: "90001") { nomineeName } nomination(id: $n) { nomineeName justification }
    awardResults(cycleId: $c) { nomination { nomineeName } }
    team(id: $t) { memberList { fullName phone } } }`;
  type Read = { nominations: { nomineeName: string }[]; nomination: { nomineeName: string; justification: string };
    awardResults: { nomination: { nomineeName: string } }[]; team: { memberList: { fullName: string; phone: string | null }[] } };

  beforeAll(async () => {
    database = await openTestDatabase(driver);
    f = await seedAwards(database.db);
    const [row] = await queryRows<{ id: number; areaId: number }>(database.db, sql`
      with u as (insert into users (username, full_name, role, password_hash) values ('lanhdao', 'Lãnh Đạo Tỉnh', 'PROVINCE_LEADER', 'x') returning id),
      a as (insert into user_areas (user_id, area_id) select u.id, areas.id from u, areas where areas.code = '04' returning area_id)
      select u.id, a.area_id as "areaId" from u, a`);
    leader = { userId: row!.id, role: Role.PROVINCE_LEADER, areaIds: [row!.areaId] };
    const ctx = (viewer: Viewer) => ({ db: database.db, viewer, today: TODAY });
    cycleId = (await openCycle({ ...ctx(f.admin), today: '2025-08-01' }, {
      title: 'GIA_DINH_SO_TIEU_BIEU', year: 2025, nominationOpensOn: '2025-09-01', nominationClosesOn: '2025-10-15',
      closesOn: '2025-11-20', quotaPerCommune: 4, quotaTotal: 10, rubric: [{ code: 'SKILLS', label: 'Kỹ năng số', weight: 1 }],
      memberIds: f.members.map((m) => m.userId), chairId: f.members[0]!.userId })).id;
    nominationId = (await createNomination(ctx(f.chair), { cycleId, nomineeCode: 'AWD-1', justification: 'Gia đình gương mẫu.' })).id;
    await submitNomination(ctx(f.chair), nominationId);
    await checkCycleEligibility({ ...ctx(f.admin), today: '2025-10-20' }, cycleId);
    await openReview({ ...ctx(f.admin), today: '2025-10-20' }, cycleId);
    teamId = (await createTeam(requestAs(database.db, f.chair), { communeCode: '90001', name: 'Tổ CNSCĐ xóm Bản Giốc', hamletCodes: ['90001-001'] })).id;
    await addMember(requestAs(database.db, f.chair), teamId, { fullName: 'Lục Thị Mai', phone: '0912 345 678', role: MemberRole.MEMBER,
      organisation: MemberOrganisation.YOUTH_UNION, isAmbassador: true, active: true });
  });
  afterAll(() => database?.close());

  const read = async (viewer: Viewer, fields = READ) => {
    const res = await execAs<Read>(database.db, viewer, fields, { c: cycleId, n: nominationId, t: teamId }, TODAY);
    expect(res.errors).toBeUndefined();
    return res.data!;
  };

  it('gives the province leader masked names and no phone numbers, in nominations, results and teams', async () => {
    const seen = await read(leader);
    expect(seen.nominations).toEqual([{ nomineeName: 'Nguyễn V. A.' }]);
    expect(seen.nomination.nomineeName).toBe('Nguyễn V. A.');
    expect(seen.awardResults.map((r) => r.nomination.nomineeName)).toEqual(['Nguyễn V. A.']);
    expect(seen.team.memberList).toEqual([{ fullName: 'Lục T. M.', phone: null }]);
    expect(JSON.stringify(seen)).not.toMatch(/Nguyễn Văn|Thị Mai|0912/);
  });

  it('gives full names to the roles that work with the person: province admin, the commune chair, the committee', async () => {
    // (results are for the province and the committee: not asked as the chair)
    const withoutResults = READ.replace('awardResults(cycleId: $c) { nomination { nomineeName } }', '');
    for (const [viewer, query] of [[f.admin, READ], [f.chair, withoutResults]] as const) {
      const seen = await read(viewer, query);
      expect(seen.nomination.nomineeName).toBe('Nguyễn Văn An');
      expect(seen.team.memberList).toEqual([{ fullName: 'Lục Thị Mai', phone: '0912345678' }]);
    }
    const committee = await execAs<Read>(database.db, f.members[1]!, `query ($c: Int!, $n: Int!) {
      nomination(id: $n) { nomineeName } awardResults(cycleId: $c) { nomination { nomineeName } } }`, { c: cycleId, n: nominationId }, TODAY);
    expect(committee.errors).toBeUndefined();
    expect(committee.data!.nomination.nomineeName).toBe('Nguyễn Văn An');
  });
});
