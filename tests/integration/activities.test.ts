/*
 * Support activities: retries count once (even concurrently), bad records are refused with a
 * Vietnamese reason and nothing written, scope is enforced, and totals match a recount.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../server/db/client';
import { activityTotalsDrift } from '../../server/modules/activities/queries';
import { type ActivityInput, logActivities } from '../../server/modules/activities/service';
import { insertCampaign } from '../../server/modules/campaigns/queries';
import { drivers, openTestDatabase, type TestDatabase } from '../support/databases';
import { requestAs } from '../support/request';
import { seedGolden } from '../support/golden';
import { execAs, seedTeams, type TeamFixture } from '../support/teams';

const TODAY = '2025-11-20';

describe.each(drivers)('support activities on %s', (driver) => {
  let database: TestDatabase;
  let f: TeamFixture;
  let campaignId: number;

  beforeAll(async () => {
    database = await openTestDatabase(driver);
    await seedGolden(database.db);
    f = await seedTeams(database.db);
    campaignId = (await insertCampaign(database.db, { kind: 'DIGITAL_TRANSFORMATION_DAY', year: 2025,
      name: 'Ngày Chuyển đổi số 10/10/2025', startsOn: '2025-10-01', endsOn: '2025-10-31' }))!;
  });
  afterAll(() => database?.close());

  const record = (over: Partial<ActivityInput> = {}): ActivityInput => ({
    clientId: randomUUID(), hamletCode: '90001-001', metric: 'PEOPLE_SUPPORTED', quantity: 5, activityOn: '2025-11-10', ...over,
  });
  const counts = async () => (await queryRows<{ n: number; q: number; audits: number }>(database.db, sql`
    select (select count(*) from support_activities)::int as n, (select coalesce(sum(quantity), 0) from support_activities)::int as q,
           (select count(*) from audit_log where action = 'activity.log')::int as audits`))[0]!;

  it('counts a record sent three times at once only once', async () => {
    const before = await counts();
    const input = record({ quantity: 7 });
    const results = await Promise.all([1, 2, 3].map(() => logActivities(requestAs(database.db, f.leader, TODAY), [input])));
    const flat = results.map((r) => r[0]!);
    expect(flat.filter((r) => !r.duplicate)).toHaveLength(1);
    expect(flat.filter((r) => r.duplicate)).toHaveLength(2);
    expect(new Set(flat.map((r) => r.record.id)).size).toBe(1);
    expect(flat[0]!.record).toMatchObject({ clientId: input.clientId, quantity: 7, hamletCode: '90001-001', teamId: f.teamA });
    const after = await counts();
    expect(after.n - before.n).toBe(1);
    expect(after.q - before.q).toBe(7);
    expect(after.audits - before.audits).toBe(1);
    expect(await activityTotalsDrift(database.db)).toEqual([]);
  });

  it('answers a later retry with the stored record, marked duplicate', async () => {
    const input = record({ quantity: 3, note: 'Cài VNeID cho 3 người' });
    const [first] = await logActivities(requestAs(database.db, f.officer, TODAY), [input]);
    const [again] = await logActivities(requestAs(database.db, f.officer, TODAY), [{ ...input, quantity: 9 }]);
    expect(first!.duplicate).toBe(false);
    expect(again).toMatchObject({ duplicate: true, record: { id: first!.record.id, quantity: 3 } });
  });

  it('refuses a client id taken by a record outside the sender\'s scope, shows nothing of it and writes nothing', async () => {
    const note = 'Gọi chị Lan 0912 345 678';
    const [theirs] = await logActivities(requestAs(database.db, f.otherLeader, TODAY), [record({ hamletCode: '90001-003', quantity: 2, note })]);
    expect(theirs!.duplicate).toBe(false);
    const before = await counts();
    // Another commune's chair, and a team leader of the same commune but other hamlets, reuse the id.
    for (const [viewer, hamletCode] of [[f.outsider, '90002-001'], [f.leader, '90001-001']] as const) {
      const attempt = logActivities(requestAs(database.db, viewer, TODAY), [record({ hamletCode }), record({ clientId: theirs!.record.clientId, hamletCode })]);
      const error = await attempt.then(() => null, (e: unknown) => e as { message: string; extensions: Record<string, unknown> });
      expect(error).toMatchObject({ message: expect.stringMatching(/^Bản ghi 2: Mã bản ghi \(clientId\) đã được dùng/),
        extensions: { code: 'CONFLICT', reason: 'CLIENT_ID_TAKEN', errors: [{ index: 1 }] } });
      const shown = JSON.stringify(error) + JSON.stringify(error!.extensions);
      expect(shown).not.toContain('0912');
      expect(shown).not.toContain('90001-003');
    }
    expect(await counts()).toEqual(before);
    expect(await activityTotalsDrift(database.db)).toEqual([]);
    // The officer of that commune may read the record anyway: a retry from them is a duplicate.
    const [again] = await logActivities(requestAs(database.db, f.officer, TODAY), [record({ clientId: theirs!.record.clientId })]);
    expect(again).toMatchObject({ duplicate: true, record: { id: theirs!.record.id, note } });
  });

  it('refuses bad records with a clear reason and writes nothing', async () => {
    const cases: [Partial<ActivityInput>, RegExp][] = [
      [{ quantity: -3 }, /số nguyên dương/],
      [{ quantity: 0 }, /số nguyên dương/],
      [{ quantity: 5000 }, /quá lớn/],
      [{ activityOn: '2025-11-21' }, /tương lai/],
      [{ activityOn: '2025-07-31' }, /trước khi phong trào bắt đầu/],
      [{ metric: 'FLYING_LESSONS' }, /không tồn tại/],
      [{ metric: 'NEW_DIGITAL_FAMILIES' }, /tính từ dữ liệu hộ/],
      [{ hamletCode: '90009-001' }, /Không tìm thấy thôn/],
      [{ hamletCode: '90001-004' }, /chưa có tổ/],
      [{ clientId: 'abc' }, /UUID/],
    ];
    const before = await counts();
    for (const [over, message] of cases) {
      await expect(logActivities(requestAs(database.db, f.leader, TODAY), [record(over)]), JSON.stringify(over))
        .rejects.toMatchObject({ message: expect.stringMatching(message), extensions: { code: 'BAD_USER_INPUT' } });
    }
    await expect(logActivities(requestAs(database.db, f.leader, TODAY), [record({ campaignId, activityOn: '2025-09-30' })]))
      .rejects.toThrow(/trước khi chiến dịch "Ngày Chuyển đổi số 10\/10\/2025" bắt đầu \(2025-10-01\)/);
    // A batch with one bad record writes none of them.
    await expect(logActivities(requestAs(database.db, f.leader, TODAY), [record(), record({ quantity: -1 })])).rejects.toThrow(/Bản ghi 2:/);
    expect(await counts()).toEqual(before);
  });

  it('keeps each logger to their own hamlets', async () => {
    const before = await counts();
    // the team leader of 001–002 logging for Xóm Cốc (003), a chair of another commune, a province admin
    await expect(logActivities(requestAs(database.db, f.leader, TODAY), [record({ hamletCode: '90001-003' })]))
      .rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    await expect(logActivities(requestAs(database.db, f.outsider, TODAY), [record()])).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    await expect(logActivities(requestAs(database.db, f.admin, TODAY), [record()])).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    await expect(logActivities(requestAs(database.db, null, TODAY), [record()])).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    expect(await counts()).toEqual(before);
    const [ok] = await logActivities(requestAs(database.db, f.otherLeader, TODAY), [record({ hamletCode: '90001-003', campaignId, activityOn: '2025-10-10' })]);
    expect(ok!.record).toMatchObject({ teamId: f.teamB, campaignId });
  });

  it('logs through GraphQL and rejects an unknown metric there too', async () => {
    const mutation = `mutation ($input: ActivityInput!) { logActivity(input: $input) { duplicate record { id clientId metric quantity activityOn } } }`;
    const input = { ...record({ metric: 'APP_INSTALLS', quantity: 4 }) };
    const first = await execAs<{ logActivity: { duplicate: boolean } }>(database.db, f.leader, mutation, { input }, TODAY);
    expect(first.errors).toBeUndefined();
    expect(first.data!.logActivity).toMatchObject({ duplicate: false, record: { metric: 'APP_INSTALLS', quantity: 4, activityOn: '2025-11-10' } });
    const second = await execAs<{ logActivity: { duplicate: boolean } }>(database.db, f.leader, mutation, { input }, TODAY);
    expect(second.data!.logActivity.duplicate).toBe(true);
    const before = await counts();
    const bad = await execAs(database.db, f.leader, mutation, { input: { ...record(), metric: 'FLYING_LESSONS' } }, TODAY);
    expect(bad.errors?.[0]?.message).toMatch(/FLYING_LESSONS/);
    const anonymous = await execAs(database.db, null, mutation, { input: record() }, TODAY);
    expect(anonymous.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    expect(await counts()).toEqual(before);
    const log = await execAs<{ teamActivities: { clientId: string }[] }>(database.db, f.leader,
      `query ($t: Int!) { teamActivities(teamId: $t, limit: 2) { clientId quantity } }`, { t: f.teamA });
    expect(log.data!.teamActivities[0]!.clientId).toBe(input.clientId);
  });

  it('lists the log by activity date, newest first, ties by recording time, and pages through a run of equal dates exactly once', async () => {
    // Logged one by one (each its own recording time), in an order unlike the dates.
    const logged: Record<string, string> = {};
    for (const [label, activityOn] of [['A', '2025-11-05'], ['B', '2025-11-12'], ['C', '2025-11-05'], ['D', '2025-10-20'], ['E', '2025-11-05'], ['F', '2025-11-18']] as const) {
      const r = record({ hamletCode: '90001-003', activityOn });
      await logActivities(requestAs(database.db, f.otherLeader, TODAY), [r]);
      logged[r.clientId] = label;
    }
    const page = async (limit: number, before: number | null) => (await execAs<{ teamActivities: { id: number; clientId: string }[] }>(database.db, f.chair,
      `query ($t: Int!, $l: Int!, $b: Int) { teamActivities(teamId: $t, limit: $l, before: $b) { id clientId } }`, { t: f.teamB, l: limit, b: before })).data!.teamActivities;
    const [{ n }] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from support_activities where team_id = ${f.teamB}`) as [{ n: number }];
    for (const limit of [2, 3]) {
      // Page size 2 ends a page between C and A, size 3 between E and C: both inside the run of 5 November.
      const seen: string[] = [];
      let before: number | null = null;
      for (let guard = 0; guard < 20; guard++) {
        const rows = await page(limit, before);
        if (rows.length === 0) break;
        seen.push(...rows.map((r) => r.clientId));
        before = rows[rows.length - 1]!.id;
      }
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.length).toBe(n);
      expect(seen.filter((id) => logged[id]).map((id) => logged[id])).toEqual(['F', 'B', 'E', 'C', 'A', 'D']);
    }
  });

  it('keeps the daily totals equal to a recount after many concurrent batches', async () => {
    const batches = Array.from({ length: 8 }, (_, b) => Array.from({ length: 25 }, (_, i) => record({
      hamletCode: i % 2 ? '90001-001' : '90001-002', activityOn: `2025-11-0${1 + ((b + i) % 9)}`, quantity: 1 + (i % 4),
      metric: ['OUTREACH_SESSIONS', 'PEOPLE_SUPPORTED', 'APP_INSTALLS', 'LESSONS_COMPLETED'][i % 4]!,
    })));
    await Promise.all([...batches, ...batches.slice(0, 3)].map((batch) => logActivities(requestAs(database.db, f.officer, TODAY), batch)));
    expect(await activityTotalsDrift(database.db)).toEqual([]);
  });
});
