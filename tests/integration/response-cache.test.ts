/*
 * The response cache serves repeated public reads, and never serves a figure a committed write has
 * changed: the next read after the write shows it. A write drops only the answers that read what
 * it changed (its areas and their ancestors, for that kind of data); a refused, invalid or failed
 * request, and signing in or out, drop nothing.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/client';
import { recordChange } from '../../server/modules/changes/service';
import { importCsv } from '../../server/modules/imports/service';
import { DEMO_PASSWORD, OTHER_COMMUNE, seedAccessFixtures } from '../support/access';
import { drivers, openTestDatabase, type TestDatabase } from '../support/databases';
import { GOLDEN_COMMUNE, seedGolden } from '../support/golden';
import { startTestServer, type TestClient, type TestServer } from '../support/server';

const BOARD = `query Board($parent: String!) {
  leaderboard(parentCode: $parent, metric: DIGITAL_FAMILY_RATE, asOf: "2025-12-31") { area { code } numerator denominator }
}`;
const SET_CRITERION = `mutation ($h: String!, $c: String!, $on: Date) {
  setHouseholdCriterion(householdCode: $h, criterion: $c, metOn: $on) { code }
}`;
/** Meets CASHLESS_PAYMENT in 2026 only: completing it in 2025 makes Xóm Nà 3/10 (was 2/10). */
const NA_HOUSEHOLD = '90001-004-H0042';
const IMPORT_HEADER = 'code,hamlet_code,head_name,members,SMARTPHONE_OFFICIAL_INFO,ONLINE_PUBLIC_SERVICE,CASHLESS_PAYMENT';

interface Board { cache: string | null; numerators: Record<string, number> }

const PROVINCE = `{ area(code: "04") { indicator(metric: DIGITAL_FAMILY_RATE, asOf: "2025-12-31") { numerator } } }`;

/** The province's own figure, as the public reads it (its communes may be hidden as small cells or complements). */
async function provinceFigure(server: TestServer): Promise<{ cache: string | null; numerator: number }> {
  const response = await server.post({ query: PROVINCE });
  const body = (await response.json()) as { data: { area: { indicator: { numerator: number } } } };
  return { cache: response.headers.get('x-cache'), numerator: body.data.area.indicator.numerator };
}

async function board(server: TestServer, parent: string, headers: Record<string, string> = {}): Promise<Board> {
  const response = await server.post({ query: BOARD, variables: { parent } }, headers);
  const body = (await response.json()) as { data: { leaderboard: { area: { code: string }; numerator: number }[] } };
  return {
    cache: response.headers.get('x-cache'),
    numerators: Object.fromEntries(body.data.leaderboard.map((row) => [row.area.code, row.numerator])),
  };
}

