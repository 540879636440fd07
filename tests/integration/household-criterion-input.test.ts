/*
 * setHouseholdCriterion without a date: `metOn: null` removes the criterion (a correction, as the
 * API's description says); leaving metOn out is a mistake of the caller (a register that forgot
 * the date), answered in Vietnamese with BAD_USER_INPUT, and nothing changes.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../server/db/client';
import { Role } from '../../server/modules/access/roles';
import { DEMO_PASSWORD, seedDemoUsers } from '../../seeds/users';
import { drivers, openTestDatabase, type TestDatabase } from '../support/databases';
import { GOLDEN_COMMUNE, seedGolden } from '../support/golden';
import { startTestServer, type TestClient, type TestServer } from '../support/server';

const WITHOUT_DATE = `mutation ($h: String!, $c: String!) {
  setHouseholdCriterion(householdCode: $h, criterion: $c) { code criteria { code metOn } } }`;
const WITH_DATE = `mutation ($h: String!, $c: String!, $d: Date) {
  setHouseholdCriterion(householdCode: $h, criterion: $c, metOn: $d) { code isDigitalFamily criteria { code metOn } } }`;

describe.each(drivers)('setHouseholdCriterion without a date on %s', (driver) => {
  let database: TestDatabase;
  let server: TestServer;
  let officer: TestClient;
  /** The household's criteria rows and its hamlet's Gia đình số count today. */
  const state = (code: string) => queryRows(database.db, sql`
    select (select json_agg(json_build_object('c', hc.criterion_code, 'd', hc.met_on::text) order by hc.criterion_code)
              from household_criteria hc where hc.household_id = h.id) as criteria,
           (select digital_families from area_daily_totals d where d.area_id = h.hamlet_id
              order by d.day desc limit 1) as digital
    from households h where h.code = ${code}`);

  beforeAll(async () => {
    database = await openTestDatabase(driver);
    await seedGolden(database.db);
    server = await startTestServer(database.db, { responseCache: false });
    await seedDemoUsers(database.db, [{ username: 'thunghiem.canbo', fullName: 'Lục Thị Cán', role: Role.COMMUNE_OFFICER, areaCodes: [GOLDEN_COMMUNE] }]);
    officer = await server.signIn('thunghiem.canbo', DEMO_PASSWORD);
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  // 90001-004-H0045 (Xóm Nà) never met any criterion; 90001-001-H0000 (Xóm Bản Giốc) met all three.
  it.each([
    ['a criterion the household never met', '90001-004-H0045'],
    ['a criterion the household has met', '90001-001-H0000'],
  ])('on %s: BAD_USER_INPUT in Vietnamese, nothing changed', async (_, household) => {
    const before = await state(household);
    const res = await officer.query(WITHOUT_DATE, { h: household, c: 'CASHLESS_PAYMENT' });
    expect(res.data).toBeNull();
    expect(res.errors).toEqual([expect.objectContaining({
      message: expect.stringContaining('Cần nhập ngày đạt tiêu chí'),
      extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
    })]);
    expect(await state(household)).toEqual(before);
  });

  it('still removes the criterion with metOn: null, and records it with a date', async () => {
    const household = '90001-001-H0001';
    const removed = await officer.query<{ setHouseholdCriterion: { isDigitalFamily: boolean; criteria: { code: string; metOn: string | null }[] } }>(
      WITH_DATE, { h: household, c: 'CASHLESS_PAYMENT', d: null });
    expect(removed.errors).toBeUndefined();
    expect(removed.data!.setHouseholdCriterion).toMatchObject({ isDigitalFamily: false });
    expect(removed.data!.setHouseholdCriterion.criteria).toContainEqual({ code: 'CASHLESS_PAYMENT', metOn: null });
    const met = await officer.query<{ setHouseholdCriterion: { isDigitalFamily: boolean } }>(
      WITH_DATE, { h: household, c: 'CASHLESS_PAYMENT', d: '2025-09-10' });
    expect(met.errors).toBeUndefined();
    expect(met.data!.setHouseholdCriterion).toMatchObject({ isDigitalFamily: true });
  });
});
