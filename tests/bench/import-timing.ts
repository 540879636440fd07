/**
 * Times an import statement by statement: npx tsx tests/bench/import-timing.ts <dir> [postgres-url]
 * Imports <dir>/areas.csv then <dir>/households.csv twice (insert, then re-import) into a fresh
 * in-memory PGlite (or the given database) and prints the slowest statements.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../server/db/client';
import { migrateDatabase } from '../../server/db/migrate';
import { importCsv } from '../../server/modules/imports/service';

const [dir = 'tests/artifacts/import-bench', url] = process.argv.slice(2);
let last = performance.now();
let lastQuery = '';
const slow: { ms: number; query: string }[] = [];
const database = await openDatabase({
  url, dataDir: 'memory://',
  onQuery: (query) => {
    const now = performance.now();
    slow.push({ ms: now - last, query: lastQuery.replace(/\s+/g, ' ').slice(0, 110) });
    last = now;
    lastQuery = query;
  },
});
await migrateDatabase(database);
for (const file of ['areas.csv', 'households.csv', 'households.csv']) {
  slow.length = 0;
  const started = performance.now();
  last = started;
  const result = await importCsv(database.db, readFileSync(join(dir, file), 'utf8'));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`${file} (${database.driver}): ${seconds} s, inserted ${result.inserted}, updated ${result.updated}, errors ${result.errors.length}`);
  for (const s of slow.sort((a, b) => b.ms - a.ms).slice(0, 4)) console.log(`  ${(s.ms / 1000).toFixed(2)} s before: ${s.query}`);
}
await database.close();
