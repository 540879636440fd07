/** The database of a start: opened, migrated, and on a first start loaded with the demo data. */
// The demo seeds run the modules' services, whose GraphQL types are decorated: in the setup worker
// (and on a server database, before app.ts loads the schema) nothing else has loaded the polyfill.
import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { sql } from 'drizzle-orm';
import type { Config } from './config';
import { type Database, openDatabase, queryRows, type Tx } from './db/client';
import { migrateDatabase } from './db/migrate';
import { rebuildAncestors } from './modules/areas/queries';
import { rebuildAggregates } from './modules/indicators/aggregates';
import { todayInVietnam } from './dates';

export type Progress = (step: string, done: number, total: number) => void;

export async function isEmpty(database: Database): Promise<boolean> {
  const [row] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from areas`);
  return row?.n === 0;
}

/** The tables the seed fills with tens of thousands of rows or more. */
const LARGE_TABLES = ['households', 'residents', 'household_criteria', 'skill_assessments'];

/**
 * Truncates the (empty) large tables and every table that references them, in the seed's
 * transaction: with wal_level=minimal (the first start's worker), rows written into a table
 * truncated in the same transaction skip the write-ahead log. Nothing is truncated unless every
 * one of those tables is empty, so no data can be lost.
 */
async function truncateEmptyLargeTables(tx: Tx): Promise<void> {
  const tables = await queryRows<{ name: string }>(tx, sql`
    with recursive referencing(oid) as (
      select c.oid from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = current_schema() and c.relname in (select jsonb_array_elements_text(${JSON.stringify(LARGE_TABLES)}::jsonb))
      union
      select k.conrelid from pg_constraint k join referencing r on k.confrelid = r.oid where k.contype = 'f'
    )
    select quote_ident(relname) as name from pg_class where oid in (select oid from referencing) order by relname`);
  for (const { name } of tables) {
    const [row] = await queryRows<{ any: boolean }>(tx, sql.raw(`select exists (select 1 from ${name}) as any`));
    if (row?.any) return;
  }
  if (tables.length > 0) await tx.execute(sql.raw(`truncate ${tables.map((t) => t.name).join(', ')}`));
}

/** Loads the Cao Bằng demo data into an empty, migrated database, in one transaction. */
export async function seedDemoData(database: Database, onProgress?: Progress): Promise<void> {
  const options = { onProgress };
  const { seedDemo } = await import('../seeds/demo');
  const { seedDemoUsers } = await import('../seeds/users');
  const { seedDemoTeams } = await import('../seeds/teams');
  const { seedDemoAwards } = await import('../seeds/awards');
  // One day for every seed: the households' history and the teams' activities end on it.
  const today = todayInVietnam();
  await database.db.transaction(async (tx) => {
    // The rows are consistent by construction: no per-row foreign-key triggers for the whole load
    // (as pg_restore --disable-triggers; needs a superuser, always the case on PGlite), and sorts
    // of a few hundred thousand rows in memory. Both end with the transaction.
    const [role] = await queryRows<{ superuser: boolean }>(tx, sql`select current_setting('is_superuser') = 'on' as superuser`);
    if (role?.superuser) await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(sql`set local work_mem = '128MB'`);
    await truncateEmptyLargeTables(tx);
    await seedDemo(tx, { today, onProgress: options.onProgress });
    await seedDemoUsers(tx);
    options.onProgress?.('Tính các chỉ số tổng hợp', 0, 1);
    await rebuildAncestors(tx);
    await rebuildAggregates(tx);
    // Planner statistics: PGlite has no autovacuum, so without this the embedded database would
    // plan every query of its life on default estimates (sequential scans over 130,000 households
    // for an index lookup). ANALYZE works inside the transaction; the statistics count from commit.
    await tx.execute(sql`analyze`);
    options.onProgress?.('Tính các chỉ số tổng hợp', 1, 1);
    options.onProgress?.('Tổ công nghệ số cộng đồng, chỉ tiêu, hoạt động', 0, 1);
    await seedDemoTeams(tx, { today });
    options.onProgress?.('Tổ công nghệ số cộng đồng, chỉ tiêu, hoạt động', 1, 1);
    options.onProgress?.('Khen thưởng năm 2026: đề cử, xét duyệt, quyết định', 0, 1);
    await seedDemoAwards(tx);
    options.onProgress?.('Khen thưởng năm 2026: đề cử, xét duyệt, quyết định', 1, 1);
  });
}

/** Messages of the setup worker (server/setup-worker.ts). */
export type SetupMessage =
  | { type: 'step'; step: string; done: number; total: number }
  | { type: 'done'; seeded: boolean }
  | { type: 'error'; message: string; stack?: string };

export interface SetupWorkerData {
  dataDir: string;
  seedDemo: boolean;
}

/**
 * Opens, migrates and (when empty and `seedDemo`) seeds the PGlite database in a worker thread,
 * then closes it. PGlite runs in the thread that opened it and one data directory can be open
 * once only: the worker owns the database until it has closed it, and the caller opens it after.
 * The caller's event loop stays free meanwhile (the seed's statements run for seconds each).
 */
export function prepareInWorker(data: SetupWorkerData, onProgress?: Progress): Promise<{ seeded: boolean }> {
  const entry = new URL('./setup-worker.ts', import.meta.url).href;
  // Workers do not inherit tsx's loader: the worker registers it, then loads the TypeScript entry.
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(boot, { eval: true, workerData: data });
    let result: { seeded: boolean } | null = null;
    worker.on('message', (message: SetupMessage) => {
      if (message.type === 'step') onProgress?.(message.step, message.done, message.total);
      else if (message.type === 'done') result = { seeded: message.seeded };
      else reject(Object.assign(new Error(message.message), { stack: message.stack }));
    });
    worker.on('error', reject);
    worker.on('exit', (code) => (result ? resolve(result) : reject(new Error(`setup worker exited with ${code}`))));
  });
}

export interface PreparedDatabase {
  database: Database;
  /** The demo data was loaded by this start. */
  seeded: boolean;
}

/**
 * The database of `npm start`: migrated, and seeded with the demo data when empty (`seedDemo`).
 * An embedded database on disk that is new or empty is prepared in a worker thread (see
 * prepareInWorker); PostgreSQL and in-memory PGlite are prepared here (PostgreSQL's statements
 * run in the server, so they do not hold the event loop).
 */
export async function prepareDatabase(config: Config, onProgress?: Progress): Promise<PreparedDatabase> {
  const open = () => openDatabase({ url: config.databaseUrl, dataDir: config.pgliteDataDir, maxConnections: config.poolSize });
  const onDisk = !config.databaseUrl && !config.pgliteDataDir.startsWith('memory://');
  const worker = async () => {
    const { seeded } = await prepareInWorker({ dataDir: config.pgliteDataDir, seedDemo: config.seedDemo }, onProgress);
    return { database: await open(), seeded };
  };
  // A new data directory: creating it (initdb) is seconds of work too, so the worker does it all.
  if (onDisk && config.seedDemo && !existsSync(`${config.pgliteDataDir}/PG_VERSION`)) return worker();
  const database = await open();
  await migrateDatabase(database);
  if (!config.seedDemo || !(await isEmpty(database))) return { database, seeded: false };
  if (onDisk) {
    await database.close();
    return worker();
  }
  await seedDemoData(database, onProgress);
  return { database, seeded: true };
}
