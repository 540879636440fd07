/*
 * PostgreSQL restarts under load (`pg_ctl restart -m fast`), on a server of this test's own: the
 * API process survives (postgres.js's closed-socket guard, server/db/patches; the supervising
 * primary would replace a worker that died, and the test fails if one did), requests fail fast
 * with 503 DATABASE_UNAVAILABLE while the database is gone, none hangs, the API serves again by
 * itself within seconds, every acknowledged write is stored once, and the derived totals equal a
 * recount. The server runs as `npm start` runs it: server/main.ts with DATABASE_URL, WORKERS=1.
 * (That the primary replaces its only worker when it dies: server/cluster.test.ts; without the
 * guard, this test sees it happen and fails.)
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase, queryRows } from '../../server/db/client';
import { migrateDatabase } from '../../server/db/migrate';
import { DATABASE_UNAVAILABLE_MESSAGE } from '../../server/errors';
import { hashPassword } from '../../server/modules/access/passwords';
import { activityTotalsDrift } from '../../server/modules/activities/queries';
import { rebuildAggregates } from '../../server/modules/indicators/aggregates';
import { todayInVietnam } from '../../server/dates';
import { GOLDEN_COMMUNE, seedGolden } from '../support/golden';
import { freePort, type OwnPostgres, postgresBinaries, startOwnPostgres } from '../support/own-postgres';
import { cookiePair } from '../support/server';
import { seedTeams } from '../support/teams';

const bindir = postgresBinaries();
if (!bindir) console.warn('database-restart: skipped, PostgreSQL server binaries (pg_config --bindir: initdb, pg_ctl) not installed');

/** Each request's own limit: a request that reaches it has hung. Above the statement timeout and the connect timeout (5 s). */
const CLIENT_TIMEOUT_MS = 10_000;
const STATEMENT_TIMEOUT_MS = 5_000;
const PASSWORD = 'mat-khau-kiem-thu-1';

const READ = `{ area(code: "${GOLDEN_COMMUNE}-003") { indicator(metric: DIGITAL_FAMILY_RATE, asOf: "2025-12-31") { numerator denominator } } }`;
const WRITE = 'mutation ($inputs: [ActivityInput!]!) { logActivities(inputs: $inputs) { duplicate record { clientId } } }';

interface Outcome {
  kind: 'read' | 'map' | 'write';
  startedAt: number;
  ms: number;
  ok: boolean;
  status?: number;
  code?: string;
  message?: string;
  retryAfter?: string;
  timedOut?: boolean;
  networkError?: string;
}

interface Answer { status: number; headers: Record<string, string | string[] | undefined>; body: string }

/** One POST (GET without a body) on its own connection, given up after CLIENT_TIMEOUT_MS. */
function post(url: string, body: unknown, cookie?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: body === undefined ? 'GET' : 'POST', agent: false, timeout: CLIENT_TIMEOUT_MS,
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => { text += chunk; });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(Object.assign(new Error('client timeout'), { code: 'CLIENT_TIMEOUT' })));
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

