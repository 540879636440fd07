/*
 * Quarterly review: closing a quarter freezes indicators, targets and achievements; edits made
 * afterwards (households, activities, targets) change live figures but never the snapshot.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../server/db/client';
import { logActivities } from '../../server/modules/activities/service';
import { householdsByCodes, withAggregates } from '../../server/modules/indicators/aggregates';
import { closeQuarter, compareQuarters } from '../../server/modules/reviews/service';
import { communeProgress } from '../../server/modules/targets/progress';
import { setCommuneTarget, setTeamTarget } from '../../server/modules/targets/service';
import { TargetMetric } from '../../server/modules/activities/metrics';
import { drivers, openTestDatabase, type TestDatabase } from '../support/databases';
import { requestAs } from '../support/request';
import { seedGolden } from '../support/golden';
import { execAs, seedTeams, type TeamFixture } from '../support/teams';

const TODAY = '2026-02-10';
const { PEOPLE_SUPPORTED: PS, NEW_DIGITAL_FAMILIES: NDF } = TargetMetric;

describe.each(drivers)('quarterly review on %s', (driver) => {
  let database: TestDatabase;
  let f: TeamFixture;
  const snapshot = () => queryRows(database.db, sql`
    select (select jsonb_agg(to_jsonb(s) order by s.area_id) from quarter_area_snapshots s where period = '2025-Q4') as areas,
           (select jsonb_agg(to_jsonb(s) order by s.target_id) from quarter_target_snapshots s where period = '2025-Q4') as targets`);

  beforeAll(async () => {
    database = await openTestDatabase(driver);
    await seedGolden(database.db);
    f = await seedTeams(database.db);
    for (const period of ['2025-Q3', '2025-Q4']) {
      await setCommuneTarget(requestAs(database.db, f.admin), { communeCode: '90001', period, metric: NDF, value: 20 });
      await setCommuneTarget(requestAs(database.db, f.admin), { communeCode: '90001', period, metric: PS, value: 50 });
    }
    await setTeamTarget(requestAs(database.db, f.chair), { teamId: f.teamA, period: '2025-Q4', metric: PS, value: 30 });
    await logActivities(requestAs(database.db, f.leader, TODAY), [
      { clientId: randomUUID(), hamletCode: '90001-001', metric: PS, quantity: 20, activityOn: '2025-09-15' },
      { clientId: randomUUID(), hamletCode: '90001-002', metric: PS, quantity: 35, activityOn: '2025-11-15' },
    ]);
  });
  afterAll(() => database?.close());

  it('lets only a province admin close a quarter that has ended, once', async () => {
    await expect(closeQuarter(requestAs(database.db, f.chair, TODAY), '2025-Q4')).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    await expect(closeQuarter(requestAs(database.db, f.admin, TODAY), '2026-Q1')).rejects.toThrow(/chưa kết thúc/);
    await expect(closeQuarter(requestAs(database.db, f.admin, TODAY), '2025')).rejects.toThrow(/theo quý/);
    const res = await execAs<{ closeQuarter: { period: string; asOf: string } }>(database.db, f.admin,
      `mutation { closeQuarter(period: "2025-Q4") { period asOf } }`, undefined, TODAY);
    expect(res.errors).toBeUndefined();
    expect(res.data!.closeQuarter).toEqual({ period: '2025-Q4', asOf: '2025-12-31' });
    await expect(closeQuarter(requestAs(database.db, f.admin, TODAY), '2025-Q4')).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
    await closeQuarter(requestAs(database.db, f.admin, TODAY), '2025-Q3');
  });

  it('freezes indicators, targets and achievements at the quarter end', async () => {
    const [row] = await queryRows<{ n: number }>(database.db, sql`
      select count(*)::int as n from quarter_area_snapshots where period = '2025-Q4'`);
    expect(row!.n).toBe(10); // province, two communes, seven hamlets
    const targets = await queryRows<{ ownerName: string; metric: string; target: number; achieved: number }>(database.db, sql`
      select owner_name as "ownerName", metric, target, achieved from quarter_target_snapshots where period = '2025-Q4' order by target_id`);
    expect(targets).toEqual([
      { ownerName: 'Xã Thử Nghiệm', metric: 'NEW_DIGITAL_FAMILIES', target: 20, achieved: 17 },
      { ownerName: 'Xã Thử Nghiệm', metric: 'PEOPLE_SUPPORTED', target: 50, achieved: 35 },
      { ownerName: 'Tổ CNSCĐ xóm Bản Giốc – Ả', metric: 'PEOPLE_SUPPORTED', target: 30, achieved: 35 },
    ]);
  });

  it('stays unchanged after later edits to households, activities and targets', async () => {
    const before = await snapshot();
    // Xóm Nà's three households turn out to have met the last criterion in December, not January.
    const codes = ['90001-004-H0042', '90001-004-H0043', '90001-004-H0044'];
    await database.db.transaction((tx) => withAggregates(tx, householdsByCodes(codes), () => tx.execute(sql`
      update household_criteria set met_on = '2025-12-01' where met_on = '2026-01-15'`)));
    await logActivities(requestAs(database.db, f.leader, TODAY), [
      { clientId: randomUUID(), hamletCode: '90001-001', metric: PS, quantity: 9, activityOn: '2025-12-20' }]);
    const [t] = await queryRows<{ version: number }>(database.db, sql`select version from targets where team_id = ${f.teamA}`);
    await setTeamTarget(requestAs(database.db, f.chair), { teamId: f.teamA, period: '2025-Q4', metric: PS, value: 60, expectedVersion: t!.version });

    const live = await communeProgress(requestAs(database.db, f.chair), '90001', '2025-Q4', '2025-12-31');
    expect(Object.fromEntries(live.targets.map((l) => [l.metric, l.achieved]))).toEqual({ NEW_DIGITAL_FAMILIES: 20, PEOPLE_SUPPORTED: 44 });
    expect(await snapshot()).toEqual(before);
  });

  it('compares two closed quarters from their snapshots', async () => {
    const cmp = await compareQuarters(requestAs(database.db, f.chair), { from: '2025-Q3', to: '2025-Q4', areaCode: '90001' });
    const row = (name: string) => cmp.areas.find((a) => a.area.name === name)!;
    expect(row('Xã Thử Nghiệm').before).toMatchObject({ numerator: 23, denominator: 59 });
    expect(row('Xã Thử Nghiệm').after).toMatchObject({ numerator: 40, denominator: 59 }); // not the later 43
    expect(row('Xóm Ả').change).toBeCloseTo(0.6, 10);
    // Q3: 23 Gia đình số gained since 30/6 (capped at 20); Q4: 17
    expect(cmp.metrics).toEqual([
      { metric: 'NEW_DIGITAL_FAMILIES', targetBefore: 20, achievedBefore: 20, targetAfter: 20, achievedAfter: 17 },
      { metric: 'PEOPLE_SUPPORTED', targetBefore: 50, achievedBefore: 20, targetAfter: 50, achievedAfter: 35 },
    ]);
    await expect(compareQuarters(requestAs(database.db, f.chair), { from: '2025-Q2', to: '2025-Q4', areaCode: '90001' })).rejects.toThrow(/chưa được sơ kết/);
    await expect(compareQuarters(requestAs(database.db, f.outsider), { from: '2025-Q3', to: '2025-Q4', areaCode: '90001' }))
      .rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
  });
});
