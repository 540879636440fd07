/*
 * /graphql over HTTP, as browsers and proxies see it: security headers, compression, content types,
 * the client's address behind a proxy, and the 503 while the server starts.
 */
import { gunzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../server/db/client';
import { DEMO_PASSWORD, seedAccessFixtures } from '../support/access';
import { openTestDatabase, type TestDatabase } from '../support/databases';
import { GOLDEN_COMMUNE, seedGolden } from '../support/golden';
import { send } from '../support/http';
import { startTestServer, type TestServer } from '../support/server';

const LEADERBOARD = JSON.stringify({
  query: `query ($p: String!) { leaderboard(parentCode: $p, metric: DIGITAL_FAMILY_RATE, asOf: "2025-12-31") {
    rank previousRank value numerator denominator isDigitalHamlet suppressed area { code name kind level latitude longitude } } }`,
  variables: { p: GOLDEN_COMMUNE },
});

describe('GraphQL over HTTP', () => {
  let database: TestDatabase;
  let server: TestServer;
  let proxied: TestServer;
  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    await seedGolden(database.db);
    await seedAccessFixtures(database.db);
    server = await startTestServer(database.db, { responseCache: false });
    proxied = await startTestServer(database.db, { responseCache: false, trustProxy: 1 });
  });
  afterAll(async () => {
    await server?.close();
    await proxied?.close();
    await database?.close();
  });

  it('sends the security headers with API answers', async () => {
    const response = await server.post(LEADERBOARD);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('x-powered-by')).toBeNull();
    // Answers may hold personal data: neither the browser nor a proxy keeps them.
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('compresses an answer for a client that accepts gzip, and not for one that does not', async () => {
    const plain = await send(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: LEADERBOARD });
    const zipped = await send(`${server.url}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'accept-encoding': 'gzip' }, body: LEADERBOARD,
    });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(zipped.body).toString('utf8'))).toEqual(plain.json());
    expect(plain.body.length).toBeGreaterThan(1024); // compression's threshold
  });

  it('refuses a body that is not sent as JSON, without running it', async () => {
    const response = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: LEADERBOARD });
    expect(response.status).toBe(400);
    expect(await response.text()).not.toContain('"data"');
  });

  it('refuses a body in another character set, in Vietnamese', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json; charset=latin1' }, body: LEADERBOARD,
    });
    expect(response.status).toBe(415);
    expect(await response.json()).toEqual({ errors: [{ message: 'Yêu cầu phải dùng bảng mã UTF-8.', extensions: { code: 'BAD_REQUEST' } }] });
  });

  it('answers queries sent with GET', async () => {
    const query = encodeURIComponent(`{ area(code: "${GOLDEN_COMMUNE}") { name } }`);
    const response = await fetch(`${server.url}/graphql?query=${query}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(await response.json()).toEqual({ data: { area: { name: 'Xã Thử Nghiệm' } } });
  });

  it('answers an unknown path under /api/ with a JSON 404, not the web app', async () => {
    for (const path of ['/api/reports/x', '/api', '/api/graphql']) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await response.json()).toEqual({ errors: [{ message: 'Không tìm thấy địa chỉ này trong API.', extensions: { code: 'NOT_FOUND' } }] });
    }
  });

  it('refuses a compressed body, in Vietnamese', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, body: LEADERBOARD,
    });
    expect(response.status).toBe(415);
    expect(await response.json()).toEqual({ errors: [{ message: 'Nội dung yêu cầu không được nén.', extensions: { code: 'BAD_REQUEST' } }] });
  });

  it('records the client address from X-Forwarded-For only when told to trust the proxy', async () => {
    const sessionIps = async (target: TestServer) => {
      const user = await target.signIn('officer', DEMO_PASSWORD);
      await user.post({ query: `{ households(hamletCode: "${GOLDEN_COMMUNE}-001") { code } }` }, { 'x-forwarded-for': '203.0.113.9' });
      const [entry] = await queryRows<{ ip: string }>(database.db, sql`
        select ip from audit_log where action = 'READ_HOUSEHOLDS' order by id desc limit 1`);
      return entry!.ip;
    };
    expect(await sessionIps(proxied)).toBe('203.0.113.9');
    expect(await sessionIps(server)).toMatch(/127\.0\.0\.1|::1/);
  });
});

describe('GraphQL over HTTP while the server starts', () => {
  it('answers 503 with the current step, then serves once the database is open', async () => {
    const database = await openTestDatabase('pglite');
    let step: string | null = 'Đang nạp dữ liệu mẫu';
    let open!: () => void;
    const opened = new Promise<void>((resolve) => { open = resolve; });
    const server = await startTestServer(opened.then(() => database.db) as never, { startingUp: () => step });
    try {
      const starting = await server.post({ query: '{ area(code: "04") { name } }' });
      expect(starting.status).toBe(503);
      expect(starting.headers.get('retry-after')).toBe('2');
      expect(await starting.json()).toEqual({ errors: [{ message: 'Đang nạp dữ liệu mẫu…', extensions: { code: 'STARTING_UP' } }] });
      await seedGolden(database.db);
      open();
      await opened;
      step = null;
      expect(await server.query('{ area(code: "04") { name } }')).toEqual({ data: { area: { name: 'Tỉnh Cao Bằng' } } });
    } finally {
      await server.close();
      await database.close();
    }
  });
});
