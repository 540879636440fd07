/*
 * Statements built once (server/db/statement.ts). On PostgreSQL the hot public reads skip drizzle:
 * their text is built once and sent by postgres.js as a prepared statement. That path has to give
 * exactly the rows drizzle gives for the same statement (the path PGlite and transactions take),
 * on data where the answers differ by area and date, and it has to be what actually happens.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, type Executor, openDatabase, queryRows } from '../../server/db/client';
import { statement } from '../../server/db/statement';
import { findAreasByCodes, findAreasByIds, listAreas } from '../../server/modules/areas/queries';
import { childCountsAt, countsAt, thresholdsAt } from '../../server/modules/indicators/queries';
import { drivers, openTestDatabase, type TestDatabase } from '../support/databases';
import { GOLDEN_COMMUNE, seedGolden } from '../support/golden';

/** 31 July 2025 (before any criterion was met), the previous quarter's end, the year's end, after January's progress. */
const DATES = ['2025-07-31', '2025-09-30', '2025-12-31', '2026-01-31'];

/** The public reads, answered by area code (ids are the database's own), in a stable order. */
async function publicReads(db: Executor) {
  const hamlets = await listAreas(db, { parentCode: GOLDEN_COMMUNE });
  const codeOf = new Map(hamlets.map((h) => [h.id, h.code]));
  const ids = [...hamlets.map((h) => h.id), 999_999];
  const byCode = <T extends { areaId: number }>(rows: T[]) =>
    rows.map(({ areaId, ...rest }) => ({ code: codeOf.get(areaId) ?? `#${areaId}`, ...rest }))
      .sort((a, b) => `${a.code}${'asOf' in a ? a.asOf : ''}`.localeCompare(`${b.code}${'asOf' in b ? b.asOf : ''}`));
  return {
    hamlets: hamlets.map(({ id: _id, parentId: _parent, ...h }) => h),
    areas: (await findAreasByCodes(db, [GOLDEN_COMMUNE, '04', '04', 'không-có'])).map((a) => a.code).sort(),
    counts: byCode(await countsAt(db, ids, DATES)),
    children: byCode(await childCountsAt(db, GOLDEN_COMMUNE, DATES)).map(({ parentId: _parent, ...c }) => c),
    thresholds: byCode(await thresholdsAt(db, ids, '2025-12-31')),
    none: await countsAt(db, [], DATES),
  };
}

const digitalFamilies = (reads: Awaited<ReturnType<typeof publicReads>>, code: string) =>
  DATES.map((asOf) => reads.counts.find((c) => c.code === code && c.asOf === asOf)?.digitalFamilies);

describe.each(drivers)('statements built once on %s', (driver) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(driver);
    await seedGolden(database.db);
  });
  afterAll(async () => database?.close());

  it('answer the golden dataset, directly and inside a transaction (through drizzle)', async () => {
    const direct = await publicReads(database.db);
    // By hand from tests/support/golden.ts: Xóm Ả 0, 4, 16 then 16 of 20; Xóm Nà 0, 2, 2, then 5 in January.
    expect(digitalFamilies(direct, '90001-002')).toEqual([0, 4, 16, 16]);
    expect(digitalFamilies(direct, '90001-004')).toEqual([0, 2, 2, 5]);
    expect(direct.counts.find((c) => c.code === '90001-002')?.households).toBe(20);
    expect(direct.counts.filter((c) => c.code === '#999999').map((c) => c.households)).toEqual([0, 0, 0, 0]);
    expect(direct.hamlets.map((h) => h.code)).toEqual(['90001-001', '90001-002', '90001-003', '90001-004', '90001-005', '90001-006']);
    expect(direct.areas).toEqual(['04', GOLDEN_COMMUNE]);
    expect(direct.children).toHaveLength(6 * DATES.length);
    expect(direct.children.find((c) => c.code === '90001-003' && c.asOf === '2025-12-31')).toMatchObject({ name: 'Xóm Cốc', digitalFamilies: 5 });
    expect(direct.thresholds.map((t) => [t.code, t.thousandths])).toEqual(direct.hamlets.map((h) => [h.code, 800]));
    expect(direct.none).toEqual([]);

    const inTransaction = await database.db.transaction((tx) => publicReads(tx));
    expect(inTransaction).toEqual(direct);
  });

  it('fill in each call’s values: the text is built once, not the answer', async () => {
    let builds = 0;
    const nameOf = statement<{ code: string }, { name: string }>((p) => {
      builds++;
      return sql`select name from areas where code = ${p.code} and valid_to is null`;
    });
    const names = async (db: Executor) => [
      await nameOf(db, { code: '90001-001' }), await nameOf(db, { code: '90001-002' }), await nameOf(db, { code: 'không-có' })];
    const expected = [[{ name: 'Xóm Bản Giốc' }], [{ name: 'Xóm Ả' }], []];
    expect(await names(database.db)).toEqual(expected);
    // Straight to postgres.js the statement is built the first time only; through drizzle, every time.
    expect(builds).toBe(driver === 'postgres' ? 1 : 3);
    builds = 0;
    expect(await database.db.transaction((tx) => names(tx))).toEqual(expected);
    expect(builds).toBe(3);
  });

  it('fail as drizzle queries do: the database error as the cause', async () => {
    const causeOf = (read: Promise<unknown>) => read.then(() => 'no error', (error: { cause?: { code?: string } }) => error.cause?.code);
    // jsonb refuses \u0000: PostgreSQL's "unsupported Unicode escape sequence".
    expect(await causeOf(findAreasByCodes(database.db, ['a\u0000b']))).toBe('22P05');
    expect(await causeOf(database.db.transaction((tx) => findAreasByCodes(tx, ['a\u0000b'])))).toBe('22P05');
  });

  it('are counted as statements sent', async () => {
    const { statements } = await database.countStatements(() => countsAt(database.db, [1, 2], ['2025-12-31']));
    expect(statements).toBe(1);
  });

  describe.runIf(driver === 'postgres')('on the PostgreSQL server', () => {
    // A client of one connection whose ordinary (drizzle) queries are not prepared: only a
    // statement built once can leave a prepared statement behind on that connection.
    let client: Database;
    const sent: string[] = [];
    beforeAll(async () => {
      client = await openDatabase({ url: database.url!, maxConnections: 1, prepareStatements: false, onQuery: (q) => sent.push(q) });
    });
    afterAll(async () => client?.close());

    const prepared = async () => (await queryRows<{ statement: string }>(client.db,
      sql`select statement from pg_prepared_statements order by prepare_time`)).map((s) => s.statement);

    it('are sent as prepared statements, prepared once per connection and reused with other values', async () => {
      const before = await prepared(); // postgres.js's own look-up of array types, on connecting
      const areas = await findAreasByIds(client.db, [1, 2, 3]);
      expect(areas).toHaveLength(3);
      expect(await prepared()).toEqual(before); // drizzle's query left none: the check can tell
      sent.length = 0;
      const first = await countsAt(client.db, areas.map((a) => a.id), ['2025-09-30']);
      const again = await countsAt(client.db, [areas[0]!.id], ['2025-12-31', '2026-01-31']);
      expect(first).toHaveLength(3);
      expect(again).toHaveLength(2);
      expect(sent).toHaveLength(2);
      expect(sent[1]).toBe(sent[0]);
      expect((await prepared()).filter((text) => !before.includes(text))).toEqual([sent[0]]);
      // The same rows as the server's main client (prepared by the driver) gives.
      expect(again).toEqual(await countsAt(database.db, [areas[0]!.id], ['2025-12-31', '2026-01-31']));
    });
  });
});
