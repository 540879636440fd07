import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../server/db/client';
import { DEMO_PASSWORD, seedAccessFixtures } from '../support/access';
import { drivers, openTestDatabase, type TestDatabase } from '../support/databases';
import { seedGolden } from '../support/golden';
import { startTestServer, type TestServer } from '../support/server';

const SIGN_IN = 'mutation ($u: String!, $p: String!) { signIn(username: $u, password: $p) { username role areaCodes } }';
const ME = '{ me { username role areaCodes } }';

describe.each(drivers)('sign-in and sessions on %s', (driver) => {
  let database: TestDatabase;
  let server: TestServer;

  beforeAll(async () => {
    database = await openTestDatabase(driver);
    await seedGolden(database.db);
    await seedAccessFixtures(database.db);
    server = await startTestServer(database.db, { loginLimits: { perAccount: 3, perIp: 1000, windowSeconds: 600, blockSeconds: 600 } });
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  const passwordHashes = () => queryRows<{ username: string; hash: string }>(database.db,
    sql`select username, password_hash as hash from users`);

  it('stores argon2id hashes, salted, that do not contain the password', async () => {
    const rows = await passwordHashes();
    expect(rows.length).toBeGreaterThan(5);
    for (const { hash } of rows) {
      expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      expect(hash).not.toContain(DEMO_PASSWORD);
      expect(hash).not.toContain(Buffer.from(DEMO_PASSWORD).toString('base64').replace(/=+$/, ''));
    }
    expect(new Set(rows.map((r) => r.hash)).size).toBe(rows.length); // same password, different salts
  });

  it('signs in with an HttpOnly SameSite=Lax cookie, stores only a hash of the token, and signs out', async () => {
    const response = await server.post({ query: SIGN_IN, variables: { u: 'officer', p: DEMO_PASSWORD } });
    const setCookie = response.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^tds_session=[A-Za-z0-9_-]{40,}; /);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).not.toMatch(/Secure/); // Secure only in production (HTTPS)
    const token = setCookie.split(';')[0]!.split('=')[1]!;
    const stored = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from sessions where token_hash = ${token}`);
    expect(stored[0]!.n).toBe(0);

    const client = server.client(`tds_session=${token}`);
    expect((await client.query(ME)).data).toEqual({ me: { username: 'officer', role: 'COMMUNE_OFFICER', areaCodes: ['90001'] } });
    const out = await client.post({ query: 'mutation { signOut }' });
    expect(out.headers.get('set-cookie')).toMatch(/tds_session=;.*Expires=Thu, 01 Jan 1970/);
    expect((await client.query(ME)).data).toEqual({ me: null });
  });

  it('sets a Secure cookie in production', async () => {
    const production = await startTestServer(database.db, { production: true });
    try {
      const response = await production.post({ query: SIGN_IN, variables: { u: 'leader', p: DEMO_PASSWORD } });
      expect(response.headers.get('set-cookie')).toMatch(/; Secure/);
    } finally {
      await production.close();
    }
  });

  it('answers a wrong password and an unknown user the same way', async () => {
    const wrong = await server.query(SIGN_IN, { u: 'chair', p: 'sai-mat-khau-123' });
    const unknown = await server.query(SIGN_IN, { u: 'khong.ton.tai', p: 'sai-mat-khau-123' });
    expect(wrong).toEqual(unknown);
    expect(wrong.errors?.[0]).toMatchObject({ message: 'Tên đăng nhập hoặc mật khẩu không đúng.', extensions: { code: 'UNAUTHENTICATED' } });
    // Both logged as failed sign-ins, neither with a user.
    const failed = await queryRows<{ username: string; user_id: number | null }>(database.db, sql`
      select after->>'username' as username, user_id from audit_log where action = 'SIGN_IN_FAILED' order by id`);
    expect(failed.map((f) => f.username)).toEqual(expect.arrayContaining(['chair', 'khong.ton.tai']));
    expect(failed.every((f) => f.user_id === null)).toBe(true);
  });

  it('blocks an account after repeated failures, the same for an unknown one, even with the right password', async () => {
    for (let i = 0; i < 3; i++) await server.query(SIGN_IN, { u: 'committee', p: `sai-${i}-mat-khau` });
    for (let i = 0; i < 3; i++) await server.query(SIGN_IN, { u: 'ma.khong.co', p: `sai-${i}-mat-khau` });
    const blocked = await server.query(SIGN_IN, { u: 'committee', p: DEMO_PASSWORD });
    expect(blocked.errors?.[0]?.extensions?.code).toBe('TOO_MANY_REQUESTS');
    expect(blocked.errors?.[0]?.message).toMatch(/thử lại sau \d+ phút/);
    const unknownBlocked = await server.query(SIGN_IN, { u: 'ma.khong.co', p: DEMO_PASSWORD });
    expect(unknownBlocked.errors?.[0]?.extensions?.code).toBe('TOO_MANY_REQUESTS');
    // Another account from the same address is not blocked by the per-account limit.
    expect((await server.query(SIGN_IN, { u: 'team', p: DEMO_PASSWORD })).errors).toBeUndefined();
  });

  it('blocks an address after repeated failures on many accounts', async () => {
    const strict = await startTestServer(database.db, { loginLimits: { perAccount: 100, perIp: 4, windowSeconds: 600, blockSeconds: 600 } });
    try {
      for (let i = 0; i < 4; i++) await strict.query(SIGN_IN, { u: `ai.do.${i}`, p: 'sai-mat-khau-1' });
      const res = await strict.query(SIGN_IN, { u: 'officer', p: DEMO_PASSWORD });
      expect(res.errors?.[0]?.extensions?.code).toBe('TOO_MANY_REQUESTS');
    } finally {
      await strict.close();
    }
  });

  it('ends the sessions of a deactivated user and of a user whose password was reset', async () => {
    const admin = await server.signIn('admin', DEMO_PASSWORD);
    const victim = await server.signIn('victim', DEMO_PASSWORD);
    expect((await victim.query<{ me: unknown }>(ME)).data?.me).not.toBeNull();
    await admin.query('mutation { resetPassword(username: "victim", newPassword: "mat-khau-moi-123") { username } }');
    expect((await victim.query(ME)).data).toEqual({ me: null });
    expect((await server.query(SIGN_IN, { u: 'victim', p: DEMO_PASSWORD })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const again = await server.signIn('victim', 'mat-khau-moi-123');
    await admin.query('mutation { setUserActive(username: "victim", active: false) { active } }');
    expect((await again.query(ME)).data).toEqual({ me: null });
    const inactive = await server.query(SIGN_IN, { u: 'victim', p: 'mat-khau-moi-123' });
    expect(inactive.errors?.[0]?.message).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
  });

  it('changes one\'s own password only with the current one, keeping this session and ending the others', async () => {
    const here = await server.signIn('signer', DEMO_PASSWORD);
    const elsewhere = await server.signIn('signer', DEMO_PASSWORD);
    const CHANGE = 'mutation ($c: String!, $n: String!) { changeOwnPassword(currentPassword: $c, newPassword: $n) }';
    const wrong = await here.query(CHANGE, { c: 'khong-phai-mat-khau', n: 'mat-khau-rat-moi-1' });
    expect(wrong.errors?.[0]?.message).toBe('Mật khẩu hiện tại không đúng.');
    const short = await here.query(CHANGE, { c: DEMO_PASSWORD, n: 'ngan' });
    expect(short.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await here.query(CHANGE, { c: DEMO_PASSWORD, n: 'mat-khau-rat-moi-1' })).data).toEqual({ changeOwnPassword: true });
    expect((await here.query<{ me: { username: string } }>(ME)).data?.me.username).toBe('signer');
    expect((await elsewhere.query(ME)).data).toEqual({ me: null });
    await server.signIn('signer', 'mat-khau-rat-moi-1');
  });

  it('ignores an expired session', async () => {
    const client = await server.signIn('chair', DEMO_PASSWORD);
    await database.db.execute(sql`update sessions set expires_at = now() - interval '1 minute'
      where user_id = (select id from users where username = 'chair')`);
    expect((await client.query(ME)).data).toEqual({ me: null });
  });

  it('lets the province admin create users with a scope that fits the role', async () => {
    const admin = await server.signIn('admin', DEMO_PASSWORD);
    const CREATE = 'mutation ($i: CreateUserInput!) { createUser(input: $i) { username role areaCodes active } }';
    const input = { username: 'to.truong.moi', fullName: 'Tổ Trưởng Mới', role: 'TEAM_LEADER', password: 'mat-khau-ban-dau', areaCodes: ['90001-003', '90001-004'] };
    expect((await admin.query(CREATE, { i: input })).data).toEqual({
      createUser: { username: 'to.truong.moi', role: 'TEAM_LEADER', areaCodes: ['90001-003', '90001-004'], active: true } });
    expect((await admin.query(CREATE, { i: input })).errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const badScope = await admin.query(CREATE, { i: { ...input, username: 'sai.pham.vi', areaCodes: ['90001'] } });
    expect(badScope.errors?.[0]?.message).toMatch(/cần một hoặc nhiều địa bàn cấp hamlet/);
    const badName = await admin.query(CREATE, { i: { ...input, username: 'Tên Có Dấu' } });
    expect(badName.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const created = await server.signIn('to.truong.moi', 'mat-khau-ban-dau');
    expect((await created.query<{ me: { role: string } }>(ME)).data?.me.role).toBe('TEAM_LEADER');
  });
});
