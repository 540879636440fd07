/**
 * Seeds a fresh in-memory PGlite database and prints the time of each step and the rows inserted:
 *
 *   npx tsx seeds/bench-demo.ts [today]
 *
 * CPU time is printed too: wall-clock time depends on what else the machine is doing.
 */
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows } from '../server/db/client';
import { migrateDatabase } from '../server/db/migrate';
import { seedDemo } from './demo';

const cpuMs = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const t0 = performance.now();
const c0 = cpuMs();
const database = await openDatabase({ dataDir: 'memory://' });
await migrateDatabase(database);
const t1 = performance.now();
const c1 = cpuMs();
console.log(`open + migrate: ${Math.round(t1 - t0)} ms wall, ${Math.round(c1 - c0)} ms CPU`);
let last = t1;
let lastCpu = c1;
await database.db.transaction(async (tx) => {
  await seedDemo(tx, {
    today: process.argv[2],
    onProgress: (step, done, total) => {
      const now = performance.now();
      const cpu = cpuMs();
      console.log(`${done}/${total} ${step}: ${Math.round(now - last)} ms wall, ${Math.round(cpu - lastCpu)} ms CPU`);
      last = now;
      lastCpu = cpu;
    },
  });
});
console.log(`seed (incl. commit): ${Math.round(performance.now() - t1)} ms wall, ${Math.round(cpuMs() - c1)} ms CPU`);
let rows = 0;
for (const table of ['areas', 'criteria', 'criteria_sets', 'criteria_set_items', 'households', 'residents', 'household_criteria', 'skill_assessments']) {
  const [row] = await queryRows<{ n: number }>(database.db, sql.raw(`select count(*)::int as n from ${table}`));
  rows += row?.n ?? 0;
  console.log(`${table}: ${row?.n}`);
}
console.log(`total rows: ${rows}`);
await database.close();
