/*
 * When data may have changed, for the caches of public reads. In this process: after every
 * transaction (every write path runs in one: withAggregates needs it). On PostgreSQL, other
 * processes (more API workers, the import CLI) hear of it too: each transaction ends with a
 * NOTIFY, which PostgreSQL delivers at commit and never for a rolled-back one, and every server
 * LISTENs. A notification comes a moment after the commit (on loopback, well under a millisecond),
 * so another process may answer from its cache within that moment; when its listening connection
 * drops and comes back, it assumes everything changed.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type postgres from 'postgres';
import type { Db } from './client';

export const CHANGES_CHANNEL = 'tds_changes';

const localListeners = new WeakMap<object, Set<() => void>>();
/** The client to LISTEN on, and the name this database signs its notifications with (its own are heard locally already). */
const listenClients = new WeakMap<object, { client: postgres.Sql; origin: string }>();

/** Wraps `db.transaction` so that listeners hear of every end, and (PostgreSQL) other processes of every commit. */
export function watchTransactions(db: Db, client: postgres.Sql | null): Db {
  const listeners = new Set<() => void>();
  localListeners.set(db, listeners);
  const origin = randomUUID();
  if (client) listenClients.set(db, { client, origin });
  const transaction = db.transaction.bind(db);
  db.transaction = (async (run: Parameters<Db['transaction']>[0], config?: Parameters<Db['transaction']>[1]) => {
    try {
      return await transaction(async (tx) => {
        const result = await run(tx);
        if (client) await tx.execute(sql`select pg_notify(${CHANGES_CHANNEL}, ${origin})`);
        return result;
      }, config);
    } finally {
      listeners.forEach((listener) => listener());
    }
  }) as Db['transaction'];
  return db;
}

/** Calls `listener` after every transaction of `db` in this process ends (committed or not). */
export function onTransactionEnd(db: Db, listener: () => void): () => void {
  const listeners = localListeners.get(db);
  if (!listeners) throw new Error('onTransactionEnd: database not opened with openDatabase');
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Calls `listener` after every transaction committed by another process, and whenever listening
 * (re)starts. Nothing to hear on PGlite: the embedded database has one process.
 */
export async function onCommitElsewhere(db: Db, listener: () => void): Promise<() => Promise<void>> {
  const listening = listenClients.get(db);
  if (!listening) return async () => {};
  const { unlisten } = await listening.client.listen(CHANGES_CHANNEL,
    (origin) => origin !== listening.origin && listener(), () => listener());
  return unlisten;
}
