import { openDatabase, queryRows } from '../server/db/client';
import { migrateDatabase } from '../server/db/migrate';
import { seedDemo } from './demo';
import { sql } from 'drizzle-orm';
const t0 = performance.now();
const database = await openDatabase({ dataDir: 'memory://' });
await migrateDatabase(database);
const t1 = performance.now();
console.log('open+migrate ms', Math.round(t1 - t0));
let last = t1;
await database.db.transaction(async (tx) => {
  await seedDemo(tx, { today: process.argv[2], onProgress: (s, d, n) => { const now = performance.now(); console.log(`${d}/${n} ${s} ${Math.round(now - last)} ms`); last = now; } });
});
console.log('seed ms', Math.round(performance.now() - t1));
for (const t of ['areas','households','residents','household_criteria','skill_assessments','criteria','criteria_sets','criteria_set_items'])
  console.log(t, (await queryRows<{n:number}>(database.db, sql.raw(`select count(*)::int n from ${t}`)))[0]?.n);
await database.close();
