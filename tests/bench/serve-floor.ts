/*
 * The floor: a bare node:http server answering the benchmark's requests with the SAME SQL our
 * server sends (built by the app's own query functions, captured instead of executed), run directly
 * through postgres.js (prepared statements) and returned as JSON rows: no GraphQL, no ranking.
 *   tsx tests/bench/serve-floor.ts <db url> <port> <pool> [workers]
 */
import { createServer } from 'node:http';
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import postgres from 'postgres';
import type { Executor } from '../../server/db/client';
import { childFeatureCollection, findAreasByCodes, listAreas } from '../../server/modules/areas/queries';
import { previousQuarterEnd } from '../../server/modules/indicators/periods';
import { childCountsAt, countsAt, thresholdsAt } from '../../server/modules/indicators/queries';
import { AS_OF, SERIES_DATES } from './cases';
import { serveWithWorkers } from './serve-cluster.mjs';

const [url, port, pool = '10', workers = '1'] = process.argv.slice(2);
const client = postgres(url!, { max: Number(pool), onnotice: () => {} });
// As drizzle's postgres-js driver does: dates as strings, JSON parameters sent as given.
const transparent = (value: unknown) => value;
for (const type of ['1184', '1082', '1083', '1114', '1182', '1185', '1115', '1231']) {
  client.options.parsers[type as never] = transparent as never;
  client.options.serializers[type as never] = transparent as never;
}
client.options.serializers['114' as never] = transparent as never;
client.options.serializers['3802' as never] = transparent as never;
const dialect = new PgDialect();

type Statement = { sql: string; params: unknown[] };
const captured = new Map<string, Statement>();

/**
 * The statement an app query function would send (captured, not run), built once per `key` (the
 * route and its arguments): the floor spends nothing on building SQL, as a floor should not.
 */
function statementOf(key: string, call: (executor: Executor) => Promise<unknown>): Statement {
  let statement = captured.get(key);
  if (!statement) {
    let query: SQL | undefined;
    const capture = { execute: (q: SQL) => { query = q; return Promise.resolve([]); } } as unknown as Executor;
    // The app function's own handling of the (empty) result may fail; only the statement matters.
    call(capture).catch(() => {});
    captured.set(key, (statement = dialect.sqlToQuery(query!)));
  }
  return statement;
}
const run = <T>(s: { sql: string; params: unknown[] }) =>
  client.unsafe(s.sql, s.params as postgres.ParameterOrJSON<never>[], { prepare: true }) as unknown as Promise<T[]>;

const routes: Record<string, (arg: string) => Promise<unknown>> = {
  async leaderboard(parent) {
    const rows = await run<{ areaId: number }>(statementOf(`children ${parent}`, (e) => childCountsAt(e, parent, [AS_OF, previousQuarterEnd(AS_OF)])));
    const ids = [...new Set(rows.map((r) => r.areaId))];
    const thresholds = await run(statementOf(`thresholds ${ids}`, (e) => thresholdsAt(e, ids, AS_OF)));
    return { rows, thresholds };
  },
  async map(parent) {
    const areas = await run<{ id: number }>(statementOf(`areas ${parent}`, (e) => listAreas(e, { parentCode: parent })));
    const ids = areas.map((a) => a.id);
    const counts = await run(statementOf(`counts ${ids}`, (e) => countsAt(e, ids, [AS_OF])));
    return { areas, counts };
  },
  geo: (parent) => run(statementOf(`geo ${parent}`, (e) => childFeatureCollection(e, parent))),
  async series(code) {
    const [area] = await run<{ id: number }>(statementOf(`area ${code}`, (e) => findAreasByCodes(e, [code])));
    return run(statementOf(`series ${area!.id}`, (e) => countsAt(e, [area!.id], SERIES_DATES)));
  },
};

const server = createServer(async (req, res) => {
  const [, route, arg] = (req.url ?? '').split('/');
  const handler = routes[route ?? ''];
  if (!handler || !arg) return void res.writeHead(404).end();
  try {
    const body = JSON.stringify(await handler(decodeURIComponent(arg)));
    res.writeHead(200, { 'content-type': 'application/json' }).end(body);
  } catch (error) {
    res.writeHead(500).end(String(error));
  }
});
await serveWithWorkers(Number(workers), port, () => new Promise<void>((resolve) => server.listen(Number(port), resolve)));
