/*
 * Mixed-load benchmark: 95 % public reads spread over all communes of the province (their hamlets'
 * leaderboard, their page, their series; now and then the province's board and map) and 5 %
 * signed-in writes (a support activity, or a household's criterion) in random communes, from
 * closed-loop clients for a while. Reports the response cache's hit rate (from the X-Cache
 * headers the clients see) and the reads' latency: how much a write costs the cache.
 *
 *   npm run bench:mixed -- [--scale province] [--duration 60] [--clients 16] [--writes 0.05] [--province-reads 0.02] [--pool 10]
 *                          [--server /work/main]   (another checkout's server, e.g. main's code, on the same data)
 *
 * Needs the benchmark database (npm run bench:seed -- --scale province). Adds, once, an officer
 * and a chair per commune and a team per commune covering its hamlets (the writes need them);
 * the writes change the data (the other benchmarks read dates up to 2026-10-31; these write 2026).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { hashSessionToken, SESSION_COOKIE } from '../../server/modules/access/cookie';
import { argValue, databaseUrl, machine, printTable, scaleArg } from './common';
import { AS_OF, SERIES_FROM } from './cases';

const scale = scaleArg();
const url = databaseUrl(scale);
const seconds = Number(argValue('duration', '60'));
const clients = Number(argValue('clients', '16'));
const writeShare = Number(argValue('writes', '0.05'));
/** Share of the reads that ask for the province's board or map (the rest: one commune's board, page or series). */
const provinceReads = Number(argValue('province-reads', '0.02'));
const pool = argValue('pool', '10')!;
const serverDir = argValue('server', fileURLToPath(new URL('../..', import.meta.url)))!;
const PROVINCE = '04';
const CRITERIA = ['SMARTPHONE_OFFICIAL_INFO', 'ONLINE_PUBLIC_SERVICE', 'CASHLESS_PAYMENT'];
const METRICS = ['OUTREACH_SESSIONS', 'PEOPLE_SUPPORTED', 'APP_INSTALLS', 'LESSONS_COMPLETED'];

interface Commune { code: string; hamlets: string[]; households: string[]; cookie: string }

let seed = 7;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;

/** Users, sessions and teams the writes need (idempotent), and each commune's hamlets and some households. */
async function prepare(): Promise<Commune[]> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const communes = await sql<{ id: number; code: string }[]>`select c.id, c.code from areas c join areas p on p.id = c.parent_id
      where p.code = ${PROVINCE} and c.level = 'commune' and c.valid_to is null order by c.code`;
    const result: Commune[] = [];
    for (const commune of communes) {
      const username = `bench.mixed.${commune.code}`;
      await sql`insert into users (username, full_name, role, password_hash)
        values (${username}, ${username}, 'COMMUNE_OFFICER', 'x') on conflict (username) do nothing`;
      const [user] = await sql<{ id: number }[]>`select id from users where username = ${username}`;
      await sql`insert into user_areas (user_id, area_id) values (${user!.id}, ${commune.id}) on conflict do nothing`;
      const token = randomBytes(32).toString('base64url');
      await sql`insert into sessions (user_id, token_hash, expires_at) values (${user!.id}, ${hashSessionToken(token)}, now() + interval '2 hours')`;
      const hamlets = await sql<{ id: number; code: string }[]>`select id, code from areas
        where parent_id = ${commune.id} and level = 'hamlet' and valid_to is null order by code`;
      const uncovered = await sql<{ id: number }[]>`select a.id from areas a left join team_hamlets th on th.hamlet_id = a.id
        where a.parent_id = ${commune.id} and a.level = 'hamlet' and a.valid_to is null and th.hamlet_id is null`;
      if (uncovered.length > 0) {
        const [team] = await sql<{ id: number }[]>`insert into teams (commune_id, name) values (${commune.id}, ${`Tổ CNSCĐ ${commune.code}`}) returning id`;
        await sql`insert into team_hamlets ${sql(uncovered.map((h) => ({ team_id: team!.id, hamlet_id: h.id })))}`;
      }
      const households = await sql<{ code: string }[]>`select h.code from households h
        where h.hamlet_id in ${sql(hamlets.map((h) => h.id))} order by h.id limit 200`;
      result.push({ code: commune.code, hamlets: hamlets.map((h) => h.code), households: households.map((h) => h.code), cookie: `${SESSION_COOKIE}=${token}` });
    }
    return result;
  } finally {
    await sql.end();
  }
}

function start(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--max-semi-space-size=64', '--import', 'tsx', `${serverDir}/tests/bench/serve-ours.ts`, url, String(port), 'on', pool],
    { cwd: serverDir, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, NODE_ENV: 'production' } });
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve(child);
    });
  });
}

const gql = (query: string, variables: Record<string, unknown>) => JSON.stringify({ query, variables });
const BOARD = `query Board($parent: String!) { leaderboard(parentCode: $parent, metric: DIGITAL_FAMILY_RATE, asOf: "${AS_OF}") {
  rank previousRank value numerator denominator isDigitalHamlet area { code name } } }`;
