/*
 * Targets: assignment down the hierarchy with the shortfall warning, optimistic concurrency (no
 * lost update), progress from activities and from household data, pace, at-risk lists, leaderboard.
 *
 * Golden data, Q4 2025 (baseline 2025-09-30): Xóm Ả gains 12 Gia đình số on 2025-11-20, Xóm Cốc 5
 * on 2025-12-31, Bản Giốc none → team A (Bản Giốc + Ả) 12, team B (Cốc) 5, commune 17.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../server/db/client';
import { logActivities } from '../../server/modules/activities/service';
import { atRisk, communeProgress, teamLeaderboard, teamProgress } from '../../server/modules/targets/progress';
import { setCommuneTarget, setTeamTarget } from '../../server/modules/targets/service';
import { TargetMetric } from '../../server/modules/activities/metrics';
import { drivers, openTestDatabase, type TestDatabase } from '../support/databases';
import { requestAs } from '../support/request';
import { seedGolden } from '../support/golden';
import { execAs, seedTeams, type TeamFixture } from '../support/teams';

const P = '2025-Q4';
const { PEOPLE_SUPPORTED: PS, NEW_DIGITAL_FAMILIES: NDF } = TargetMetric;

describe.each(drivers)('targets and progress on %s', (driver) => {
  let database: TestDatabase;
  let f: TeamFixture;

  beforeAll(async () => {
    database = await openTestDatabase(driver);
    await seedGolden(database.db);
    f = await seedTeams(database.db);
    const log = (hamletCode: string, activityOn: string, quantity: number) =>
      ({ clientId: randomUUID(), hamletCode, metric: PS, quantity, activityOn });
    await logActivities(requestAs(database.db, f.officer, '2025-12-31'), [
      log('90001-001', '2025-10-05', 10), log('90001-002', '2025-11-10', 15),
      log('90001-003', '2025-10-20', 5), log('90001-003', '2025-09-20', 50), // Q3: not in Q4
    ]);
  });
  afterAll(() => database?.close());

  it('assigns down the hierarchy and warns while the teams\' targets fall short of the commune\'s', async () => {
    await setCommuneTarget(requestAs(database.db, f.admin), { communeCode: '90001', period: P, metric: PS, value: 100 });
    await setCommuneTarget(requestAs(database.db, f.admin), { communeCode: '90001', period: P, metric: NDF, value: 20 });
    const a = await setTeamTarget(requestAs(database.db, f.chair), { teamId: f.teamA, period: P, metric: PS, value: 40 });
    expect(a.warnings).toEqual(['Tổng chỉ tiêu giao cho các tổ (40) thấp hơn chỉ tiêu của xã (100): còn thiếu 60.']);
    const b = await setTeamTarget(requestAs(database.db, f.chair), { teamId: f.teamB, period: P, metric: PS, value: 30 });
    expect(b.warnings[0]).toMatch(/còn thiếu 30/);
    await setTeamTarget(requestAs(database.db, f.chair), { teamId: f.teamA, period: P, metric: NDF, value: 10 });

    const plan = await execAs<{ communeTargetPlan: { allocations: { metric: string; teamTargetsSum: number; shortfall: number; warning: string | null }[] } }>(
      database.db, f.chair, `{ communeTargetPlan(communeCode: "90001", period: "${P}") { allocations { metric teamTargetsSum shortfall warning } } }`);
    expect(plan.errors).toBeUndefined();
    const byMetric = Object.fromEntries(plan.data!.communeTargetPlan.allocations.map((x) => [x.metric, x]));
    expect(byMetric.PEOPLE_SUPPORTED).toMatchObject({ teamTargetsSum: 70, shortfall: 30 });
    expect(byMetric.NEW_DIGITAL_FAMILIES).toMatchObject({ teamTargetsSum: 10, shortfall: 10 });
    expect(byMetric.APP_INSTALLS).toMatchObject({ shortfall: 0, warning: null });
  });

  it('lets only the right role, in scope, assign', async () => {
    await expect(setCommuneTarget(requestAs(database.db, f.chair), { communeCode: '90001', period: P, metric: PS, value: 1 }))
      .rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    await expect(setTeamTarget(requestAs(database.db, f.outsider), { teamId: f.teamA, period: P, metric: PS, value: 1, expectedVersion: 1 }))
      .rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    await expect(setTeamTarget(requestAs(database.db, f.chair), { teamId: f.teamA, period: '2025-Q5', metric: PS, value: 1 }))
      .rejects.toThrow(/Kỳ "2025-Q5" không hợp lệ/);
    await expect(setTeamTarget(requestAs(database.db, f.chair), { teamId: f.teamA, period: P, metric: TargetMetric.APP_INSTALLS, value: -4 }))
      .rejects.toThrow(/số nguyên dương/);
    // assigning again what already exists is a conflict, not a silent overwrite
    await expect(setTeamTarget(requestAs(database.db, f.chair), { teamId: f.teamA, period: P, metric: PS, value: 99 }))
      .rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
  });

  it('keeps both edits from being lost: one wins, the other gets a conflict and nothing is overwritten', async () => {
    const [target] = await queryRows<{ id: number; version: number }>(database.db, sql`
      select id, version from targets where team_id = ${f.teamB} and metric = 'PEOPLE_SUPPORTED'`);
    const edit = (value: number) => setTeamTarget(requestAs(database.db, f.chair),
      { teamId: f.teamB, period: P, metric: PS, value, expectedVersion: target!.version });
    const results = await Promise.allSettled([edit(31), edit(45)]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.reason).toMatchObject({ extensions: { code: 'CONFLICT' } });
    expect(lost[0]!.reason.message).toMatch(/^Chỉ tiêu đã được người khác sửa/);
    const winner = (won[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof edit>>>).value.target;
    const [now] = await queryRows<{ value: number; version: number }>(database.db, sql`select value, version from targets where id = ${target!.id}`);
    expect(now).toEqual({ value: winner.value, version: target!.version + 1 });
    // put it back for the progress checks below, with the version just read
    await setTeamTarget(requestAs(database.db, f.chair), { teamId: f.teamB, period: P, metric: PS, value: 30, expectedVersion: now!.version });
  });

  it('measures progress from activities and New Digital Families from household data', async () => {
    const a = await teamProgress(requestAs(database.db, f.leader), f.teamA, P, '2025-12-31');
    const line = (metric: TargetMetric) => a.targets.find((t) => t.metric === metric)!;
    expect(line(PS)).toMatchObject({ targetValue: 40, achieved: 25, status: 'MISSED' });
    expect(line(NDF)).toMatchObject({ targetValue: 10, achieved: 12, completion: 1, status: 'MET' });
    expect(a.completion).toEqual({ numerator: 35, denominator: 50, value: 0.7 });
    const midQuarter = await teamProgress(requestAs(database.db, f.leader), f.teamA, P, '2025-11-15');
    expect(midQuarter.targets.find((t) => t.metric === NDF)).toMatchObject({ achieved: 0, status: 'AT_RISK' });
    expect(midQuarter.targets.find((t) => t.metric === PS)).toMatchObject({ achieved: 25, elapsedShare: 0.5, projected: 50, status: 'ON_TRACK' });

    const commune = await communeProgress(requestAs(database.db, f.chair), '90001', P, '2025-12-31');
    expect(Object.fromEntries(commune.targets.map((t) => [t.metric, t.achieved]))).toEqual({ PEOPLE_SUPPORTED: 30, NEW_DIGITAL_FAMILIES: 17 });
    expect(commune.completion).toMatchObject({ numerator: 47, denominator: 120 });
    await expect(teamProgress(requestAs(database.db, f.otherLeader), f.teamA, P, '2025-12-31')).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
  });

  it('lists the teams and communes at risk at the current pace', async () => {
    const list = await atRisk(requestAs(database.db, f.chair), { period: P, asOf: '2025-11-15', communeCode: '90001', provinceCode: '04' });
    expect(list.teams.map((t) => t.owner.name)).toEqual(['Tổ CNSCĐ xóm Bản Giốc – Ả', 'Tổ CNSCĐ xóm Cốc']);
    expect(list.teams[1]!.targets[0]).toMatchObject({ achieved: 5, projected: 10, status: 'AT_RISK' });
    expect(list.communes.map((c) => c.owner.code)).toEqual(['90001']);
    const province = await atRisk(requestAs(database.db, f.admin), { period: P, asOf: '2025-11-15', provinceCode: '04' });
    expect(province.communes.map((c) => c.owner.code)).toEqual(['90001']);
    await expect(atRisk(requestAs(database.db, f.chair), { period: P, asOf: '2025-11-15', provinceCode: '04' }))
      .rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
  });

  it('ranks teams by target completion, teams without targets unranked (public)', async () => {
    const board = await teamLeaderboard(requestAs(database.db, null), { period: P, asOf: '2025-12-31' });
    expect(board.map((r) => [r.team.name, r.rank, r.completion.numerator, r.completion.denominator])).toEqual([
      ['Tổ CNSCĐ xóm Bản Giốc – Ả', 1, 35, 50],
      ['Tổ CNSCĐ xóm Cốc', 2, 5, 30],
      ['Tổ CNSCĐ xóm Khuổi', null, 0, 0],
    ]);
    const res = await execAs<{ teamLeaderboard: { rank: number | null; team: { name: string; members: number } }[] }>(database.db, null,
      `{ teamLeaderboard(period: "${P}", communeCode: "90001", asOf: "2025-12-31") { rank completion { value } team { name members } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.teamLeaderboard[0]).toMatchObject({ rank: 1, team: { members: 3 } });
    // Member names are personal data: the public asking for them is told to sign in.
    const names = await execAs(database.db, null,
      `{ teamLeaderboard(period: "${P}", communeCode: "90001", asOf: "2025-12-31") { team { memberList { fullName } } } }`);
    expect(names.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    expect(JSON.stringify(names.data ?? null)).not.toContain('Nông Thị Mai');
  });

  it('shows member lists only inside the viewer\'s scope', async () => {
    const q = `query ($id: Int!) { team(id: $id) { name members ambassadors memberList { fullName organisation isAmbassador } } }`;
    const own = await execAs<{ team: { members: number; ambassadors: number; memberList: { fullName: string }[] } }>(database.db, f.leader, q, { id: f.teamA });
    expect(own.data!.team).toMatchObject({ members: 3, ambassadors: 1 });
    expect(own.data!.team.memberList.map((m) => m.fullName)).toEqual(['Hoàng Văn Tú', 'Nông Thị Mai', 'Lục Văn Sơn']);
    const other = await execAs(database.db, f.outsider, q, { id: f.teamA });
    expect(other.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
  });

  it('refuses a stale version through GraphQL with the Vietnamese conflict message', async () => {
    const m = `mutation ($i: TeamTargetInput!) { setTeamTarget(input: $i) { target { value version } warnings } }`;
    const stale = await execAs(database.db, f.chair, m, { i: { teamId: f.teamA, period: P, metric: 'PEOPLE_SUPPORTED', value: 41, expectedVersion: 0 } });
    expect(stale.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT' } });
    expect(stale.errors?.[0]?.message).toMatch(/Chỉ tiêu đã được người khác sửa/);
    const denied = await execAs(database.db, f.officer, m, { i: { teamId: f.teamA, period: P, metric: 'PEOPLE_SUPPORTED', value: 41, expectedVersion: 1 } });
    expect(denied.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
  });
});
