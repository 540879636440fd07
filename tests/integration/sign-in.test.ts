import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../server/db/client';
import { WEAK_PASSWORD } from '../../server/modules/access/passwords';
import { DEMO_PASSWORD, seedAccessFixtures } from '../support/access';
import { drivers, openTestDatabase, type TestDatabase } from '../support/databases';
import { seedGolden } from '../support/golden';
import { type GraphQLResponse, startTestServer, type TestServer } from '../support/server';

const SIGN_IN = 'mutation ($u: String!, $p: String!) { signIn(username: $u, password: $p) { username role areaCodes } }';
const ME = '{ me { username role areaCodes } }';
const LIMITS = { perAccountAndIp: 3, windowSeconds: 600, blockSeconds: 600, perIpPerDay: 1000, perAccountPerDay: 1000 };

describe.each(drivers)('sign-in and sessions on %s', (driver) => {
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

  /** Sign-in as from the given client address (the server trusts X-Forwarded-For, as behind a proxy). */
  const signInFrom = async (address: string, u: string, p: string, on: TestServer = server) => {
    const response = await on.post({ query: SIGN_IN, variables: { u, p } }, { 'x-forwarded-for': address });
    return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as GraphQLResponse<unknown> };
  };

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

  it('blocks a username from an address after repeated failures (429, Retry-After), the same for an unknown one, even with the right password', async () => {
    const attacker = '203.0.113.10';
    for (let i = 0; i < 3; i++) {
      expect((await signInFrom(attacker, 'committee', `sai-${i}-mat-khau`)).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    for (let i = 0; i < 3; i++) await signInFrom(attacker, 'ma.khong.co', `sai-${i}-mat-khau`);
    const blocked = await signInFrom(attacker, 'committee', DEMO_PASSWORD);
    expect(blocked.status).toBe(429);
    expect(blocked.retryAfter).toBe('600');
    expect(blocked.body.errors?.[0]).toMatchObject({ message: 'Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 10 phút.',
      extensions: { code: 'TOO_MANY_REQUESTS', retryAfterSeconds: 600 } });
    const unknownBlocked = await signInFrom(attacker, 'ma.khong.co', DEMO_PASSWORD);
    expect(unknownBlocked).toMatchObject({ status: 429, retryAfter: '600' });
    expect(unknownBlocked.body).toEqual(blocked.body);
    // Another account from the same address is not blocked by the username-and-address limit.
    const other = await signInFrom(attacker, 'team', DEMO_PASSWORD);
    expect(other.status).toBe(200);
    expect(other.body.errors).toBeUndefined();
  });

  it('does not let failures from one address lock the user out from another', async () => {
    const attacker = '203.0.113.20';
    for (let i = 0; i < 4; i++) await signInFrom(attacker, 'chair', `doan-mo-${i}-sai`);
    expect((await signInFrom(attacker, 'chair', DEMO_PASSWORD)).status).toBe(429);
    const owner = await signInFrom('198.51.100.20', 'chair', DEMO_PASSWORD);
    expect(owner.status).toBe(200);
    expect(owner.body).toEqual({ data: { signIn: { username: 'chair', role: 'COMMUNE_CHAIR', areaCodes: ['90001'] } } });
    expect((await server.query(SIGN_IN, { u: 'chair', p: DEMO_PASSWORD })).errors).toBeUndefined(); // from 127.0.0.1
  });

  it('blocks an address for a day after repeated failures on many accounts, not the others', async () => {
    const strict = await startTestServer(database.db, { trustProxy: true, loginLimits: { ...LIMITS, perAccountAndIp: 100, perIpPerDay: 4 } });
    try {
      const address = '203.0.113.30';
      for (let i = 0; i < 4; i++) await signInFrom(address, `ai.do.${i}`, 'sai-mat-khau-1', strict);
      const res = await signInFrom(address, 'officer', DEMO_PASSWORD, strict);
      expect(res).toMatchObject({ status: 429, retryAfter: String(24 * 3600) });
      expect(res.body.errors?.[0]?.message).toBe('Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 24 giờ.');
      expect((await signInFrom('198.51.100.30', 'officer', DEMO_PASSWORD, strict)).body.errors).toBeUndefined();
    } finally {
      await strict.close();
    }
  });

  it('past the per-username daily threshold lets through only addresses that signed in to the account before', async () => {
    const slow = await startTestServer(database.db, { trustProxy: true, loginLimits: { ...LIMITS, perAccountAndIp: 100, perAccountPerDay: 3 } });
    try {
      const home = '192.0.2.1';
      expect((await signInFrom(home, 'leader', DEMO_PASSWORD, slow)).body.errors).toBeUndefined();
      for (let i = 0; i < 3; i++) {
        expect((await signInFrom(`192.0.2.${11 + i}`, 'leader', 'doan-thu-sai-1', slow)).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      }
      expect((await signInFrom('192.0.2.20', 'leader', DEMO_PASSWORD, slow)).status).toBe(429);
      expect((await signInFrom('192.0.2.21', 'leader', 'doan-thu-sai-2', slow)).status).toBe(429);
      const known = await signInFrom(home, 'leader', DEMO_PASSWORD, slow);
      expect(known.status).toBe(200);
      expect(known.body.errors).toBeUndefined();
    } finally {
      await slow.close();
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

  it('refuses an easily guessed new password with a Vietnamese message, wherever a password is set, changing nothing', async () => {
    const admin = await server.signIn('admin', DEMO_PASSWORD);
    const weak = (res: GraphQLResponse<unknown>) => {
      expect(res.data ?? null).toBeNull();
      expect(res.errors?.[0]).toMatchObject({ message: WEAK_PASSWORD, extensions: { code: 'BAD_USER_INPUT', reason: 'WEAK_PASSWORD' } });
    };
    const CREATE = 'mutation ($i: CreateUserInput!) { createUser(input: $i) { username } }';
    const input = { username: 'hoangnam.canbo', fullName: 'Hoàng Văn Nam', role: 'COMMUNE_OFFICER', areaCodes: ['90001'] };
    const communeName = (await server.query<{ area: { name: string } }>('{ area(code: "90001") { name } }')).data!.area.name;
    const plainCommune = communeName.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/^(xa|phuong|thi tran) /i, '')
      .replace(/\s+/g, '');
    for (const password of ['matkhau12345', '1234567890', 'qwertyuiop12', 'Password@2025', 'hoangnam.canbo1', 'HoangVanNam1!',
      `${plainCommune}2025`]) {
      weak(await admin.query(CREATE, { i: { ...input, password } }));
    }
    expect((await admin.query<{ users: { username: string }[] }>('{ users { username } }')).data?.users.map((u) => u.username))
      .not.toContain('hoangnam.canbo');
    weak(await admin.query('mutation { resetPassword(username: "officer", newPassword: "officer123456") { username } }'));
    await server.signIn('officer', DEMO_PASSWORD); // unchanged
    const self = await server.signIn('team.other', DEMO_PASSWORD);
    weak(await self.query('mutation ($c: String!, $n: String!) { changeOwnPassword(currentPassword: $c, newPassword: $n) }',
      { c: DEMO_PASSWORD, n: 'abc123abc123' }));
    await server.signIn('team.other', DEMO_PASSWORD); // unchanged
    // A passphrase passes, and the demo password (which would not) still signs in: the rule is for new passwords only.
    expect((await admin.query(CREATE, { i: { ...input, password: 'ngựa vằn ăn bánh mì' } })).errors).toBeUndefined();
    await server.signIn('hoangnam.canbo', 'ngựa vằn ăn bánh mì');
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
