/*
 * Test databases: embedded PGlite in memory, and a fresh database on the PostgreSQL server
 * (TEST_DATABASE_URL, or 127.0.0.1:5432 when reachable), dropped afterwards. Every test file gets
 * its own database, so runs never interfere.
 */
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { type Database, openDatabase } from '../../server/db/client';
import { migrateDatabase } from '../../server/db/migrate';

export type Driver = 'pglite' | 'postgres';

const serverUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function serverReachable(): Promise<boolean> {
  const client = postgres(serverUrl, { max: 1, connect_timeout: 2, onnotice: () => {} });
  try {
    await client`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await client.end({ timeout: 1 });
  }
}

const reachable = await serverReachable();
if (!reachable && process.env.CI) throw new Error(`PostgreSQL is not reachable at ${serverUrl}; CI needs it.`);

/** The drivers to run integration tests on: always PGlite, and the server when there is one. */
export const drivers: Driver[] = reachable ? ['pglite', 'postgres'] : ['pglite'];

export interface TestDatabase extends Database {
  /** The database's URL on the PostgreSQL server (null on PGlite): for a second client, as another process would. */
  url: string | null;
  /** Counts SQL statements sent while `fn` runs. */
  countStatements<T>(fn: () => Promise<T>): Promise<{ result: T; statements: number }>;
}

export async function openTestDatabase(driver: Driver): Promise<TestDatabase> {
  let counting = false;
  let statements = 0;
  const onQuery = () => {
    if (counting) statements++;
  };
  let database: Database;
  let url: string | null = null;
  let drop = async () => {};
  if (driver === 'pglite') {
    database = await openDatabase({ dataDir: 'memory://', onQuery });
  } else {
    const name = `tds_test_${randomBytes(6).toString('hex')}`;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const address = new URL(serverUrl);
    address.pathname = `/${name}`;
    url = address.toString();
    database = await openDatabase({ url, onQuery, maxConnections: 5 });
    drop = async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  }
  await migrateDatabase(database);
  return {
    ...database,
    url,
    async close() {
      await database.close();
      await drop();
    },
    async countStatements(fn) {
      statements = 0;
      counting = true;
      try {
        return { result: await fn(), statements };
      } finally {
        counting = false;
      }
    },
  };
}