async function attempt(kind: Outcome['kind'], url: string, body: unknown, cookie?: string): Promise<{ outcome: Outcome; data?: unknown }> {
  const startedAt = Date.now();
  try {
    const answer = await post(url, body, cookie);
    const json = JSON.parse(answer.body) as { type?: string; data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] };
    // GraphQL: data and no errors; GeoJSON: a feature collection.
    const ok = answer.status === 200 && !json.errors && (json.data != null || json.type === 'FeatureCollection');
    return {
      outcome: { kind, startedAt, ms: Date.now() - startedAt, ok, status: answer.status, code: json.errors?.[0]?.extensions?.code,
        message: json.errors?.[0]?.message, retryAfter: answer.headers['retry-after'] as string | undefined },
      data: json.data,
    };
  } catch (error) {
    const code = (error as { code?: string }).code;
    return { outcome: { kind, startedAt, ms: Date.now() - startedAt, ok: false, timedOut: code === 'CLIENT_TIMEOUT', networkError: code ?? String(error) } };
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(!bindir)('PostgreSQL restarting under load', () => {
  let pg: OwnPostgres | undefined;
  let database: Database | undefined;
  let server: ChildProcess | undefined;
  let output = '';
  let graphql = '';

  beforeAll(async () => {
    pg = await startOwnPostgres(bindir!);
    database = await openDatabase({ url: pg.url, maxConnections: 2 });
    await migrateDatabase(database);
    await seedGolden(database.db);
    await seedTeams(database.db);
    // The fixtures insert some areas without their totals: start from totals that are a recount.
    await database.db.transaction((tx) => rebuildAggregates(tx));
    await database.db.execute(sql`update users set password_hash = ${await hashPassword(PASSWORD)} where username = 'can-bo'`);
    const port = await freePort();
    graphql = `http://127.0.0.1:${port}/graphql`;
    server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { ...process.env, DATABASE_URL: pg.url, PORT: String(port), WORKERS: '1', SEED_DEMO: 'false', NODE_ENV: 'test',
        // Every read goes to the database (a cached answer would hide the gap), on a small pool.
        RESPONSE_CACHE: 'off', DATABASE_POOL_SIZE: '4', DATABASE_STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout!.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    server.stderr!.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    const started = Date.now();
    while (!output.includes('Đang phục vụ bằng 1 tiến trình')) {
      if (Date.now() - started > 40_000 || server.exitCode !== null) throw new Error(`the server did not start: ${output}`);
      await pause(100);
    }
  }, 60_000);

  afterAll(async () => {
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server!.once('exit', resolve));
      server.kill('SIGTERM');
      await Promise.race([exited, pause(5000)]);
      if (server.exitCode === null) server.kill('SIGKILL');
    }
    await database?.close().catch(() => {});
    pg?.destroy();
  });

  it('keeps the process, fails fast and retryably during the gap, serves again by itself, and loses or doubles no write', async () => {
    const signIn = await post(graphql, { query: 'mutation ($u: String!, $p: String!) { signIn(username: $u, password: $p) { username } }',
      variables: { u: 'can-bo', p: PASSWORD } });
    const cookie = cookiePair((signIn.headers['set-cookie'] as string[] | undefined)?.[0] ?? null)!;
    expect(cookie, signIn.body).toBeTruthy();
    const [before] = await queryRows<{ started: string }>(database!.db, sql`select pg_postmaster_start_time()::text as started`);
    // This test's own connections would be cut by the restart too: open again for the checks.
    await database!.close();
    database = undefined;

    const outcomes: Outcome[] = [];
    const acknowledged = new Set<string>();
    const sent = new Set<string>();
    const today = todayInVietnam();
    let stop = false;
    const reader = async (kind: 'read' | 'map') => {
      while (!stop) {
        const { outcome } = kind === 'read' ? await attempt('read', graphql, { query: READ })
          : await attempt('map', graphql.replace('/graphql', `/api/geo/${GOLDEN_COMMUNE}`), undefined);
        outcomes.push(outcome);
        if (!outcome.ok) await pause(50);
      }
    };
    // An offline queue, as the phone app keeps one: a batch is sent again, same client ids, until acknowledged.
    const writer = async (hamletCode: string) => {
      let batch: string[] = [];
      const flush = async () => {
        if (batch.length === 0) batch = [randomUUID(), randomUUID()];
        batch.forEach((id) => sent.add(id));
        const inputs = batch.map((clientId) => ({ clientId, hamletCode, metric: 'PEOPLE_SUPPORTED', quantity: 1, activityOn: today }));
        const { outcome, data } = await attempt('write', graphql, { query: WRITE, variables: { inputs } }, cookie);
        if (outcome.ok && (data as { logActivities: unknown[] }).logActivities.length === batch.length) {
          batch.forEach((id) => acknowledged.add(id));
          batch = [];
        }
        return outcome;
      };
      while (!stop) {
        const outcome = await flush();
        outcomes.push(outcome);
        if (!outcome.ok) await pause(50);
      }
      // After the load: what is still queued goes out until the server takes it.
      for (let tries = 0; batch.length > 0 && tries < 20; tries++) {
        if (!(await flush()).ok) await pause(250);
      }
      return batch.length;
    };

    const loops = [reader('read'), reader('read'), reader('map')];
    const writers = [writer(`${GOLDEN_COMMUNE}-001`), writer(`${GOLDEN_COMMUNE}-002`), writer(`${GOLDEN_COMMUNE}-003`)];
    await pause(1500);
    const restartAt = Date.now();
    await pg!.restart();
    const upAt = Date.now();
    // Load until two seconds in a row have gone well since PostgreSQL came back (20 s at most).
    for (;;) {
      await pause(200);
      const lastFailure = Math.max(0, ...outcomes.filter((o) => !o.ok).map((o) => o.startedAt));
      if (Date.now() - Math.max(upAt, lastFailure) >= 2000 || Date.now() - upAt > 20_000) break;
    }
    stop = true;
    await Promise.all(loops);
    const unsent = await Promise.all(writers);

    const failed = outcomes.filter((o) => !o.ok);
    // Recovered: from the first request after which every request sent went well (a request sent
    // during the gap may fail later, after its connect or statement timeout).
    const lastFailedStart = Math.max(restartAt, ...failed.map((o) => o.startedAt));
    const recoveredAt = Math.min(...outcomes.filter((o) => o.ok && o.startedAt > lastFailedStart).map((o) => o.startedAt + o.ms));
    const inGap = outcomes.filter((o) => o.startedAt + o.ms >= restartAt && o.startedAt <= lastFailedStart);
    const figures = {
      requests: outcomes.length, failed: failed.length, inGap: inGap.length,
      restartMs: upAt - restartAt, recoveryMs: recoveredAt - restartAt, slowestMs: Math.max(...outcomes.map((o) => o.ms)),
      acknowledged: acknowledged.size,
    };
    console.log(`database-restart: ${JSON.stringify(figures)}`);
    const context = `${JSON.stringify(figures)}\n${JSON.stringify(outcomes.filter((o) => o.ms > 1000 || !o.ok))}\n${output}\n${pg!.log()}`;

    // The process lived through it: no worker died and had to be replaced.
    expect(server!.exitCode, context).toBeNull();
    expect(output, context).not.toMatch(/đã dừng|lỗi không được xử lý|Cannot read properties of null/);
    // No request hung, none was refused at the door; each failure said what it was and when to retry.
    expect(outcomes.filter((o) => o.timedOut || o.networkError), context).toEqual([]);
    for (const o of failed) {
      expect(o, context).toMatchObject({ status: 503, code: 'DATABASE_UNAVAILABLE', message: DATABASE_UNAVAILABLE_MESSAGE, retryAfter: '2' });
    }
    // Serving again by itself, within seconds of PostgreSQL being back.
    expect(Number.isFinite(recoveredAt), context).toBe(true);
    expect(recoveredAt - upAt, context).toBeLessThan(10_000);
    expect(unsent, context).toEqual([0, 0, 0]);

    database = await openDatabase({ url: pg!.url, maxConnections: 2 });
    // PostgreSQL did restart under the load (the test is not vacuous).
    const [after] = await queryRows<{ started: string }>(database!.db, sql`select pg_postmaster_start_time()::text as started`);
    expect(after!.started).not.toBe(before!.started);
    expect(outcomes.filter((o) => o.startedAt < restartAt && o.ok).length).toBeGreaterThan(10);

    // Every acknowledged record is stored once; nothing is stored that was not sent.
    const rows = await queryRows<{ clientId: string; n: number }>(database!.db,
      sql`select client_id as "clientId", count(*)::int as n from support_activities group by client_id`);
    expect(rows.filter((r) => r.n !== 1)).toEqual([]);
    const stored = new Set(rows.map((r) => r.clientId));
    expect([...acknowledged].filter((id) => !stored.has(id))).toEqual([]);
    expect([...stored].filter((id) => !sent.has(id))).toEqual([]);
    // The totals kept with each write equal a recount of the records, and the area aggregates a full rebuild.
    expect(await activityTotalsDrift(database!.db)).toEqual([]);
    const areaTotals = () => queryRows(database!.db, sql`select to_jsonb(t) as row from area_totals t order by 1`);
    const incremental = await areaTotals();
    await database!.db.transaction((tx) => rebuildAggregates(tx));
    expect(await areaTotals()).toEqual(incremental);
  }, 60_000);
});
