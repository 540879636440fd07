/*
 * Write benchmark: household criterion updates per second with the aggregates maintained
 * (withAggregates, one household per transaction as the app's forms do), with 1 and N concurrent
 * writers, the time spent waiting for the aggregate lock, then a full recount (rebuildAggregates)
 * proving the incrementally maintained aggregates equal a recount from the source tables (row for
 * row: a reading with no row differs from one at 0), while a reader loops beside the recount (an
 * import's) and reports how long its reads took.
 *
 *   npm run bench:write -- --scale province [--seconds 10] [--writers 1,4] [--part 04]
 *
 * --part <province code> (the default at national scale, where a full recount takes most of an
 * hour): the writes go to that province's households only, and the proof is a recount of that
 * province (recountPart, the code of rebuildAggregates) compared with every aggregate row inside
 * it, plus the country's figures equal to the sum of its provinces' at every month end of 2026.
 */
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows } from '../../server/db/client';
import { lockRecount, recountPart } from '../../server/modules/indicators/aggregate-queries';
import { householdsByIds, rebuildAggregates, withAggregates } from '../../server/modules/indicators/aggregates';
import { countsAt } from '../../server/modules/indicators/queries';
import { argValue, databaseUrl, duration, machine, printTable, scaleArg } from './common';

const scale = scaleArg();
const seconds = Number(argValue('seconds', '10'));
const writerCounts = argValue('writers', '1,4')!.split(',').map(Number);
const CRITERIA = ['SMARTPHONE_OFFICIAL_INFO', 'ONLINE_PUBLIC_SERVICE', 'CASHLESS_PAYMENT'];
const part = argValue('part', scale === 'national' ? '04' : undefined);