describe.each(drivers)('response cache on %s', (driver) => {
  let database: TestDatabase;
  let server: TestServer;
  let officer: TestClient;
  beforeAll(async () => {
    database = await openTestDatabase(driver);
    await seedGolden(database.db);
    await seedAccessFixtures(database.db);
    server = await startTestServer(database.db);
    officer = await server.signIn('officer', DEMO_PASSWORD);
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  /** Reads each board until it is cached. */
  async function warm(...parents: string[]) {
    for (const parent of parents) {
      await board(server, parent);
      expect((await board(server, parent)).cache).toBe('HIT');
    }
  }

  it('keeps other communes cached after a write in a hamlet, and refreshes that commune and its province', async () => {
    await warm(GOLDEN_COMMUNE, OTHER_COMMUNE, '04');
    await provinceFigure(server);
    const province = await provinceFigure(server);
    expect(province.cache).toBe('HIT');
    expect((await board(server, GOLDEN_COMMUNE)).numerators['90001-004']).toBe(2);

    const set = await officer.query(SET_CRITERION, { h: NA_HOUSEHOLD, c: 'CASHLESS_PAYMENT', on: '2025-12-01' });
    expect(set.errors).toBeUndefined();

    expect((await board(server, OTHER_COMMUNE)).cache).toBe('HIT');
    const commune = await board(server, GOLDEN_COMMUNE);
    expect(commune.cache).toBe('MISS');
    expect(commune.numerators['90001-004']).toBe(3);
    const after = await board(server, '04');
    expect(after.cache).toBe('MISS');
    const provinceAfter = await provinceFigure(server);
    expect(provinceAfter.cache).toBe('MISS');
    expect(provinceAfter.numerator).toBe(province.numerator + 1);
    expect((await board(server, GOLDEN_COMMUNE)).cache).toBe('HIT');
  });

  it('drops nothing for invalid requests, sign-ins and sign-outs, refused or failed writes', async () => {
    await warm(GOLDEN_COMMUNE, OTHER_COMMUNE, '04');
    const misses = server.cache!.misses;
    for (let i = 0; i < 10; i++) {
      expect((await server.post({ query: 'mutation { nothingHere }' })).status).toBe(400);
      const user = await server.signIn('officer', DEMO_PASSWORD);
      expect((await user.query('mutation { signOut }')).errors).toBeUndefined();
      // Refused by the service (no such criterion) and by access (another commune's household).
      const unknown = await officer.query(SET_CRITERION, { h: NA_HOUSEHOLD, c: 'NO_SUCH_CRITERION', on: '2025-12-01' });
      expect(unknown.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      const forbidden = await officer.query(SET_CRITERION, { h: '90002-001-H1', c: 'CASHLESS_PAYMENT', on: '2025-12-01' });
      expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    // A write that recorded its change, then rolled back.
    await database.db.transaction(async (tx) => {
      await recordChange(tx, { kind: 'households', areaCodes: ['90001-004'] });
      await tx.execute(sql`delete from household_criteria where household_id = (select id from households where code = ${NA_HOUSEHOLD})`);
      tx.rollback();
    }).catch(() => {});

    for (const parent of [GOLDEN_COMMUNE, OTHER_COMMUNE, '04']) expect((await board(server, parent)).cache).toBe('HIT');
    expect(server.cache!.misses).toBe(misses);
  });

  it('answers a request with cookies other than the session from the cache, not a signed-in one', async () => {
    await warm(GOLDEN_COMMUNE);
    expect((await board(server, GOLDEN_COMMUNE, { cookie: 'x=1; theme=dark' })).cache).toBe('HIT');
    expect((await board(server, GOLDEN_COMMUNE, { cookie: officer.cookie! })).cache).toBeNull();
    expect((await board(server, GOLDEN_COMMUNE, { authorization: 'Bearer someone' })).cache).toBeNull();
  });
});

describe('response cache budget', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    await seedGolden(database.db);
  });
  afterAll(() => database?.close());

  /** The commune's board as of `day`: a distinct answer per day, each about 500 bytes. */
  const asOf = (server: TestServer, day: number) => server.post({
    query: `query ($p: String!, $d: Date) { leaderboard(parentCode: $p, metric: DIGITAL_FAMILY_RATE, asOf: $d) { area { code name } numerator } }`,
    variables: { p: GOLDEN_COMMUNE, d: `2025-12-${String(day).padStart(2, '0')}` },
  }).then((response) => response.headers.get('x-cache'));

  it('keeps no more bytes than its budget, dropping the least recently used answers', async () => {
    const server = await startTestServer(database.db, { responseCache: { maxBytes: 16 * 1024, maxEntryFraction: 1 / 4 } });
    try {
      for (let day = 1; day <= 28; day++) expect(await asOf(server, day)).toBe('MISS');
      const { bytes, entries } = server.cache!.size;
      expect(bytes).toBeLessThanOrEqual(16 * 1024);
      expect(entries).toBeGreaterThan(2);
      expect(entries).toBeLessThan(28);
      expect(await asOf(server, 28)).toBe('HIT');
      expect(await asOf(server, 1)).toBe('MISS');
    } finally {
      await server.close();
    }
  });

  it('never keeps an answer larger than its share of the budget', async () => {
    const server = await startTestServer(database.db, { responseCache: { maxBytes: 16 * 1024, maxEntryFraction: 1 / 64 } });
    try {
      expect(await asOf(server, 1)).toBe('MISS');
      expect(await asOf(server, 1)).toBe('MISS');
      expect(server.cache!.size.entries).toBe(0);
    } finally {
      await server.close();
    }
  });
});

describe.runIf(drivers.includes('postgres'))('response cache across processes on postgres', () => {
  let database: TestDatabase;
  let other: Awaited<ReturnType<typeof openDatabase>>;
  let writer: TestServer;
  let reader: TestServer;
  beforeAll(async () => {
    database = await openTestDatabase('postgres');
    await seedGolden(database.db);
    await seedAccessFixtures(database.db);
    writer = await startTestServer(database.db);
    // A second server with its own connections to the same database: another API process.
    other = await openDatabase({ url: database.url!, maxConnections: 2 });
    reader = await startTestServer(other.db);
  });
  afterAll(async () => {
    await reader?.close();
    await writer?.close();
    await other?.close();
    await database?.close();
  });

  /** The other process hears of a commit a moment later: wait for its cache to let the read through. */
  async function readOnceHeard(parent: string) {
    for (let attempt = 0; attempt < 50; attempt++) {
      const answer = await board(reader, parent);
      if (answer.cache === 'MISS') return answer;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return board(reader, parent);
  }

  it("drops another process's answers that a commit here touched, not the others, and nothing for a rollback", async () => {
    for (const parent of [GOLDEN_COMMUNE, OTHER_COMMUNE]) {
      expect((await board(reader, parent)).cache).toBe('MISS');
      expect((await board(reader, parent)).cache).toBe('HIT');
    }
    await database.db.transaction(async (tx) => {
      await recordChange(tx, { kind: 'households', areaCodes: ['90001-004'] });
      tx.rollback();
    }).catch(() => {});
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await board(reader, GOLDEN_COMMUNE)).cache).toBe('HIT');

    const officer = await writer.signIn('officer', DEMO_PASSWORD);
    const set = await officer.query(SET_CRITERION, { h: '90001-004-H0043', c: 'CASHLESS_PAYMENT', on: '2025-12-01' });
    expect(set.errors).toBeUndefined();
    const heard = await readOnceHeard(GOLDEN_COMMUNE);
    expect(heard).toMatchObject({ cache: 'MISS', numerators: { '90001-004': 3 } });
    expect((await board(reader, OTHER_COMMUNE)).cache).toBe('HIT');
    expect((await board(reader, GOLDEN_COMMUNE)).cache).toBe('HIT');
  });

  it("drops another process's answers after an import (the CLI is another process)", async () => {
    await board(reader, GOLDEN_COMMUNE);
    expect((await board(reader, GOLDEN_COMMUNE)).cache).toBe('HIT');
    const csv = `${IMPORT_HEADER}\n90001-004-H0044,90001-004,Nông Văn Nà,4,2025-08-01,2025-08-01,2025-08-01\n`;
    const imported = await importCsv(database.db, csv, { today: '2025-12-31' });
    expect(imported.errors).toEqual([]);
    expect(await readOnceHeard(GOLDEN_COMMUNE)).toMatchObject({ cache: 'MISS', numerators: { '90001-004': 4 } });
  });
});
