import { startServer } from '/work/wt/web/server/app';
import { openDatabase } from '/work/wt/web/server/db/client';
import { migrateDatabase } from '/work/wt/web/server/db/migrate';
import { seedE2E } from '/work/wt/web/tests/support/e2e-fixture';
const database = await openDatabase({ dataDir: 'memory://' });
await migrateDatabase(database);
await seedE2E(database.db);
const s = await startServer({ db: database.db, port: 4000 });
console.log('ready', s.url);
