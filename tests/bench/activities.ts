/*
 * Benchmark: logging support activities against PostgreSQL, then a full recount of the activity
 * totals. Run: npx tsx tests/bench/activities.ts [records=20000]
 * Shapes: offline-queue batches (50 or 200 records per call) and one record per call, each with
 * 5% of calls retried (the same records sent again: they must count once).
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../server/db/client';
import { activityTotalsDrift, rebuildActivityTotals } from '../../server/modules/activities/queries';
import { type ActivityInput, logActivities } from '../../server/modules/activities/service';
import { openTestDatabase } from '../support/databases';
import { requestAs } from '../support/request';
import { seedGolden } from '../support/golden';
import { seedTeams } from '../support/teams';

const total = Number(process.argv[2] ?? 20_000);
const database = await openTestDatabase('postgres');
if (database.driver !== 'postgres') throw new Error('needs PostgreSQL');
await seedGolden(database.db);
const f = await seedTeams(database.db);
const METRICS = ['OUTREACH_SESSIONS', 'PEOPLE_SUPPORTED', 'APP_INSTALLS', 'LESSONS_COMPLETED'];
const HAMLETS = ['90001-001', '90001-002', '90001-003'];
const make = (i: number): ActivityInput => ({ clientId: randomUUID(), hamletCode: HAMLETS[i % 3]!, metric: METRICS[i % 4]!,
  quantity: 1 + (i % 9), activityOn: `2025-${10 + (i % 2)}-${String(1 + (i % 28)).padStart(2, '0')}` });

let expected = 0;
async function run(label: string, batchSize: number, callers: number, count = total) {
  expected += count;
  const records = Array.from({ length: count }, (_, i) => make(i));
  const calls: ActivityInput[][] = [];
  for (let i = 0; i < records.length; i += batchSize) calls.push(records.slice(i, i + batchSize));
  // 5% of calls are retries of an earlier call (the phone did not get the answer)
  for (let i = 0; i < calls.length; i += 20) calls.push(calls[i]!);
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: callers }, async () => {
    while (next < calls.length) await logActivities(requestAs(database.db, f.officer, '2025-12-31'), calls[next++]!);
  }));
  const seconds = (performance.now() - started) / 1000;
  console.log(`${label}: ${count} records (+${calls.length - Math.ceil(count / batchSize)} retried calls) in ${seconds.toFixed(2)} s = ${Math.round(count / seconds)} records/s`);
}

await run('batches of 50, 8 callers', 50, 8);
await run('batches of 200, 4 callers', 200, 4);
// One record per call is bound by commit latency (about 20 ms on this machine): a smaller sample.
await run('one record per call, 16 callers', 1, 16, Math.min(total, 2000));
const [counts] = await queryRows<{ n: number; q: number }>(database.db, sql`select count(*)::int n, sum(quantity)::int q from support_activities`);
const drift = await activityTotalsDrift(database.db);
const t0 = performance.now();
await rebuildActivityTotals(database.db);
console.log(`stored ${counts!.n} records (expected ${expected}); totals drift rows vs full recount: ${drift.length}; recount took ${Math.round(performance.now() - t0)} ms`);
await database.close();
if (drift.length || counts!.n !== expected) process.exit(1);
