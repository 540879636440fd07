/*
 * Citizens' comments on a posted nomination cannot be silenced by a script: the cap of 500 visible
 * comments holds under concurrent posting, one address gets at most 10 per posting and a burst
 * limit across postings, and the province admin hides spam, which then no longer counts.
 */
import 'reflect-metadata';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../server/db/client';
import { COMMENT_BURST, consumeCommentAllowance } from '../../server/modules/awards/comment-limits';
import { commentOnNomination, MAX_COMMENTS_PER_ADDRESS, MAX_VISIBLE_COMMENTS } from '../../server/modules/awards/posting';
import { todayInVietnam } from '../../server/dates';
import { DEMO_PASSWORD, ROLE_USERS, seedAccessFixtures } from '../support/access';
import { drivers, openTestDatabase, type TestDatabase } from '../support/databases';
import { seedGolden } from '../support/golden';
import { type MatrixFixture, seedMatrixFixtures } from '../support/matrix';
import { startTestServer, type TestClient, type TestServer } from '../support/server';
import { Role } from '../../server/modules/access/roles';

const COMMENT = 'mutation ($id: Int!, $body: String!) { commentOnNomination(nominationId: $id, body: $body) }';

describe.each(drivers)('citizen comments on %s', (driver) => {
  let database: TestDatabase;
  let server: TestServer;
  let admin: TestClient;
  let committee: TestClient;
  let fx: MatrixFixture;
  const visible = async () => (await queryRows<{ n: number }>(database.db, sql`
    select count(*)::int as n from award_comments where nomination_id = ${fx.nominations.onPosting} and hidden_at is null`))[0]!.n;
  const fromAddress = (ip: string, body = 'Gia đình này giúp cả xóm cài VNeID.') => server.post(
    { query: COMMENT, variables: { id: fx.nominations.onPosting, body } }, { 'x-forwarded-for': ip });

  beforeAll(async () => {
    database = await openTestDatabase(driver);
    await seedGolden(database.db);
    await seedAccessFixtures(database.db);
    fx = await seedMatrixFixtures(database.db);
    server = await startTestServer(database.db, { trustProxy: true });
    admin = await server.signIn(ROLE_USERS[Role.PROVINCE_ADMIN].username, DEMO_PASSWORD);
    committee = await server.signIn(ROLE_USERS[Role.COMMITTEE_MEMBER].username, DEMO_PASSWORD);
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  it(`refuses the ${MAX_COMMENTS_PER_ADDRESS + 1}th comment of one address on a posting, not another citizen's`, async () => {
    for (let i = 0; i < MAX_COMMENTS_PER_ADDRESS; i++) {
      expect(await (await fromAddress('203.0.113.7', `Ý kiến số ${i} của cùng một người.`)).json()).toEqual({ data: { commentOnNomination: true } });
    }
    const refused = await (await fromAddress('203.0.113.7')).json();
    expect(refused.errors).toEqual([expect.objectContaining({
      message: `Mỗi người gửi tối đa ${MAX_COMMENTS_PER_ADDRESS} ý kiến về một hồ sơ.`, extensions: { code: 'CONFLICT' } })]);
    expect(await (await fromAddress('198.51.100.20')).json()).toEqual({ data: { commentOnNomination: true } });
    expect(await visible()).toBe(MAX_COMMENTS_PER_ADDRESS + 1);
  });

  it(`keeps the cap of ${MAX_VISIBLE_COMMENTS} under concurrent comments`, async () => {
    const before = await visible();
    const attempts = MAX_VISIBLE_COMMENTS - before + 40;
    const ctx = (i: number) => ({ db: database.db, viewer: null, today: todayInVietnam(), ip: `10.1.${i >> 8}.${i & 255}` });
    const results = await Promise.allSettled(Array.from({ length: attempts }, (_, i) =>
      commentOnNomination(ctx(i), fx.nominations.onPosting, `Ý kiến đồng thời số ${i}.`)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(MAX_VISIBLE_COMMENTS - before);
    const reasons = new Set(results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as Error).message] : [])));
    expect([...reasons]).toEqual(['Hồ sơ đã nhận đủ số ý kiến tối đa.']);
    expect(await visible()).toBe(MAX_VISIBLE_COMMENTS);
    // PGlite works on this thread: the HTTP keep-alive timers, overdue now, get a turn to close idle
    // sockets before the next request (else fetch may reuse one as the server closes it).
    await new Promise((resolve) => setTimeout(resolve, 200));
  }, 120_000);

  it('lets the province admin hide spam, which then no longer counts nor shows, audited', async () => {
    expect((await (await fromAddress('192.0.2.50')).json()).errors?.[0]?.message).toBe('Hồ sơ đã nhận đủ số ý kiến tối đa.');
    const spam = (await queryRows<{ id: number }>(database.db, sql`select id from award_comments
      where nomination_id = ${fx.nominations.onPosting} order by id limit 3`)).map((r) => r.id);
    const hide = (client: TestClient, id: number, reason = 'Quảng cáo, không liên quan') => client.query(
      'mutation ($id: Int!, $r: String!) { hideNominationComment(id: $id, reason: $r) }', { id, r: reason });
    // The committee member does not sit on this nomination's committee.
    expect((await hide(committee, spam[0]!)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await hide(admin, spam[0]!, 'x')).errors?.[0]).toMatchObject({
      message: 'Lý do ẩn ý kiến cần từ 5 đến 500 ký tự.', extensions: { code: 'BAD_USER_INPUT' } });
    for (const id of spam) expect(await hide(admin, id)).toEqual({ data: { hideNominationComment: true } });
    expect((await hide(admin, spam[0]!)).errors?.[0]).toMatchObject({ message: 'Ý kiến này đã được ẩn trước đó.', extensions: { code: 'CONFLICT' } });
    expect((await hide(admin, 999_999)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await visible()).toBe(MAX_VISIBLE_COMMENTS - 3);

    // A real citizen can comment again; the hidden ones are gone from the committee's reading.
    expect(await (await fromAddress('192.0.2.50', 'Tôi xác nhận gia đình này rất nhiệt tình.')).json()).toEqual({ data: { commentOnNomination: true } });
    const read = await admin.query<{ nomination: { comments: { id: number; body: string }[] } }>(
      'query ($id: Int!) { nomination(id: $id) { comments { id body } } }', { id: fx.nominations.onPosting });
    const shown = read.data!.nomination.comments;
    expect(shown).toHaveLength(MAX_VISIBLE_COMMENTS - 2);
    expect(shown.map((c) => c.id).filter((id) => spam.includes(id))).toEqual([]);
    expect(shown.at(-1)!.body).toBe('Tôi xác nhận gia đình này rất nhiệt tình.');
    const audit = await queryRows<{ entityId: string; after: { reason: string } }>(database.db, sql`
      select entity_id as "entityId", after from audit_log where action = 'award_comment.hide' order by id`);
    expect(audit.map((a) => [Number(a.entityId), a.after.reason])).toEqual(spam.map((id) => [id, 'Quảng cáo, không liên quan']));
  });

  it('limits how fast one address comments across postings', async () => {
    const key = {} as typeof database.db; // a database of its own: a fresh limiter
    for (let i = 0; i < COMMENT_BURST.points; i++) await consumeCommentAllowance(key, '203.0.113.99');
    await expect(consumeCommentAllowance(key, '203.0.113.99')).rejects.toMatchObject({
      message: 'Bạn gửi ý kiến quá nhanh. Vui lòng thử lại sau 10 phút.', extensions: { code: 'TOO_MANY_REQUESTS' } });
    await expect(consumeCommentAllowance(key, '203.0.113.100')).resolves.toBeUndefined();
  });
});
