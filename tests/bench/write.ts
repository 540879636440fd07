/*
 * Write benchmark: household criterion updates per second with the aggregates maintained
 * (withAggregates, one household per transaction as the app's forms do), with 1 and N concurrent
 * writers, the time spent waiting for the aggregate lock, then a full recount (rebuildAggregates)
 * proving the incrementally maintained aggregates equal a recount from the source tables.
 *
 *   npm run bench:write -- --scale province [--seconds 10] [--writers 1,4]
 */
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows } from '../../server/db/client';
import { householdsByIds, rebuildAggregates, withAggregates } from '../../server/modules/indicators/aggregates';
import { argValue, databaseUrl, duration, machine, printTable, scaleArg } from './common';

const scale = scaleArg();
const seconds = Number(argValue('seconds', '10'));
const writerCounts = argValue('writers', '1,4')!.split(',').map(Number);
const CRITERIA = ['SMARTPHONE_OFFICIAL_INFO', 'ONLINE_PUBLIC_SERVICE', 'CASHLESS_PAYMENT'];

async function main() {
  const database = await openDatabase({ url: databaseUrl(scale), maxConnections: Math.max(...writerCounts) + 2 });
  const { db } = database;
  const [range] = await queryRows<{ min: number; max: number }>(db, sql`select min(id) as min, max(id) as max from households`);
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const rows: Record<string, string | number>[] = [];

  /** A criterion of a random household met on a random day of 2026 (or its record removed). */
  async function oneUpdate(): Promise<{ total: number; lockWait: number }> {
    const id = range!.min + Math.floor(random() * (range!.max - range!.min + 1));
    const criterion = CRITERIA[Math.floor(random() * 3)]!;
    const day = `2026-${String(1 + Math.floor(random() * 10)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
    const remove = random() < 0.2;
    const started = performance.now();
    let locked = 0;
    await db.transaction(async (tx) => {
      await withAggregates(tx, householdsByIds([id]), async () => {
        locked = performance.now(); // withAggregates took the lock before running the change
        if (remove) {
          await tx.execute(sql`delete from household_criteria where household_id = ${id} and criterion_code = ${criterion}`);
        } else {
          await tx.execute(sql`insert into household_criteria (household_id, criterion_code, met_on)
            values (${id}, ${criterion}, ${day}::date)
            on conflict (household_id, criterion_code) do update set met_on = excluded.met_on, lost_on = null`);
        }
      });
    });
    return { total: performance.now() - started, lockWait: locked - started };
  }

  for (const writers of writerCounts) {
    const latencies: number[] = [];
    const waits: number[] = [];
    const until = Date.now() + seconds * 1000;
    const started = Date.now();
    await Promise.all(Array.from({ length: writers }, async () => {
      while (Date.now() < until) {
        const { total, lockWait } = await oneUpdate();
        latencies.push(total);
        waits.push(lockWait);
      }
    }));
    latencies.sort((a, b) => a - b);
    waits.sort((a, b) => a - b);
    const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!.toFixed(1);
    rows.push({
      writers, updates: latencies.length, 'updates/s': (latencies.length / ((Date.now() - started) / 1000)).toFixed(1),
      'p50 ms': pct(latencies, 50), 'p95 ms': pct(latencies, 95), 'p99 ms': pct(latencies, 99),
      'hamlet lock + before-events p50 ms': pct(waits, 50), 'hamlet lock + before-events p95 ms': pct(waits, 95),
    });
    process.stderr.write(`${writers} writers: ${rows.at(-1)!['updates/s']} updates/s\n`);
  }

  // The proof: what the incremental path left equals a recount from the source tables.
  const state = () => queryRows<{ table: string; rows: number; hash: string }>(db, sql`
    select 'area_totals' as table, count(*)::int as rows, md5(string_agg(t::text, ',' order by t.area_id)) as hash from area_totals t
    union all
    select 'household_digital_periods', count(*)::int, md5(string_agg(p::text, ',' order by p.household_id, p.starts_on)) from household_digital_periods p
    union all
    select 'values at every month end of 2026', count(*)::int, md5(string_agg(v::text, ',' order by v)) from (
      select a.id, d.day, x.digital_families, x.skilled_residents from areas a
      cross join generate_series(date '2026-01-31', date '2026-12-31', interval '1 month') d(day)
      left join lateral (select digital_families, skilled_residents from area_daily_totals x
        where x.area_id = a.id and x.day <= d.day order by x.day desc limit 1) x on true) v
    union all
    select 'criterion values at 2026-12-31', count(*)::int, md5(string_agg(v::text, ',' order by v)) from (
      select a.id, c.code, x.households from areas a cross join criteria c
      left join lateral (select households from area_criterion_daily_totals x
        where x.area_id = a.id and x.criterion_code = c.code and x.day <= date '2026-12-31' order by x.day desc limit 1) x on true) v`);
  const incremental = await state();
  const recountStarted = Date.now();
  await db.transaction((tx) => rebuildAggregates(tx));
  const recountTime = Date.now() - recountStarted;
  const recounted = await state();
  const equal = JSON.stringify(incremental) === JSON.stringify(recounted);

  console.log(`\nbench:write --scale ${scale}, ${seconds} s per run; ${machine()}\n`);
  printTable(rows);
  console.log('');
  printTable(incremental.map((r, i) => ({
    compared: r.table, rows: r.rows, incremental: r.hash.slice(0, 12), recount: recounted[i]!.hash.slice(0, 12),
    equal: r.hash === recounted[i]!.hash ? 'yes' : 'NO',
  })));
  console.log(`\nfull recount (rebuildAggregates, one transaction): ${duration(recountTime)}; aggregates ${equal ? 'EQUAL' : 'DIFFER'}`);
  await database.close();
  process.exit(equal ? 0 : 1);
}

await main();
