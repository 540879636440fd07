/*
 * Synthetic, deterministic dataset for the benchmarks, set-based in SQL.
 *
 *   npm run bench:seed -- --scale province   Cao Bằng (04): 56 communes, ~1,700 hamlets, ~130k households
 *   npm run bench:seed -- --scale national   34 provinces, 3,321 communes, ~100k hamlets, ~27M households
 *
 * Areas come from /work/shared/data/vietnam-admin-2025.csv (or BENCH_AREAS_CSV); hamlets,
 * households and their criteria history (met on a weekly verification day, a few lost later) are
 * generated from a hash of their ids, so two runs give the same data. Households are loaded
 * province by province on two connections, each province's aggregates recounted right after its
 * load (recountPart, the code of rebuildAggregates) while its rows are still cached.
 * Bulk-load settings: session_replication_role = replica skips the per-row foreign-key triggers
 * (the generator produces only valid references), synchronous_commit = off.
 */
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { type Db, openDatabase, queryRows } from '../../server/db/client';
import { migrateDatabase } from '../../server/db/migrate';
import * as schema from '../../server/db/schema';
import { rebuildAncestors } from '../../server/modules/areas/queries';
import {
  type AreaEvent, clearAggregates, finishRecount, recountPart,
} from '../../server/modules/indicators/aggregate-queries';
import { argValue, databaseUrl, duration, machine, printTable, progressBar, scaleArg, serverUrl } from './common';

export const BENCH_CRITERIA = ['SMARTPHONE_OFFICIAL_INFO', 'ONLINE_PUBLIC_SERVICE', 'CASHLESS_PAYMENT'] as const;
export const BENCH_PROVINCE = '04';

const scale = scaleArg();
const csvPath = process.env.BENCH_AREAS_CSV ?? '/work/shared/data/vietnam-admin-2025.csv';
/** Households per hamlet: base + hash × spread (national mean 270 → 27M; province mean 77 → 130k). */
const households = scale === 'national' ? { base: 150, spread: 241 } : { base: 40, spread: 75 };
const WORKERS = Number(process.env.BENCH_SEED_WORKERS ?? 2);
/** --limit N: load only the N largest provinces (a trial run; the areas are all created). */
const LIMIT = Number(argValue('limit', '0'));

function readAreas() {
  const [, ...lines] = readFileSync(csvPath, 'utf8').trim().split('\n');
  const rows = lines.map((line) => {
    const [code, name, level, kind, parentCode] = line.split(',');
    return { code: code!, name: name!, level: level!, kind: kind!, parentCode: parentCode || 'VN' };
  });
  return scale === 'national' ? rows : rows.filter((r) => r.code === BENCH_PROVINCE || r.parentCode === BENCH_PROVINCE);
}

/** A worker connection tuned for bulk loading. */
function loader(url: string) {
  const client = postgres(url, {
    max: 1, onnotice: () => {},
    // jit off: compiling the big recount statements costs more than it saves here
    connection: { session_replication_role: 'replica', synchronous_commit: 'off', work_mem: '256MB', jit: 'off' },
  });
  return { db: drizzle(client, { schema }) as unknown as Db, close: () => client.end({ timeout: 5 }) };
}

