/*
 * `WORKERS=2 DATABASE_URL=… npm start`: two processes serve the API on one port; a write through
 * one is visible through the other at once, response caches included; a worker that dies is
 * replaced; SIGTERM stops them all.
 */
import { type ChildProcess, execSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedAccessFixtures } from '../support/access';
import { drivers, openTestDatabase, type TestDatabase } from '../support/databases';
import { GOLDEN_COMMUNE, seedGolden } from '../support/golden';
import { send } from '../support/http';
import { cookiePair } from '../support/server';

const freePort = () => new Promise<number>((resolve) => {
  const probe = createServer().listen(0, () => {
    const { port } = probe.address() as { port: number };
    probe.close(() => resolve(port));
  });
});

const INDICATOR = `{ area(code: "${GOLDEN_COMMUNE}-003") { indicator(metric: DIGITAL_FAMILY_RATE, asOf: "2025-12-31") { numerator } } }`;

describe.runIf(drivers.includes('postgres'))('two worker processes on postgres', () => {
  let database: TestDatabase;
  let server: ChildProcess;
  let base: string;
  let output = '';

  beforeAll(async () => {
    database = await openTestDatabase('postgres');
    await seedGolden(database.db);
    await seedAccessFixtures(database.db);
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { ...process.env, WORKERS: '2', DATABASE_URL: database.url!, PORT: String(port), SEED_DEMO: 'false', NODE_ENV: 'test' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout!.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    server.stderr!.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    const started = Date.now();
    while (!output.includes('Đang phục vụ bằng 2 tiến trình')) {
      if (Date.now() - started > 60_000 || server.exitCode !== null) throw new Error(`no start: ${output}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }, 90_000);
  afterAll(async () => {
    if (server && server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((resolve) => server.once('exit', resolve));
    }
    await database?.close();
  });

  const post = (body: unknown, cookie?: string) => send(`${base}/graphql`, {
    method: 'POST', headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) }, body: JSON.stringify(body),
  });
  const numerator = async () => ((await post({ query: INDICATOR })).json() as { data: { area: { indicator: { numerator: number } } } })
    .data.area.indicator.numerator;

  it('answers from both processes, and a write through one is seen by the next reads through either', async () => {
    // Public reads, several times: the response caches of both workers hold the figure.
    const before = await Promise.all(Array.from({ length: 6 }, numerator));
    expect(new Set(before).size).toBe(1);

    const signIn = await post({ query: 'mutation ($u: String!, $p: String!) { signIn(username: $u, password: $p) { username } }',
      variables: { u: 'officer', p: DEMO_PASSWORD } });
    const cookie = cookiePair(signIn.headers['set-cookie']?.[0] ?? null)!;
    const households = (await post({ query: `{ households(hamletCode: "${GOLDEN_COMMUNE}-003") { code isDigitalFamily
      criteria { code metOn } } }` }, cookie)).json() as { data: { households: { code: string; isDigitalFamily: boolean;
      criteria: { code: string; metOn: string | null }[] }[] } };
    const target = households.data.households.find((h) => !h.isDigitalFamily && h.criteria.filter((c) => !c.metOn).length === 1)!;
    const missing = target.criteria.find((c) => !c.metOn)!.code;
    const set = await post({ variables: { h: target.code, c: missing, d: '2025-12-01' },
      query: 'mutation ($h: String!, $c: String!, $d: Date) { setHouseholdCriterion(householdCode: $h, criterion: $c, metOn: $d) { isDigitalFamily } }' }, cookie);
    expect(set.json()).toEqual({ data: { setHouseholdCriterion: { isDigitalFamily: true } } });

    // The other worker heard of the commit: no read, through either process, shows the old figure.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const after = await Promise.all(Array.from({ length: 6 }, numerator));
    expect(after).toEqual(Array(6).fill(before[0]! + 1));
  });

  it('replaces a worker that dies, and keeps serving meanwhile', async () => {
    // The primary's children that run main.ts (tsx may have an esbuild child too).
    const workers = () => execSync(`pgrep -P ${server.pid} -f server/main.ts || true`).toString().trim().split(/\s+/).filter(Boolean).map(Number);
    const until = async (done: () => boolean) => {
      for (const started = Date.now(); !done(); await new Promise((resolve) => setTimeout(resolve, 100))) {
        if (Date.now() - started > 45_000) throw new Error(`waited in vain: ${output}`);
      }
    };
    const [victim, survivor] = workers();
    expect(survivor).toBeDefined();
    process.kill(victim!, 'SIGKILL');
    // Once the primary knows, the other process answers meanwhile.
    await until(() => output.includes(`${victim} đã dừng`));
    expect((await post({ query: INDICATOR })).status).toBe(200);
    await until(() => output.includes(`thay cho ${victim} đã sẵn sàng`));
    expect(workers()).toHaveLength(2);
    expect(workers()).not.toContain(victim);
    const answers = await Promise.all(Array.from({ length: 6 }, () => post({ query: INDICATOR })));
    expect(answers.map((a) => a.status)).toEqual(Array(6).fill(200));
  }, 60_000);
});
