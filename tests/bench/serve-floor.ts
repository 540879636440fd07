/*
 * The floor: a bare node:http server answering the benchmark's requests with the SAME SQL our
 * server sends (built by the app's own query functions, captured instead of executed), run directly
 * through postgres.js (prepared statements) and returned as JSON rows: no GraphQL, no ranking.
 *   tsx tests/bench/serve-floor.ts <db url> <port> <pool>
 */
import { createServer } from 'node:http';
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import type { Db, Executor } from '../../server/db/client';
import * as schema from '../../server/db/schema';
import { childFeatures, findAreasByCodes, listAreas } from '../../server/modules/areas/queries';
import { previousQuarterEnd } from '../../server/modules/indicators/periods';
import { childCountsAt, countsAt, thresholdsAt } from '../../server/modules/indicators/queries';
import { AS_OF, SERIES_DATES } from './cases';

const [url, port, pool = '10'] = process.argv.slice(2);
const client = postgres(url!, { max: Number(pool), onnotice: () => {} });
// As drizzle's postgres-js driver does: dates as strings, JSON parameters sent as given.
const transparent = (value: unknown) => value;
for (const type of ['1184', '1082', '1083', '1114', '1182', '1185', '1115', '1231']) {
  client.options.parsers[type as never] = transparent as never;
  client.options.serializers[type as never] = transparent as never;
}
client.options.serializers['114' as never] = transparent as never;
client.options.serializers['3802' as never] = transparent as never;
const builder = drizzle(postgres(url!, { max: 1 }), { schema }) as unknown as Db; // never executes: .toSQL() only
const dialect = new PgDialect();
type Built = { toSQL(): { sql: string; params: unknown[] } };
const built = (query: unknown) => (query as Built).toSQL();

/** The statement an app query function would send (captured, not run). */
function statementOf(call: (executor: Executor) => Promise<unknown>): { sql: string; params: unknown[] } {
  let captured: SQL | undefined;
  const capture = { execute: (query: SQL) => { captured = query; return Promise.resolve([]); } } as unknown as Executor;
  void call(capture);
  return dialect.sqlToQuery(captured!);
}
const run = <T>(s: { sql: string; params: unknown[] }) =>
  client.unsafe(s.sql, s.params as postgres.ParameterOrJSON<never>[], { prepare: true }) as unknown as Promise<T[]>;

const routes: Record<string, (arg: string) => Promise<unknown>> = {
  async leaderboard(parent) {
    const rows = await run<{ areaId: number }>(statementOf((e) => childCountsAt(e, parent, [AS_OF, previousQuarterEnd(AS_OF)])));
    const thresholds = await run(statementOf((e) => thresholdsAt(e, [...new Set(rows.map((r) => r.areaId))], AS_OF)));
    return { rows, thresholds };
  },
  async map(parent) {
    const areas = await run<{ id: number }>(built(listAreas(builder, { parentCode: parent })));
    const counts = await run(statementOf((e) => countsAt(e, areas.map((a) => a.id), [AS_OF])));
    return { areas, counts };
  },
  geo: (parent) => run(built(childFeatures(builder, parent))),
  async series(code) {
    const [area] = await run<{ id: number }>(built(findAreasByCodes(builder, [code])));
    return run(statementOf((e) => countsAt(e, [area!.id], SERIES_DATES)));
  },
};

createServer(async (req, res) => {
  const [, route, arg] = (req.url ?? '').split('/');
  const handler = routes[route ?? ''];
  if (!handler || !arg) return void res.writeHead(404).end();
  try {
    const body = JSON.stringify(await handler(decodeURIComponent(arg)));
    res.writeHead(200, { 'content-type': 'application/json' }).end(body);
  } catch (error) {
    res.writeHead(500).end(String(error));
  }
}).listen(Number(port), () => console.log(`ready http://localhost:${port}`));