async function main() {
  const started = Date.now();
  const url = databaseUrl(scale);
  const name = new URL(url).pathname.slice(1);
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.unsafe(`create database ${name}`);
  const database = await openDatabase({ url, maxConnections: 4 });
  await migrateDatabase(database);
  const { db } = database;
  console.error(`${name}: schema migrated`);

  // Deterministic hash in [0, 1) of (a, b); plain SQL so the planner inlines it.
  await db.execute(sql`create schema if not exists bench`);
  await db.execute(sql.raw(`create or replace function bench.r(a bigint, b int) returns double precision
    language sql immutable parallel safe as $$
      select ((((((a * 1103515245 + b * 2654435761 + 12345) % 2147483647) ^ 2)::bigint % 2147483647) * 48271)
              % 2147483647)::double precision / 2147483647 $$`));

  const areas = readAreas();
  await db.transaction(async (tx) => {
    await tx.execute(sql`insert into areas (code, name, name_key, level, kind, latitude, longitude)
      values ('VN', 'Việt Nam', 'viet nam', 'country', 'quốc gia', 16.0, 106.0)`);
    for (const level of ['province', 'commune']) {
      await tx.execute(sql`insert into areas (code, name, name_key, level, kind, parent_id, latitude, longitude)
        select a.code, a.name, lower(a.name), a.level::area_level, a.kind, p.id,
               9 + 14 * bench.r(hashtext(a.code), 1), 103 + 6 * bench.r(hashtext(a.code), 2)
        from jsonb_to_recordset(${JSON.stringify(areas.filter((a) => a.level === level))}::jsonb)
          as a(code text, name text, level text, kind text, "parentCode" text)
        join areas p on p.code = a."parentCode" and p.valid_to is null
        order by a.code`);
    }
    // ~30 hamlets per commune (20..40).
    await tx.execute(sql`insert into areas (code, name, name_key, level, kind, parent_id, latitude, longitude)
      select c.code || '-' || lpad(n::text, 3, '0'), 'Thôn ' || n, 'thon ' || n, 'hamlet', 'thôn', c.id,
             c.latitude + 0.1 * bench.r(c.id * 100 + n, 3), c.longitude + 0.1 * bench.r(c.id * 100 + n, 4)
      from areas c cross join lateral generate_series(1, 20 + floor(bench.r(c.id, 1) * 21)::int) n
      where c.level = 'commune' order by c.id, n`);
    await rebuildAncestors(tx);
    await tx.execute(sql`insert into criteria (code, label) values
      ('SMARTPHONE_OFFICIAL_INFO', 'Có điện thoại thông minh, nhận thông tin chính thống'),
      ('ONLINE_PUBLIC_SERVICE', 'Sử dụng dịch vụ công trực tuyến'),
      ('CASHLESS_PAYMENT', 'Thanh toán không dùng tiền mặt')`);
    await tx.execute(sql`insert into criteria_sets (province_id, year, name, digital_hamlet_threshold)
      select id, 2025, 'Bộ tiêu chí Gia đình số năm 2025', 0.8 from areas where level = 'province'`);
    await tx.execute(sql`insert into criteria_set_items (set_id, criterion_code, position)
      select s.id, c.code, c.position from criteria_sets s,
      unnest(array['SMARTPHONE_OFFICIAL_INFO', 'ONLINE_PUBLIC_SERVICE', 'CASHLESS_PAYMENT']) with ordinality c(code, position)`);
  });

  const provinces = await queryRows<{ id: number; code: string; households: number }>(db, sql`
    select p.id, p.code, sum(${households.base} + floor(bench.r(h.id, 5) * ${households.spread}))::int as households
    from areas p join area_ancestors up on up.ancestor_id = p.id
    join areas h on h.id = up.area_id and h.level = 'hamlet'
    where p.level = 'province' group by p.id, p.code order by households desc`);
  if (LIMIT > 0) provinces.splice(LIMIT);
  const total = provinces.reduce((s, p) => s + p.households, 0);
  const [counts] = await queryRows<{ communes: number; hamlets: number }>(db, sql`
    select count(*) filter (where level = 'commune')::int as communes, count(*) filter (where level = 'hamlet')::int as hamlets from areas`);
  console.error(`${provinces.length} provinces, ${counts!.communes} communes, ${counts!.hamlets} hamlets, ` +
    `${total.toLocaleString('en')} households to generate on ${WORKERS} connections`);

  await clearAggregates(db, 'truncate');
  const bar = progressBar(total, 'households');
  let done = 0;
  let provincesDone = 0;
  const outside: AreaEvent[] = [];
  const queue = [...provinces];
  const steps: Record<string, number> = {};
  const timed = async <T>(log: string[], step: string, fn: () => Promise<T>): Promise<T> => {
    const t = Date.now();
    try { return await fn(); } finally {
      steps[step] = (steps[step] ?? 0) + Date.now() - t;
      log.push(`${step} ${((Date.now() - t) / 1000).toFixed(1)} s`);
    }
  };
  const work = async () => {
    const { db: conn, close } = loader(url);
    try {
      for (let p = queue.shift(); p; p = queue.shift()) {
        const hamlets = sql`(select area_id from area_ancestors where ancestor_id = ${p.id})`;
        const log: string[] = [];
        await timed(log, 'households', () => conn.execute(sql`insert into households (code, hamlet_id, head_name, members)
          select h.code || '-' || lpad(n::text, 4, '0'), h.id, 'Chủ hộ số ' || n,
                 1 + floor(bench.r(h.id * 1000 + n, 6) * 6)::int
          from areas h cross join lateral
            generate_series(1, ${households.base} + floor(bench.r(h.id, 5) * ${households.spread})::int) n
          where h.level = 'hamlet' and h.id in ${hamlets} order by h.id, n`));
        // Each hamlet has its own pace (35%..95% of households meet a criterion); met on a weekly
        // verification day from 2025-01-06 over 95 weeks; 3% lost it some weeks later. Keyed by the
        // household's code: its id depends on how the two loaders' inserts interleaved.
        await timed(log, 'criteria', () => conn.execute(sql`insert into household_criteria (household_id, criterion_code, met_on, lost_on)
          select h.id, c.code, m.met_on,
                 case when bench.r(k.k, c.n + 20) < 0.03
                       and m.met_on + 7 * (1 + floor(bench.r(k.k, c.n + 30) * 20)::int) < date '2026-11-20'
                      then m.met_on + 7 * (1 + floor(bench.r(k.k, c.n + 30) * 20)::int) end
          from households h
          cross join lateral (select hashtext(h.code)::bigint as k) k
          cross join (values (1, 'SMARTPHONE_OFFICIAL_INFO'), (2, 'ONLINE_PUBLIC_SERVICE'), (3, 'CASHLESS_PAYMENT')) c(n, code)
          cross join lateral (select date '2025-01-06' + 7 * floor(bench.r(k.k, c.n) * 95)::int as met_on) m
          where h.hamlet_id in ${hamlets}
            and bench.r(k.k, c.n + 10) < (0.35 + 0.6 * bench.r(h.hamlet_id, 7)) * (case c.n when 3 then 0.85 else 1 end)
          order by h.id, c.n`));
        // Fresh statistics (autovacuum may be off, and is slow to notice bulk loads): without them
        // the recount below plans for an empty table and scans every province's rows.
        await timed(log, 'analyze', () => conn.execute(sql`analyze households, household_criteria`));
        outside.push(...(await timed(log, 'recount', () => recountPart(conn, p.id))));
        if (process.env.BENCH_SEED_VERBOSE) console.error(`\nprovince ${p.code} (${p.households.toLocaleString('en')}): ${log.join(', ')}`);
        done += p.households;
        bar.update(done, `${++provincesDone}/${provinces.length} provinces (${(done / 1e6).toFixed(2)}M households)`);
      }
    } finally {
      await close();
    }
  };
  await Promise.all(Array.from({ length: WORKERS }, work));
  bar.done();
  await recountPart(db, null).then((rest) => outside.push(...rest));
  await finishRecount(db, outside);
  console.error(`aggregates of the country written; analyzing (time per step on the workers: ${
    Object.entries(steps).map(([k, v]) => `${k} ${duration(v)}`).join(', ')})`);
  await db.execute(sql`analyze`);

  const [size] = await queryRows<{ database: string; households: number; criteria: number; daily: number; criterionDaily: number }>(db, sql`
    select pg_size_pretty(pg_database_size(current_database())) as database,
      (select count(*) from households)::int as households,
      (select count(*) from household_criteria)::int as criteria,
      (select count(*) from area_daily_totals)::int as daily,
      (select count(*) from area_criterion_daily_totals)::int as "criterionDaily"`);
  const tables = await queryRows<{ table: string; size: string }>(db, sql`
    select relname as table, pg_size_pretty(pg_total_relation_size(oid)) as size from pg_class
    where relkind = 'r' and relnamespace = 'public'::regnamespace order by pg_total_relation_size(oid) desc limit 8`);
  console.log(`\nbench:seed --scale ${scale} → ${name} (${machine()})\n`);
  printTable([{
    scale, provinces: provinces.length, communes: counts!.communes, hamlets: counts!.hamlets,
    households: size!.households.toLocaleString('en'), 'criteria rows': size!.criteria.toLocaleString('en'),
    'daily rows': size!.daily.toLocaleString('en'), 'criterion daily rows': size!.criterionDaily.toLocaleString('en'),
    'database size': size!.database, time: duration(Date.now() - started),
  }]);
  console.log('');
  printTable(tables);
  await database.close();
  await admin.end();
}

await main();
