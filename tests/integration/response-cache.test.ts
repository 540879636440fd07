/*
 * The response cache serves repeated public reads, and never serves a figure a committed write has
 * changed: the next read after the write shows it.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/client';
import { householdsByCodes, withAggregates } from '../../server/modules/indicators/aggregates';
import { drivers, openTestDatabase, type TestDatabase } from '../support/databases';
import { GOLDEN_COMMUNE, seedGolden } from '../support/golden';
import { startTestServer, type TestServer } from '../support/server';

const LEADERBOARD = `query Board($parent: String!) {
  leaderboard(parentCode: $parent, metric: DIGITAL_FAMILY_RATE, asOf: "2025-12-31") { area { code } numerator denominator }
}`;

describe.each(drivers)('response cache on %s', (driver) => {
  let database: TestDatabase;
  let server: TestServer;
  beforeAll(async () => {
    database = await openTestDatabase(driver);
    await seedGolden(database.db);
    server = await startTestServer(database.db);
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  async function read(headers: Record<string, string> = {}) {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query: LEADERBOARD, variables: { parent: GOLDEN_COMMUNE } }),
    });
    const body = (await response.json()) as { data: { leaderboard: { area: { code: string }; numerator: number }[] } };
    const na = body.data.leaderboard.find((row) => row.area.code === '90001-004')!;
    return { cache: response.headers.get('x-cache'), na: na.numerator };
  }

  it('serves a repeated public read from the cache, and a write is visible to the next read', async () => {
    expect(await read()).toEqual({ cache: 'MISS', na: 2 });
    expect(await read()).toEqual({ cache: 'HIT', na: 2 });

    await database.db.transaction((tx) =>
      withAggregates(tx, householdsByCodes(['90001-004-H0045']), async () => {
        await tx.execute(sql`insert into household_criteria (household_id, criterion_code, met_on)
          select h.id, c, '2025-12-01' from households h,
          unnest(array['SMARTPHONE_OFFICIAL_INFO','ONLINE_PUBLIC_SERVICE','CASHLESS_PAYMENT']) c
          where h.code = '90001-004-H0045'`);
      }));

    expect(await read()).toEqual({ cache: 'MISS', na: 3 });
    expect(await read()).toEqual({ cache: 'HIT', na: 3 });
  });

  it('does not answer a signed-in request from the cache', async () => {
    await read();
    expect((await read({ authorization: 'Bearer someone' })).cache).toBeNull();
  });
});

describe.runIf(drivers.includes('postgres'))('response cache across processes on postgres', () => {
  let database: TestDatabase;
  let other: Awaited<ReturnType<typeof openDatabase>>;
  let reader: TestServer;
  beforeAll(async () => {
    database = await openTestDatabase('postgres');
    await seedGolden(database.db);
    // A second server with its own connections to the same database: another API process.
    other = await openDatabase({ url: database.url!, maxConnections: 2 });
    reader = await startTestServer(other.db);
  });
  afterAll(async () => {
    await reader?.close();
    await other?.close();
    await database?.close();
  });

  async function read() {
    const response = await fetch(`${reader.url}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: LEADERBOARD, variables: { parent: GOLDEN_COMMUNE } }),
    });
    const body = (await response.json()) as { data: { leaderboard: { area: { code: string }; numerator: number }[] } };
    return { cache: response.headers.get('x-cache'), na: body.data.leaderboard.find((row) => row.area.code === '90001-004')!.numerator };
  }
  const writeInThisProcess = (commit: boolean) => database.db.transaction(async (tx) => {
    await withAggregates(tx, householdsByCodes(['90001-004-H0046']), async () => {
      await tx.execute(sql`insert into household_criteria (household_id, criterion_code, met_on)
        select h.id, c, '2025-12-01' from households h,
        unnest(array['SMARTPHONE_OFFICIAL_INFO','ONLINE_PUBLIC_SERVICE','CASHLESS_PAYMENT']) c
        where h.code = '90001-004-H0046'`);
    });
    if (!commit) tx.rollback();
  }).catch((error: Error) => { if (commit) throw error; });
  /** The other process hears of a commit a moment later: wait for its cache to let the read through. */
  async function readOnceHeard() {
    for (let attempt = 0; attempt < 50; attempt++) {
      const answer = await read();
      if (answer.cache === 'MISS') return answer;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return read();
  }

  it("empties another process's cache when a transaction commits here, not when it rolls back", async () => {
    expect(await read()).toEqual({ cache: 'MISS', na: 2 });
    expect(await read()).toEqual({ cache: 'HIT', na: 2 });

    await writeInThisProcess(false);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await read()).toEqual({ cache: 'HIT', na: 2 });

    await writeInThisProcess(true);
    expect(await readOnceHeard()).toEqual({ cache: 'MISS', na: 3 });
    expect(await read()).toEqual({ cache: 'HIT', na: 3 });
  });
});

