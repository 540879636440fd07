/*
 * Sign-in limits under concurrency: every argon2 verification is counted (verifyPassword wrapped),
 * so a limit that is checked before and counted after verifying shows up as extra verifications.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Database, openDatabase, queryRows } from '../../server/db/client';
import { DEMO_PASSWORD, seedAccessFixtures } from '../support/access';
import { drivers, openTestDatabase, type TestDatabase } from '../support/databases';
import { seedGolden } from '../support/golden';
import { type GraphQLResponse, startTestServer, type TestServer } from '../support/server';

const verifications = vi.hoisted(() => ({ count: 0 }));
vi.mock(import('../../server/modules/access/passwords'), async (importOriginal) => {
  const original = await importOriginal();
  return {
    ...original,
    async verifyPassword(hash: string, password: string) {
      verifications.count++;
      return original.verifyPassword(hash, password);
    },
  };
});

const SIGN_IN = 'mutation ($u: String!, $p: String!) { signIn(username: $u, password: $p) { username } }';
const LIMIT = 5;
const LIMITS = { perAccountAndIp: LIMIT, windowSeconds: 900, blockSeconds: 900, perIpPerDay: 10_000, perAccountPerDay: 10_000 };

interface Answer { status: number; retryAfter: string | null; code: string | undefined; signedIn: boolean }

async function signInFrom(server: TestServer, address: string, u: string, p: string): Promise<Answer> {
  const response = await server.post({ query: SIGN_IN, variables: { u, p } }, { 'x-forwarded-for': address });
  const body = (await response.json()) as GraphQLResponse<{ signIn: { username: string } | null }>;
  return { status: response.status, retryAfter: response.headers.get('retry-after'), code: body.errors?.[0]?.extensions?.code,
    signedIn: body.data?.signIn?.username === u };
}

const count = (answers: Answer[], code: string) => answers.filter((a) => a.code === code).length;

describe.each(drivers)('sign-in limits under concurrency on %s', (driver) => {
  let database: TestDatabase;
  let server: TestServer;

  beforeAll(async () => {
    database = await openTestDatabase(driver);
    await seedGolden(database.db);
    await seedAccessFixtures(database.db);
    server = await startTestServer(database.db, { trustProxy: true, loginLimits: LIMITS });
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  it('verifies at most the limit of 100 concurrent wrong passwords for one account from one address, refusing the rest with 429', async () => {
    verifications.count = 0;
    const answers = await Promise.all(Array.from({ length: 100 }, (_, i) =>
      signInFrom(server, '203.0.113.50', 'officer', `doan-bua-${i}-sai`)));
    expect(verifications.count).toBe(LIMIT);
    expect(count(answers, 'UNAUTHENTICATED')).toBe(LIMIT);
    const refused = answers.filter((a) => a.code === 'TOO_MANY_REQUESTS');
    expect(refused).toHaveLength(100 - LIMIT);
    expect(refused.every((a) => a.status === 429 && Number(a.retryAfter) > 0 && Number(a.retryAfter) <= 900)).toBe(true);
    // The right password afterwards is refused too, without a verification.
    expect(await signInFrom(server, '203.0.113.50', 'officer', DEMO_PASSWORD)).toMatchObject({ status: 429, signedIn: false });
    expect(verifications.count).toBe(LIMIT);
  });

  it('refuses the right password sent while 29 concurrent guesses are in flight, once the limit is verifying', async () => {
    verifications.count = 0;
    const wrong = Array.from({ length: 29 }, (_, i) => signInFrom(server, '203.0.113.51', 'team', `doan-bua-${i}-sai`));
    // The limit's worth of guesses are being verified (argon2 takes tens of milliseconds); the rest are still on their way.
    await vi.waitFor(() => expect(verifications.count).toBeGreaterThanOrEqual(LIMIT), { timeout: 20_000, interval: 1 });
    const right = await signInFrom(server, '203.0.113.51', 'team', DEMO_PASSWORD);
    const answers = await Promise.all(wrong);
    expect(right).toMatchObject({ status: 429, code: 'TOO_MANY_REQUESTS', signedIn: false });
    expect(verifications.count).toBe(LIMIT);
    expect(count(answers, 'UNAUTHENTICATED')).toBe(LIMIT);
    expect(count(answers, 'TOO_MANY_REQUESTS')).toBe(29 - LIMIT);
  });

  it('drops the counters that ended over an hour ago when someone signs in', async () => {
    await database.db.execute(sql`insert into login_limits (key, points, expire) values
      ('login_fail_ip_day:198.18.0.1', 7, now() - interval '2 hours'), ('login_fail_ip_day:198.18.0.2', 7, now() + interval '1 hour')`);
    await server.signIn('leader', DEMO_PASSWORD);
    const rows = await queryRows<{ key: string }>(database.db, sql`select key from login_limits where key like 'login_fail_ip_day:198.18.%'`);
    expect(rows.map((r) => r.key)).toEqual(['login_fail_ip_day:198.18.0.2']);
  });

  it.skipIf(driver !== 'postgres')('counts in the database: two servers on one PostgreSQL database share the limit', async () => {
    // A second client and server on the same database, as a second process (WORKERS=2) would have.
    const other: Database = await openDatabase({ url: database.url!, maxConnections: 5 });
    const second = await startTestServer(other.db, { trustProxy: true, loginLimits: LIMITS });
    try {
      const address = '203.0.113.60';
      for (let i = 0; i < 3; i++) expect((await signInFrom(server, address, 'chair', `sai-${i}-o-mot`)).code).toBe('UNAUTHENTICATED');
      for (let i = 0; i < 2; i++) expect((await signInFrom(second, address, 'chair', `sai-${i}-o-hai`)).code).toBe('UNAUTHENTICATED');
      expect(await signInFrom(second, address, 'chair', DEMO_PASSWORD)).toMatchObject({ status: 429, signedIn: false });
      expect(await signInFrom(server, address, 'chair', DEMO_PASSWORD)).toMatchObject({ status: 429, signedIn: false });

      // Concurrent guesses spread over both servers: still the limit's worth of verifications.
      verifications.count = 0;
      const answers = await Promise.all(Array.from({ length: 60 }, (_, i) =>
        signInFrom(i % 2 ? second : server, '203.0.113.61', 'committee', `doan-bua-${i}-sai`)));
      expect(verifications.count).toBe(LIMIT);
      expect(count(answers, 'TOO_MANY_REQUESTS')).toBe(60 - LIMIT);
    } finally {
      await second.close();
      await other.close();
    }
  });
});
