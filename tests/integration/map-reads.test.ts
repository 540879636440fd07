/*
 * The map's read: a parent's areas with each one's indicator. The list loads its items' counts in
 * one statement before they resolve; the answer is the same however the indicator is asked for
 * (aliases with other dates, a named fragment that is not looked into, nested lists).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers, openTestDatabase, type TestDatabase } from '../support/databases';
import { GOLDEN_COMMUNE, seedGolden } from '../support/golden';
import { startTestServer, type TestServer } from '../support/server';

type MapArea = { code: string; name: string; end?: { numerator: number; denominator: number }; start?: { numerator: number } };

describe.each(drivers)('map reads on %s', (driver) => {
  let database: TestDatabase;
  let server: TestServer;
  beforeAll(async () => {
    database = await openTestDatabase(driver);
    await seedGolden(database.db);
    server = await startTestServer(database.db, { responseCache: false });
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  const mapQuery = (selection: string, fragments = '') => database.countStatements(() => server.query<{ areas: MapArea[] }>(
    `query ($p: String!, $d: Date) { areas(parentCode: $p) { ${selection} } } ${fragments}`, { p: GOLDEN_COMMUNE, d: '2025-12-31' }));

  // For the public, one more statement says which areas are hidden (small cells and their
  // complements, server/modules/access/disclosure.ts): the list's families, whatever their number.
  it("reads a parent's areas and all their indicators, at two dates, in three statements", async () => {
    const { result, statements } = await mapQuery(`code name
      end: indicator(metric: DIGITAL_FAMILY_RATE, asOf: $d) { numerator denominator }
      start: indicator(metric: DIGITAL_FAMILY_RATE, asOf: "2025-09-30") { numerator }`);
    expect(result.errors).toBeUndefined();
    expect(statements).toBe(3);
    const byName = Object.fromEntries(result.data!.areas.map((a) => [a.name, [a.start!.numerator, a.end!.numerator, a.end!.denominator]]));
    // The golden dataset's figures (tests/support/golden.ts): Ả 4/20 at the end of September, 16/20 at the end of the year.
    expect(byName['Xóm Ả']).toEqual([4, 16, 20]);
    expect(byName['Xóm Bản Giốc']).toEqual([8, 8, 10]);
    expect(result.data!.areas.map((a) => a.name)).toEqual(['Xóm Ả', 'Xóm Bản Giốc', 'Xóm Cốc', 'Xóm Đon', 'Xóm Nà', 'Xóm Pác']);
  });

  it('gives the same figures when the indicator sits in a named fragment (not preloaded, batched)', async () => {
    const direct = await mapQuery('code end: indicator(metric: DIGITAL_FAMILY_RATE, asOf: $d) { numerator denominator }');
    const viaFragment = await mapQuery('code ...Figures',
      'fragment Figures on Area { end: indicator(metric: DIGITAL_FAMILY_RATE, asOf: $d) { numerator denominator } }');
    expect(viaFragment.result).toEqual(direct.result);
    expect(viaFragment.statements).toBe(3);
  });

  it("batches the indicators of nested children into one statement", async () => {
    const { result, statements } = await database.countStatements(() => server.query<{ area: { children: MapArea[] } }>(
      `{ area(code: "04") { children { code children { code end: indicator(metric: DIGITAL_FAMILY_RATE, asOf: "2025-12-31") { numerator } } } } }`));
    expect(result.errors).toBeUndefined();
    expect(statements).toBe(5); // the province, its communes, their hamlets, every hamlet's counts, what the public may see
  });
});