const PAGE = `query Page($code: String!) { area(code: $code) { code name
  indicator(metric: DIGITAL_FAMILY_RATE, asOf: "${AS_OF}") { value numerator denominator } digitalHamlets(asOf: "${AS_OF}") { count total } } }`;
const SERIES = `query Series($code: String!) { area(code: $code) { series(metric: DIGITAL_FAMILY_RATE, from: "${SERIES_FROM}", to: "${AS_OF}") {
  date value numerator denominator } } }`;
const MAP = `query Map($parent: String!) { areas(parentCode: $parent) { code name latitude longitude
  indicator(metric: DIGITAL_FAMILY_RATE, asOf: "${AS_OF}") { value numerator denominator } } }`;
const LOG = 'mutation ($input: ActivityInput!) { logActivity(input: $input) { duplicate } }';
const SET = `mutation ($h: String!, $c: String!, $on: Date) { setHouseholdCriterion(householdCode: $h, criterion: $c, metOn: $on) { code } }`;

/** A public read: mostly one commune's (its board, page or series), sometimes the province's. */
function read(communes: Commune[]): string {
  const r = random();
  if (r < provinceReads / 2) return gql(BOARD, { parent: PROVINCE });
  if (r < provinceReads) return gql(MAP, { parent: PROVINCE });
  const commune = pick(communes).code;
  const s = random();
  return s < 0.5 ? gql(BOARD, { parent: commune }) : s < 0.8 ? gql(PAGE, { code: commune }) : gql(SERIES, { code: commune });
}

function write(communes: Commune[], i: number): { body: string; cookie: string } {
  const commune = pick(communes);
  const day = `2026-${String(1 + Math.floor(random() * 10)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
  if (i % 2 === 0) {
    return { cookie: commune.cookie, body: gql(LOG, { input: {
      clientId: randomUUID(), hamletCode: pick(commune.hamlets), metric: pick(METRICS), quantity: 1 + Math.floor(random() * 5), activityOn: day } }) };
  }
  return { cookie: commune.cookie, body: gql(SET, { h: pick(commune.households), c: pick(CRITERIA), on: day }) };
}

async function main() {
  const communes = await prepare();
  const port = 4790;
  const child = await start(port);
  const endpoint = `http://127.0.0.1:${port}/graphql`;
  const readMs: number[] = [];
  const writeMs: number[] = [];
  const cache = { HIT: 0, MISS: 0, none: 0 };
  let errors = 0;
  let writes = 0;
  const send = async (body: string, cookie?: string) => {
    const started = performance.now();
    const response = await fetch(endpoint, { method: 'POST', body, headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) } });
    const text = await response.text();
    if (!response.ok || text.includes('"errors"')) {
      errors++;
      if (errors <= 3) process.stderr.write(`error ${response.status}: ${text.slice(0, 200)}\n`);
    }
    return { ms: performance.now() - started, cache: response.headers.get('x-cache') };
  };
  try {
    // Warm-up: every read once (the server's JIT and the cache start the same way for every run).
    for (const commune of communes) for (const q of [gql(BOARD, { parent: commune.code }), gql(PAGE, { code: commune.code }), gql(SERIES, { code: commune.code })]) await send(q);
    errors = 0;
    const until = Date.now() + seconds * 1000;
    const started = Date.now();
    await Promise.all(Array.from({ length: clients }, async () => {
      while (Date.now() < until) {
        if (random() < writeShare) {
          const { body, cookie } = write(communes, writes++);
          writeMs.push((await send(body, cookie)).ms);
        } else {
          const answer = await send(read(communes));
          readMs.push(answer.ms);
          cache[answer.cache === 'HIT' ? 'HIT' : answer.cache === 'MISS' ? 'MISS' : 'none']++;
        }
      }
    }));
    const elapsed = (Date.now() - started) / 1000;
    readMs.sort((a, b) => a - b);
    writeMs.sort((a, b) => a - b);
    const pct = (xs: number[], p: number) => (xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN).toFixed(1);
    console.log(`\nbench:mixed --scale ${scale}, server ${serverDir}, ${seconds} s, ${clients} clients, ${(writeShare * 100).toFixed(0)} % writes, ` +
      `${(provinceReads * 100).toFixed(0)} % of reads the province's, ` +
      `${communes.length} communes, pool ${pool}; ${machine()}\n`);
    printTable([{
      reads: readMs.length, 'reads/s': Math.round(readMs.length / elapsed), 'hit rate': `${((100 * cache.HIT) / Math.max(1, cache.HIT + cache.MISS)).toFixed(1)} %`,
      'read p50 ms': pct(readMs, 50), 'read p95 ms': pct(readMs, 95), 'read p99 ms': pct(readMs, 99),
      writes: writeMs.length, 'write p50 ms': pct(writeMs, 50), 'write p95 ms': pct(writeMs, 95), errors,
    }]);
  } finally {
    child.kill('SIGTERM');
  }
  process.exit(errors > 0 ? 1 : 0);
}

await main();
