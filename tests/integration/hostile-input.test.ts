/*
 * Hostile requests: each gets a clear error (no SQL, no stack trace) and the server keeps serving.
 */
import { request as httpRequest } from 'node:http';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../server/db/client';
import { LIMITS } from '../../server/graphql/limits';
import { NOT_WELL_FORMED } from '../../server/graphql/well-formed';
import { DEMO_PASSWORD, seedAccessFixtures } from '../support/access';
import { drivers, openTestDatabase, type TestDatabase } from '../support/databases';
import { GOLDEN_COMMUNE, seedGolden } from '../support/golden';
import { startTestServer, type TestClient, type TestServer } from '../support/server';

const INJECTIONS = ["' or 1=1 --", "90001'; drop table households; --", '$1; select pg_sleep(10)', "') union select password_hash from users --"];

describe.each(drivers)('hostile input on %s', (driver) => {
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

  // After every hostile request, the server still answers a normal query with the right data.
  afterEach(async () => {
    const res = await server.query<{ area: { name: string } }>('query ($c: String!) { area(code: $c) { name } }', { c: GOLDEN_COMMUNE });
    expect(res).toEqual({ data: { area: { name: 'Xã Thử Nghiệm' } } });
  });


  it('treats SQL-injection strings as plain values', async () => {
    const households = () => queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from households`);
    const before = await households();
    for (const evil of INJECTIONS) {
      const area = await server.query('query ($c: String!) { area(code: $c) { name } }', { c: evil });
      expect(area).toEqual({ data: { area: null } });
      const households = await officer.query('query ($h: String!) { households(hamletCode: $h) { code } }', { h: evil });
      expect(households.errors).toEqual([expect.objectContaining({
        message: `Không tìm thấy địa bàn có mã "${evil}".`, extensions: { code: 'NOT_FOUND' } })]);
      const search = await officer.query<{ households: unknown[] }>(
        'query ($s: String) { households(hamletCode: "90001-001", search: $s) { code } }', { s: evil });
      expect(search.data?.households).toEqual([]);
      const signIn = await server.query('mutation ($u: String!) { signIn(username: $u, password: $u) { username } }', { u: evil });
      expect(signIn.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    expect(await households()).toEqual(before);
    expect(before[0]!.n).toBe(62);
  });

  it('answers a NUL character, which PostgreSQL refuses in text, as bad input', async () => {
    const res = await server.query('query ($c: String!) { area(code: $c) { name } }', { c: 'a\u0000b' });
    expect(res.errors?.[0]).toMatchObject({ message: 'Dữ liệu chứa ký tự không hợp lệ (ví dụ ký tự NUL).', extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('refuses a lone UTF-16 surrogate, in a variable or a literal, as bad input', async () => {
    const lone = { message: NOT_WELL_FORMED, extensions: { code: 'BAD_USER_INPUT' } };
    const area = await server.query('query ($c: String!) { area(code: $c) { name } }', { c: '04\ud800' });
    expect(area.errors).toEqual([expect.objectContaining(lone)]);
    const search = await officer.query('query ($s: String) { households(hamletCode: "90001-001", search: $s) { code } }', { s: 'N\udfffông' });
    expect(search.errors).toEqual([expect.objectContaining(lone)]);
    const signIn = await server.query('mutation ($u: String!) { signIn(username: $u, password: "x") { username } }', { u: '\ud83d' });
    expect(signIn.errors).toEqual([expect.objectContaining(lone)]);
    const literal = await server.query('{ area(code: "04\ud800") { name } }');
    expect(literal.errors).toEqual([expect.objectContaining(lone)]);
    const escaped = await server.query('{ area(code: "04\\ud800") { name } }');
    expect(escaped.errors).toEqual([expect.objectContaining(lone)]);
    // A real pair (an emoji) is text like any other.
    expect(await server.query('query ($c: String!) { area(code: $c) { name } }', { c: '04😀' })).toEqual({ data: { area: null } });
  });

  it('refuses years out of range as bad input', async () => {
    for (const query of ['{ honourRoll(year: 2147483647) { code } }', '{ campaigns(year: 2147483647) { sessions } }',
      '{ awardCycles(year: -32769) { id } }']) {
      const res = await server.query(query);
      expect(res.errors).toEqual([expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT' } })]);
      expect(res.errors![0]!.message).toMatch(/^Năm -?\d+ không hợp lệ: chọn năm từ 2000 đến 2100\.$/);
    }
    expect(await server.query('{ honourRoll(year: 2026) { code } }')).toEqual({ data: { honourRoll: [] } });
  });

  it('refuses an anonymous photo upload before reading its body', async () => {
    // Headers announce 2 MB, a few bytes are sent, the rest never: the answer must not wait for them.
    const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = httpRequest(`${server.url}/api/awards/nominations/1/photos`, {
        method: 'POST', headers: { 'content-type': 'image/jpeg', 'content-length': String(2 * 1024 * 1024) } }, (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => { text += chunk.toString(); });
        response.on('end', () => resolve({ status: response.statusCode!, body: text }));
      });
      request.on('error', reject);
      request.setTimeout(5_000, () => reject(new Error('no answer before the body was sent')));
      request.write(Buffer.alloc(1024));
    });
    expect(status).toBe(401);
    expect(JSON.parse(body)).toEqual({ error: { code: 'UNAUTHENTICATED', message: 'Vui lòng đăng nhập.' } });
  });

  it('refuses a 1 MB body with a clear error', async () => {
    const huge = 'x'.repeat(1024 * 1024);
    const response = await server.post({ query: 'query ($c: String!) { area(code: $c) { name } }', variables: { c: huge } });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ errors: [{ message: 'Yêu cầu quá lớn (tối đa 100 KB).', extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
  });

  it('answers a long string under the body limit without trouble', async () => {
    const res = await officer.query<{ households: unknown[] }>(
      'query ($s: String) { households(hamletCode: "90001-001", search: $s) { code } }', { s: 'Nông'.repeat(20_000) });
    expect(res.data?.households).toEqual([]);
  });

  it('refuses a body that is not JSON', async () => {
    const response = await server.post('{"query": "{ area(code: \\"04\\") { name } }"', {});
    expect(response.status).toBe(400);
    expect((await response.json()).errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('refuses a deeply nested query before running it', async () => {
    const depth = LIMITS.maxDepth + 2;
    const query = `{ area(code: "04") { ${'children { '.repeat(depth)} code ${'} '.repeat(depth)} } }`;
    const res = await server.query(query);
    expect(res.errors?.[0]?.message).toMatch(/Truy vấn quá sâu \(tối đa 10 cấp\)/);
    expect(res.data).toBeUndefined();
  });

  it('refuses a heavily aliased query', async () => {
    const fields = Array.from({ length: 100 }, (_, i) => `a${i}: area(code: "04") { name }`).join(' ');
    const res = await server.query(`{ ${fields} }`);
    expect(res.errors?.[0]?.message).toMatch(/quá nhiều bí danh/);
  });

  it('refuses a query whose estimated cost is too high', async () => {
    // Within the depth and alias limits, but 15 × six levels of children of everything: cost ≈ 6,000.
    const leaf = `code name kind latitude longitude indicator(metric: DIGITAL_FAMILY_RATE) { value numerator denominator suppressed }
      digitalHamlets { count total threshold }`;
    const nested = `${'children { '.repeat(6)} ${leaf} ${'} '.repeat(6)}`;
    const fields = Array.from({ length: LIMITS.maxAliases }, (_, i) => `a${i}: area(code: "04") { ${nested} }`).join(' ');
    const res = await server.query(`{ ${fields} }`);
    expect(res.errors?.[0]?.message).toMatch(/^Truy vấn quá tốn kém/);
  });

  it('refuses a query with too many tokens', async () => {
    const res = await server.query(`{ area(code: "04") { ${'name '.repeat(LIMITS.maxTokens)} } }`);
    expect(res.errors?.[0]?.message).toMatch(/Truy vấn quá dài/);
  });

  it('refuses batched requests', async () => {
    const response = await server.post([{ query: '{ area(code: "04") { name } }' }, { query: '{ area(code: "04") { code } }' }]);
    expect(response.status).toBe(400);
    expect(await response.text()).not.toContain('Tỉnh Cao Bằng');
  });

  it('answers wrong types with a validation error', async () => {
    const literal = await server.query('{ leaderboard(parentCode: 90001, metric: DIGITAL_FAMILY_RATE) { rank } }');
    expect(literal.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const variable = await server.query('query ($m: Metric!) { leaderboard(parentCode: "90001", metric: $m) { rank } }', { m: 42 });
    expect(variable.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const date = await server.query('{ leaderboard(parentCode: "90001", metric: DIGITAL_FAMILY_RATE, asOf: "hôm qua") { rank } }');
    expect(date.errors?.[0]?.message).toMatch(/Ngày không hợp lệ/);
    const unknownField = await server.query('{ area(code: "04") { nationalId } }');
    expect(unknownField.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('does not suggest field names to explore the schema', async () => {
    const res = await server.query('{ area(code: "04") { nam } }');
    expect(res.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });

  it('refuses a form post without a preflight (CSRF prevention)', async () => {
    const response = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ me { username } }')}`, {
      headers: { cookie: officer.cookie! },
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/CSRF|preflight/i);
  });

  it('sends security headers with a CSP fit for the SPA and Leaflet', async () => {
    const response = await fetch(`${server.url}/healthz`);
    const csp = response.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("img-src 'self' data: blob:");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-powered-by')).toBeNull();
  });
});

describe('in production', () => {
  let database: TestDatabase;
  let server: TestServer;

  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    await seedGolden(database.db);
    server = await startTestServer(database.db, { production: true });
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  it('turns introspection off', async () => {
    const res = await server.query('{ __schema { queryType { fields { name } } } }');
    expect(res.errors?.[0]?.message).toMatch(/introspection/i);
    expect(res.data).toBeUndefined();
  });

  it('masks internal errors: no SQL, no stack', async () => {
    await database.db.execute(sql`drop table area_totals cascade`);
    const res = await server.query<unknown>('{ area(code: "90001") { indicator(metric: DIGITAL_FAMILY_RATE) { value } } }');
    expect(res.errors?.[0]).toMatchObject({ message: 'Đã xảy ra lỗi trên máy chủ. Vui lòng thử lại sau.', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(JSON.stringify(res)).not.toMatch(/area_totals|stacktrace|relation/);
  });

  it('sends HSTS', async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.headers.get('strict-transport-security')).toMatch(/max-age=31536000/);
  });
});
