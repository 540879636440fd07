/*
 * Services check access before they look a record up: an outsider gets the same FORBIDDEN for a
 * record outside their scope and for an id (or code) that does not exist, so errors cannot be
 * used to learn which records exist. A province-wide viewer, who would see the record anyway,
 * is told NOT_FOUND.
 */
import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers, openTestDatabase, type TestDatabase } from '../support/databases';
import { seedGolden } from '../support/golden';
import { execAs, seedTeams, type TeamFixture } from '../support/teams';

const MISSING = 987_654;

describe.each(drivers)('access is checked before the record is looked up on %s', (driver) => {
  let database: TestDatabase;
  let f: TeamFixture;
  let marketId: number;

  beforeAll(async () => {
    database = await openTestDatabase(driver);
    await seedGolden(database.db);
    f = await seedTeams(database.db);
    const market = await execAs<{ saveMarket: { id: number } }>(database.db, f.admin,
      `mutation { saveMarket(input: { communeCode: "90001", name: "Chợ Trung tâm", vendors: 40, qrVendors: 10 }) { id } }`);
    expect(market.errors).toBeUndefined();
    marketId = market.data!.saveMarket.id;
  });
  afterAll(() => database?.close());

  /** The first error of an operation, as the client sees it. */
  const errorOf = async (viewer: TeamFixture['outsider'] | null, source: string) => {
    const result = await execAs(database.db, viewer, source);
    expect(result.errors, source).toBeDefined();
    return { code: result.errors![0]!.extensions.code, message: result.errors![0]!.message };
  };

  const updateTeam = (id: number) => `mutation { updateTeam(id: ${id}, input: { name: "Đổi tên", active: true }) { id } }`;
  const setTeamTarget = (id: number) =>
    `mutation { setTeamTarget(input: { teamId: ${id}, period: "2025-Q4", metric: PEOPLE_SUPPORTED, value: 5 }) { target { id } } }`;
  const saveMarket = (communeCode: string, id?: number) => `mutation { saveMarket(input: { ${id ? `id: ${id}, expectedVersion: 1, ` : ''}
    communeCode: "${communeCode}", name: "Chợ Trung tâm", vendors: 40, qrVendors: 10 }) { id } }`;

  it('editTeam: another commune\'s team and a team that does not exist answer alike', async () => {
    const existing = await errorOf(f.outsider, updateTeam(f.teamA));
    expect(existing.code).toBe('FORBIDDEN');
    expect(await errorOf(f.outsider, updateTeam(MISSING))).toEqual(existing);
    // The same for the other team reads and edits by id.
    for (const source of [(id: number) => `{ team(id: ${id}) { id } }`,
      (id: number) => `mutation { addTeamMember(teamId: ${id}, input: { fullName: "Nông Văn Dũng", role: MEMBER, organisation: YOUTH_UNION, isAmbassador: false, active: true }) { id } }`]) {
      expect(await errorOf(f.outsider, source(f.teamA))).toEqual(existing);
      expect(await errorOf(f.outsider, source(MISSING))).toEqual(existing);
    }
    expect((await errorOf(f.admin, updateTeam(MISSING))).code).toBe('NOT_FOUND');
  });

  it('setTeamTarget: another commune\'s team and a team that does not exist answer alike', async () => {
    const existing = await errorOf(f.outsider, setTeamTarget(f.teamA));
    expect(existing.code).toBe('FORBIDDEN');
    expect(await errorOf(f.outsider, setTeamTarget(MISSING))).toEqual(existing);
  });

  it('saveMarket: another commune\'s market or commune and ones that do not exist answer alike', async () => {
    const existing = await errorOf(f.outsider, saveMarket('90001'));
    expect(existing.code).toBe('FORBIDDEN');
    expect(await errorOf(f.outsider, saveMarket('99999'))).toEqual(existing);
    // An update names the market: its own commune must be the viewer's too, whichever commune is named.
    expect(await errorOf(f.outsider, saveMarket('90002', marketId))).toEqual(existing);
    expect(await errorOf(f.outsider, saveMarket('90002', MISSING))).toEqual(existing);
    expect((await errorOf(f.admin, saveMarket('99999'))).code).toBe('NOT_FOUND');
  });

  it('setHouseholdCriterion: another commune\'s household and one that does not exist answer alike', async () => {
    const set = (code: string) =>
      `mutation { setHouseholdCriterion(householdCode: "${code}", criterion: "CASHLESS_PAYMENT", metOn: "2025-10-01") { code } }`;
    const existing = await errorOf(f.outsider, set('90001-001-H0000'));
    expect(existing.code).toBe('FORBIDDEN');
    expect(await errorOf(f.outsider, set('90001-001-H9999'))).toEqual(existing);
    expect((await errorOf(f.admin, set('90001-001-H9999'))).code).toBe('NOT_FOUND');
  });

  it('listReviews: the closed quarters are for those who may compare them', async () => {
    const list = '{ quarterReviews { period } }';
    expect((await errorOf(null, list)).code).toBe('UNAUTHENTICATED');
    expect((await errorOf(f.leader, list)).code).toBe('FORBIDDEN');
    const chair = await execAs(database.db, f.chair, list);
    expect(chair.errors).toBeUndefined();
    expect(chair.data).toEqual({ quarterReviews: [] });
  });
});