async function main() {
  const database = await openDatabase({ url: databaseUrl(scale), maxConnections: Math.max(...writerCounts) + 2 });
  const { db } = database;
  const [province] = part ? await queryRows<{ id: number }>(db, sql`select id from areas where code = ${part} and level = 'province'`) : [];
  if (part && !province) throw new Error(`--part ${part}: no such province`);
  const inside = sql`(select area_id from area_ancestors where ancestor_id = ${province?.id ?? null})`;
  const allAreas = sql`(select id from areas)`;
  const areaIds = province ? inside : allAreas;
  const [{ ids }] = await queryRows<{ ids: number[] }>(db, sql`
    select array_agg(h.id order by h.id) as ids from households h where h.hamlet_id in ${areaIds}`) as [{ ids: number[] }];
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const rows: Record<string, string | number>[] = [];

  /** A criterion of a random household met on a random day of 2026 (or its record removed). */
  async function oneUpdate(): Promise<{ total: number; lockWait: number }> {
    const id = ids[Math.floor(random() * ids.length)]!;
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
      where t.area_id in ${areaIds}
    union all
    select 'household_digital_periods', count(*)::int, md5(string_agg(p::text, ',' order by p.household_id, p.starts_on)) from household_digital_periods p
      where p.household_id in (select h.id from households h where h.hamlet_id in ${areaIds})
    union all
    select 'values at every month end of 2026', count(*)::int, md5(string_agg(v::text, ',' order by v)) from (
      select a.id, d.day, x.digital_families, x.skilled_residents from areas a
      join ${areaIds} i(id) on i.id = a.id
      cross join generate_series(date '2026-01-31', date '2026-12-31', interval '1 month') d(day)
      left join lateral (select digital_families, skilled_residents from area_daily_totals x
        where x.area_id = a.id and x.day <= d.day order by x.day desc limit 1) x on true) v
    union all
    select 'criterion values at every month end of 2026', count(*)::int, md5(string_agg(v::text, ',' order by v)) from (
      select a.id, c.code, d.day, x.households from areas a join ${areaIds} i(id) on i.id = a.id cross join criteria c
      cross join generate_series(date '2026-01-31', date '2026-12-31', interval '1 month') d(day)
      left join lateral (select households from area_criterion_daily_totals x
        where x.area_id = a.id and x.criterion_code = c.code and x.day <= d.day order by x.day desc limit 1) x on true) v`);
  const incremental = await state();
  // Reads beside the recount (an import's): the communes' figures at the 12 month ends, as a
  // leaderboard reads them uncached, on their own connection, in a loop until the recount commits.
  const [{ communes }] = await queryRows<{ communes: number[] }>(db, sql`
    select array_agg(a.id order by a.id) as communes from areas a join ${areaIds} i(id) on i.id = a.id
    where a.level = 'commune'`) as [{ communes: number[] }];
  const monthEnds = Array.from({ length: 12 }, (_, i) => new Date(Date.UTC(2026, i + 1, 0)).toISOString().slice(0, 10));
  const readLatencies: number[] = [];
  let recounting = true;
  const reader = (async () => {
    while (recounting) {
      const at = performance.now();
      await countsAt(db, communes, monthEnds);
      readLatencies.push(performance.now() - at);
    }
  })();
  const recountStarted = Date.now();
  if (province) {
    await db.transaction(async (tx) => {
      await lockRecount(tx);
      for (const table of ['area_totals', 'area_daily_totals', 'area_criterion_daily_totals']) {
        await tx.execute(sql`delete from ${sql.identifier(table)} where area_id in ${inside}`);
      }
      await recountPart(tx, province.id);
    });
  } else {
    await db.transaction((tx) => rebuildAggregates(tx));
  }
  const recountTime = Date.now() - recountStarted;
  recounting = false;
  await reader;
  readLatencies.sort((a, b) => a - b);
  const recounted = await state();
  // Above the recounted part: the country's figures must be the sum of its provinces'.
  const [above] = province ? await queryRows<{ mismatches: number; checked: number }>(db, sql`
    select sum(mismatches)::int as mismatches, sum(checked)::int as checked from (
    with d as (select day::date from generate_series(date '2026-01-31', date '2026-12-31', interval '1 month') day),
    v as (select a.id, a.level, d.day, x.digital_families as digital from areas a cross join d
          left join lateral (select digital_families from area_daily_totals x
            where x.area_id = a.id and x.day <= d.day order by x.day desc limit 1) x on true
          where a.level in ('country', 'province'))
    select count(*) filter (where c.digital is distinct from s.digital)::int as mismatches, count(*)::int as checked
    from (select day, coalesce(sum(digital), 0) as digital from v where level = 'province' group by day) s
    join (select day, coalesce(digital, 0) as digital from v where level = 'country') c using (day)
    union all
    select count(*) filter (where t.households <> s.households)::int, count(*)::int
    from area_totals t join areas a on a.id = t.area_id and a.level = 'country'
    cross join (select sum(households) as households from area_totals x join areas p on p.id = x.area_id
                and p.level = 'province') s) checks`) : [];
  const equal = JSON.stringify(incremental) === JSON.stringify(recounted) && (!above || above.mismatches === 0);

  console.log(`\nbench:write --scale ${scale}, ${seconds} s per run; ${machine()}\n`);
  printTable(rows);
  console.log('');
  printTable(incremental.map((r, i) => ({
    compared: r.table, rows: r.rows, incremental: r.hash.slice(0, 12), recount: recounted[i]!.hash.slice(0, 12),
    equal: r.hash === recounted[i]!.hash ? 'yes' : 'NO',
  })));
  if (above) console.log(`\ncountry = sum of provinces (12 month ends + households): ${above.mismatches === 0 ? 'yes' : `NO (${above.mismatches})`}`);
  console.log(`\n${province ? `recount of province ${part} (recountPart, one transaction)` : 'full recount (rebuildAggregates, one transaction)'}: ` +
    `${duration(recountTime)}; aggregates ${equal ? 'EQUAL' : 'DIFFER'}`);
  console.log(`reads beside the recount (${communes.length} communes × 12 month ends, uncached): ${readLatencies.length}, ` +
    `p50 ${readLatencies[Math.floor(readLatencies.length / 2)]?.toFixed(1)} ms, max ${readLatencies.at(-1)?.toFixed(1)} ms`);
  await database.close();
  process.exit(equal ? 0 : 1);
}

await main();
