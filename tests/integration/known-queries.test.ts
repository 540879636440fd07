/*
 * A repeated anonymous query is answered from its compiled form without Apollo's pipeline
 * (server/graphql/known-queries.ts). It must answer exactly as Apollo does, against the data of
 * the moment, and leave every error to Apollo.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers, openTestDatabase, type TestDatabase } from '../support/databases';
import { GOLDEN_COMMUNE, seedGolden } from '../support/golden';
import { send } from '../support/http';
import { startTestServer, type TestServer } from '../support/server';

const BOARD = `query Board($p: String!) { leaderboard(parentCode: $p, metric: DIGITAL_FAMILY_RATE, asOf: "2025-12-31") {
  rank value numerator denominator area { code name } } }`;
const SERIES = `query Series($code: String!, $from: Date!, $to: Date!) {
  area(code: $code) { name series(metric: DIGITAL_FAMILY_RATE, from: $from, to: $to) { date value numerator denominator } } }`;

/** Status, the headers a client reads, and the body's bytes. */
async function ask(server: TestServer, body: unknown) {
  const response = await send(`${server.url}/graphql`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
  });
  const { date: _date, ...headers } = response.headers;
  return { status: response.status, headers, body: response.body.toString('utf8') };
}

describe.each(drivers)('repeated anonymous queries (%s)', (driver) => {
  let database: TestDatabase;
  let server: TestServer;
  /** Every request through Apollo on graphql-js: the reference. */
  let reference: TestServer;
  beforeAll(async () => {
    database = await openTestDatabase(driver);
    await seedGolden(database.db);
    server = await startTestServer(database.db, { responseCache: false });
    reference = await startTestServer(database.db, { responseCache: false, compiledQueries: false });
  });
  afterAll(async () => {
    await server?.close();
    await reference?.close();
    await database?.close();
  });

  it('answers a repeat byte for byte and header for header as Apollo does', async () => {
    for (const body of [
      { query: BOARD, operationName: 'Board', variables: { p: GOLDEN_COMMUNE } },
      { query: SERIES, variables: { code: GOLDEN_COMMUNE, from: '2025-08-31', to: '2026-01-31' } },
    ]) {
      const expected = await ask(reference, body);
      expect(expected.status).toBe(200);
      expect(await ask(server, body)).toEqual(expected);
      expect(await ask(server, body)).toEqual(expected);
    }
  });

  it('reads the data of the moment: a change made between two repeats shows in the second', async () => {
    const body = { query: BOARD, operationName: 'Board', variables: { p: GOLDEN_COMMUNE } };
    await ask(server, body);
    const before = JSON.parse((await ask(server, body)).body);
    expect(before.data.leaderboard[0].area.name).toBe('Xóm Ả');
    await database.db.execute(sql`update areas set name = 'Xóm Ả Mới' where code = '90001-002'`);
    try {
      const after = JSON.parse((await ask(server, body)).body);
      expect(after.data.leaderboard[0].area.name).toBe('Xóm Ả Mới');
    } finally {
      await database.db.execute(sql`update areas set name = 'Xóm Ả' where code = '90001-002'`);
    }
  });

  it('leaves a bad variable and a resolver error of a known query to Apollo, worded as always', async () => {
    const good = { query: SERIES, variables: { code: GOLDEN_COMMUNE, from: '2025-08-31', to: '2026-01-31' } };
    await ask(server, good);
    await ask(server, good);
    const reversed = { query: SERIES, variables: { code: GOLDEN_COMMUNE, from: '2026-01-31', to: '2025-08-31' } };
    const notADate = { query: SERIES, variables: { code: GOLDEN_COMMUNE, from: '31/08/2025', to: '2026-01-31' } };
    const missing = { query: SERIES, variables: { code: GOLDEN_COMMUNE } };
    for (const body of [reversed, notADate, missing]) {
      const answer = await ask(server, body);
      expect(answer).toEqual(await ask(reference, body));
      expect(JSON.parse(answer.body).errors.length).toBeGreaterThan(0);
    }
    expect(JSON.parse((await ask(server, reversed)).body).errors[0].message).toBe('Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.');
  });
});
