import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { SQL } from 'drizzle-orm';
import type { Logger } from 'drizzle-orm/logger';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { watchTransactions } from './changes';
import * as schema from './schema';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything that can run a query: the database or an open transaction. */
export type Executor = Db | Tx;

export interface DbOptions {
  /** postgres:// URL; when absent the embedded PGlite database is used. */
  url?: string;
  /** PGlite data directory; `memory://` keeps it in memory (tests). */
  dataDir?: string;
  /** Called for every SQL statement sent (used to count statements in tests and benchmarks). */
  onQuery?: (query: string) => void;
  /** postgres.js pool size. */
  maxConnections?: number;
  /**
   * PostgreSQL only: statement_timeout of the pool's sessions (milliseconds; none when absent), sent
   * as a connection parameter. A request waits no longer than this for one statement.
   */
  statementTimeoutMs?: number;
  /**
   * Send every statement as a named prepared statement (postgres.js caches one per connection and
   * text): drizzle prepares only named queries, so each read would otherwise be planned again.
   * Default true; connections are recycled (max_lifetime) so the per-connection cache stays bounded.
   */
  prepareStatements?: boolean;
  /**
   * PGlite only: start with wal_level=minimal, so that rows written into a table created or
   * truncated in the same transaction skip the write-ahead log (a bulk load into an empty
   * database: the first start's seed). Later opens use the default level again.
   */
  bulkLoad?: boolean;
}

/** Runs SQL text with its parameters on a database's own client, bypassing drizzle (server/db/statement.ts). */
export type RawRunner = (text: string, params: unknown[]) => Promise<unknown[]>;
const rawRunners = new WeakMap<object, RawRunner>();

/** The raw runner of a database opened by openDatabase on postgres.js; none for PGlite or a transaction. */
export const rawRunnerOf = (executor: Executor): RawRunner | undefined => rawRunners.get(executor);

export interface Database {
  db: Db;
  driver: 'pglite' | 'postgres';
  close(): Promise<void>;
}

/** Seconds postgres.js waits for a connection to open (postgres.js `connect_timeout`). */
export const CONNECT_TIMEOUT_SECONDS = 5;

/** postgres.js `backoff`: seconds before reconnecting after `failures` failed connections in a row (jittered). */
export const reconnectDelaySeconds = (failures: number) => Math.min(0.05 * 2 ** failures, 1) * (0.5 + Math.random() / 2);

export async function openDatabase(options: DbOptions = {}): Promise<Database> {
  const logger: Logger | undefined = options.onQuery ? { logQuery: (q) => options.onQuery!(q) } : undefined;
  if (options.url) {
    const client = postgres(options.url, {
      max: options.maxConnections ?? 10,
      onnotice: () => {},
      // While PostgreSQL restarts or is out of reach, a query waits at most this long for a
      // connection (postgres.js's default is 30 s) and then fails: the API answers 503 at once.
      connect_timeout: CONNECT_TIMEOUT_SECONDS,
      // Between attempts to reopen a connection that failed: postgres.js's default grows 3× per
      // failure, shared by the pool, to 10–20 s after seven failures (a restart under load gets
      // there), and queued queries wait that long. Doubling from 50 ms to 1 s at most instead.
      backoff: reconnectDelaySeconds,
      ...(options.statementTimeoutMs ? { connection: { statement_timeout: options.statementTimeoutMs } } : {}),
    });
    if (options.prepareStatements ?? true) {
      const unsafe = client.unsafe.bind(client);
      client.unsafe = ((query: string, params?: never[], queryOptions?: { prepare?: boolean }) =>
        unsafe(query, params, { ...queryOptions, prepare: true })) as typeof client.unsafe;
    }
    const db = watchTransactions(drizzlePostgres(client, { schema, logger }) as unknown as Db, client);
    // The client drizzle configured (its type parsers: dates stay strings), and drizzle's error type:
    // rows and failures read the same either way.
    rawRunners.set(db, async (text, params) => {
      options.onQuery?.(text);
      try {
        return await client.unsafe(text, params as never[], { prepare: true });
      } catch (error) {
        throw new DrizzleQueryError(text, params, error as Error);
      }
    });
    return { db, driver: 'postgres', close: () => client.end({ timeout: 5 }) };
  }
  const dataDir = options.dataDir ?? '.data/pglite';
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const startParams = options.bulkLoad
    ? [...(PGlite as unknown as { defaultStartParams: string[] }).defaultStartParams, '-c', 'wal_level=minimal', '-c', 'max_wal_senders=0']
    : undefined;
  const client = await PGlite.create(dataDir, startParams ? { startParams } : {});
  const db = watchTransactions(drizzlePglite(client, { schema, logger }) as unknown as Db, null);
  return { db, driver: 'pglite', close: () => client.close() };
}

/** Rows of a raw SQL statement, whichever driver runs it (PGlite wraps them, postgres.js does not). */
export async function queryRows<T>(executor: Executor, query: SQL): Promise<T[]> {
  const result = (await executor.execute(query)) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}
