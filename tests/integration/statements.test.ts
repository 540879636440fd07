/*
 * Statements built once (server/db/statement.ts) read the same rows whether they go straight to
 * postgres.js or through drizzle (PGlite, transactions), and they are counted like any statement.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAreasByCodes, listAreas } from '../../server/modules/areas/queries';
import { childCountsAt, countsAt, thresholdsAt } from '../../server/modules/indicators/queries';
import { drivers, openTestDatabase, type TestDatabase } from '../support/databases';
import { GOLDEN_COMMUNE, seedGolden } from '../support/golden';

describe.each(drivers)('statements built once on %s', (driver) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(driver);
    await seedGolden(database.db);
  });
  afterAll(async () => database?.close());

  it('read the same rows directly and inside a transaction (through drizzle)', async () => {
    const reads = async (db: Parameters<typeof countsAt>[0]) => {
      const hamlets = await listAreas(db, { parentCode: GOLDEN_COMMUNE });
      const ids = hamlets.map((h) => h.id);
      return {
        hamlets,
        byCode: await findAreasByCodes(db, [GOLDEN_COMMUNE, '04', 'không-có']),
        counts: await countsAt(db, ids, ['2025-09-30', '2025-12-31']),
        children: await childCountsAt(db, GOLDEN_COMMUNE, ['2025-12-31']),
        thresholds: await thresholdsAt(db, ids, '2025-12-31'),
      };
    };
    const direct = await reads(database.db);
    const inTransaction = await database.db.transaction((tx) => reads(tx));
    expect(direct).toEqual(inTransaction);
    // Real answers, typed as the app expects them: numbers, date strings, names.
    expect(direct.hamlets.length).toBeGreaterThan(5);
    expect(direct.byCode.map((a) => a.code).sort()).toEqual(['04', GOLDEN_COMMUNE]);
    expect(direct.counts[0]).toMatchObject({ asOf: expect.stringMatching(/^2025-\d\d-\d\d$/), households: expect.any(Number) });
    expect(direct.thresholds.every((t) => t.thousandths === 800)).toBe(true);
    expect(direct.children.reduce((n, c) => n + c.digitalFamilies, 0)).toBeGreaterThan(0);
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
});
