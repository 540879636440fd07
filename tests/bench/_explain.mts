import { sql } from 'drizzle-orm';
import { openDatabase, queryRows } from '/work/wt/bench/server/db/client';
import { recountPart, clearAggregates } from '/work/wt/bench/server/modules/indicators/aggregate-queries';
const statements: { q: string; p: unknown[] }[] = [];
const database = await openDatabase({ url: 'postgres://postgres@127.0.0.1:5432/tds_bench_province', maxConnections: 1 });
const db = database.db as any;
const orig = db.execute.bind(db);
db.execute = async (q: any) => {
  const { sql: text, params } = db.dialect.sqlToQuery(q);
  if (process.env.EXPLAIN && text.includes(process.env.EXPLAIN)) {
    const client = (db as any).session.client;
    await client.begin(async (s: any) => {
      const plan = await s.unsafe(`explain (analyze, buffers off) ${text}`, params);
      console.log(plan.map((r: any) => r['QUERY PLAN']).join('\n'));
      throw new Error('rollback');
    }).catch(() => {});
  }
  const t = Date.now();
  const r = await orig(q);
  console.log(`${Date.now() - t} ms: ${text.replace(/\s+/g, ' ').slice(0, 150)}`);
  return r;
};
await clearAggregates(db);
const [p] = await queryRows<{ id: number }>(database.db, sql`select id from areas where level='province'`);
await recountPart(db, p!.id);
await database.close();
