/* Youth volunteer campaign reports with totals per campaign, and the Chợ số registry, through GraphQL. */
import 'reflect-metadata';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../server/db/client';
import { drivers, openTestDatabase, type TestDatabase } from '../support/databases';
import { seedGolden } from '../support/golden';
import { execAs, seedTeams, type TeamFixture } from '../support/teams';

describe.each(drivers)('campaigns and markets on %s', (driver) => {
  let database: TestDatabase;
  let f: TeamFixture;
  beforeAll(async () => {
    database = await openTestDatabase(driver);
    await seedGolden(database.db);
    f = await seedTeams(database.db);
  });
  afterAll(() => database?.close());

  it('collects one report per commune and campaign and totals them', async () => {
    const created = await execAs<{ createCampaign: { id: number } }>(database.db, f.admin, `mutation {
      createCampaign(input: { kind: SUMMER, year: 2025, name: "Mùa hè xanh 2025", startsOn: "2025-06-15", endsOn: "2025-08-31" }) { id } }`);
    expect(created.errors).toBeUndefined();
    const id = created.data!.createCampaign.id;
    const submit = `mutation ($i: CampaignReportInput!) { submitCampaignReport(input: $i) { id peopleSupported commune { code } } }`;
    const report = (communeCode: string, peopleSupported: number) => ({ campaignId: id, communeCode, volunteers: 12, peopleSupported,
      sessions: 4, content: 'Hướng dẫn cài VNeID, dịch vụ công trực tuyến', lessonsLearnt: 'Đi theo nhóm 2 người, buổi tối' });
    expect((await execAs(database.db, f.officer, submit, { i: report('90001', 150) })).errors).toBeUndefined();
    expect((await execAs(database.db, f.officer, submit, { i: report('90001', 180) })).errors).toBeUndefined(); // replaces
    expect((await execAs(database.db, f.outsider, submit, { i: report('90002', 40) })).errors).toBeUndefined();
    const outOfScope = await execAs(database.db, f.officer, submit, { i: report('90002', 1) });
    expect(outOfScope.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    const negative = await execAs(database.db, f.officer, submit, { i: report('90001', -5) });
    expect(negative.errors?.[0]?.message).toMatch(/số nguyên từ 0/);

    const list = await execAs<{ campaigns: { communesReported: number; peopleSupported: number; volunteers: number }[] }>(
      database.db, null, `{ campaigns(year: 2025) { communesReported peopleSupported volunteers campaign { name kind } } }`);
    expect(list.data!.campaigns).toEqual([{ communesReported: 2, peopleSupported: 220, volunteers: 24,
      campaign: { name: 'Mùa hè xanh 2025', kind: 'SUMMER' } }]);
    // Without a year: every campaign (an omitted argument arrives as undefined, which once broke the SQL).
    const all = await execAs<{ campaigns: { campaign: { name: string } }[] }>(database.db, null, `{ campaigns { campaign { name } } }`);
    expect(all.errors).toBeUndefined();
    expect(all.data!.campaigns.map((c) => c.campaign.name)).toEqual(['Mùa hè xanh 2025']);
    const dup = await execAs(database.db, f.admin, `mutation {
      createCampaign(input: { kind: SUMMER, year: 2025, name: "Trùng", startsOn: "2025-06-01", endsOn: "2025-06-30" }) { id } }`);
    expect(dup.errors?.[0]?.extensions.code).toBe('CONFLICT');
  });

  it('registers markets with a consistent vendor count', async () => {
    const save = `mutation ($i: MarketInput!) { saveMarket(input: $i) { id name vendors qrVendors metStandard standardMetOn version } }`;
    const first = await execAs<{ saveMarket: { id: number; version: number } }>(database.db, f.officer, save,
      { i: { communeCode: '90001', name: 'Chợ Thử Nghiệm', vendors: 80, qrVendors: 35 } }, '2025-12-01');
    expect(first.data!.saveMarket).toMatchObject({ metStandard: false, standardMetOn: null, version: 1 });
    const updated = await execAs<{ saveMarket: object }>(database.db, f.chair, save,
      { i: { id: first.data!.saveMarket.id, communeCode: '90001', name: 'Chợ Thử Nghiệm', vendors: 80, qrVendors: 72, standardMetOn: '2025-11-28', expectedVersion: 1 } }, '2025-12-01');
    expect(updated.data!.saveMarket).toMatchObject({ qrVendors: 72, metStandard: true, standardMetOn: '2025-11-28', version: 2 });
    const bad = await execAs(database.db, f.officer, save, { i: { communeCode: '90001', name: 'Chợ Sai', vendors: 10, qrVendors: 11 } }, '2025-12-01');
    expect(bad.errors?.[0]?.message).toMatch(/không thể lớn hơn tổng số tiểu thương/);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'qrVendors' });
    const list = await execAs<{ markets: { name: string }[] }>(database.db, null, `{ markets(areaCode: "04") { name commune { name } } }`);
    expect(list.data!.markets).toEqual([{ name: 'Chợ Thử Nghiệm', commune: { name: 'Xã Thử Nghiệm' } }]);
    const [audits] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from audit_log where entity = 'digital_market'`);
    expect(audits!.n).toBe(2);
  });

  it('an edit from a stale copy is refused with the current figures and changes nothing; outsiders cannot save', async () => {
    const save = `mutation ($i: MarketInput!) { saveMarket(input: $i) { id name vendors qrVendors standardMetOn version } }`;
    const created = await execAs<{ saveMarket: { id: number; version: number } }>(database.db, f.admin, save,
      { i: { communeCode: '90001', name: 'Chợ phiên Nà Lữ', vendors: 50, qrVendors: 20 } }, '2025-12-01');
    expect(created.errors).toBeUndefined();
    const { id } = created.data!.saveMarket;
    const edit = (viewer: typeof f.chair | null, changes: Record<string, unknown>) => execAs<{ saveMarket: { version: number } }>(database.db, viewer, save,
      { i: { id, communeCode: '90001', name: 'Chợ phiên Nà Lữ', vendors: 50, qrVendors: 20, ...changes } }, '2025-12-01');
    // The chair and the officer both opened the form at version 1; the chair saves first.
    const chairs = await edit(f.chair, { qrVendors: 30, expectedVersion: 1 });
    expect(chairs.data!.saveMarket.version).toBe(2);
    const stale = await edit(f.officer, { vendors: 60, qrVendors: 25, expectedVersion: 1 });
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2, current: { vendors: 50, qrVendors: 30 } });
    expect(stale.errors?.[0]?.message).toMatch(/vừa được người khác sửa .*chưa được lưu/);
    // An edit must say which version it read.
    expect((await edit(f.officer, { qrVendors: 31 })).errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    // The public and another commune's chair are refused, before anything is read or written.
    expect((await edit(null, { qrVendors: 49, expectedVersion: 2 })).errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    expect((await edit(f.outsider, { qrVendors: 49, expectedVersion: 2 })).errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    const foreign = await execAs(database.db, f.outsider, save, { i: { communeCode: '90001', name: 'Chợ lạ', vendors: 5, qrVendors: 1 } }, '2025-12-01');
    expect(foreign.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    const [row] = await queryRows<{ vendors: number; qrVendors: number; version: number; markets: number }>(database.db, sql`
      select vendors, qr_vendors as "qrVendors", version, (select count(*)::int from digital_markets) as markets from digital_markets where id = ${id}`);
    expect(row).toEqual({ vendors: 50, qrVendors: 30, version: 2, markets: 2 });
    // Reloaded, the officer's edit goes through.
    expect((await edit(f.officer, { vendors: 60, qrVendors: 25, expectedVersion: 2 })).data!.saveMarket.version).toBe(3);
  });
});
