import { fileURLToPath } from 'node:url';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { Database } from './client';

const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

/** Applies the drizzle-kit migrations that have not run yet. */
export async function migrateDatabase({ db, driver }: Database): Promise<void> {
  // The two migrators take their own driver's database type; the SQL they run is the same.
  if (driver === 'pglite') await migratePglite(db as never, { migrationsFolder });
  else await migratePostgres(db as never, { migrationsFolder });
}
