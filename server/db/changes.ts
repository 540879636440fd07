/*
 * How change events (server/modules/changes: what changed, where) travel. A write service records
 * its changes inside its transaction (recordChange → addChange); when the transaction commits,
 * this process's listeners hear of them, and a rolled-back transaction is never heard of. On
 * PostgreSQL the other processes (more API workers, the import CLI) hear of them too: a
 * transaction that recorded changes ends with a NOTIFY carrying them, which PostgreSQL delivers
 * at commit and never for a rolled-back one, and every server LISTENs. A notification comes a
 * moment after the commit (on loopback, well under a millisecond); when the listening connection
 * drops and comes back, listeners hear `everything`.
 * A transaction that records nothing (a sign-in, a refused write) notifies nothing.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type postgres from 'postgres';
import { type ChangeKind, type ChangeListener, type Changes, isChangeKind } from '../modules/changes/types';
import type { Db, Tx } from './client';

export const CHANGES_CHANNEL = 'tds_changes';

/** PostgreSQL refuses a NOTIFY payload of 8000 bytes or more; past this, areas are dropped (every area). */
export const MAX_PAYLOAD_BYTES = 7_000;

/** What one open transaction has recorded so far: per kind, area codes or every area. */
type Pending = Map<ChangeKind, Set<string> | 'all'>;

const pendingOf = new WeakMap<object, Pending>();
const localListeners = new WeakMap<object, Set<ChangeListener>>();
/** The client to LISTEN on, and the name this database signs its notifications with (its own are heard locally already). */
const listenClients = new WeakMap<object, { client: postgres.Sql; origin: string }>();

/** Adds to what `tx` changes (server/modules/changes/service.ts recordChange). */
export function addChange(tx: Tx, kinds: readonly ChangeKind[], areas: readonly string[] | 'all'): void {
  const pending = pendingOf.get(tx);
  if (!pending) throw new Error('recordChange: not inside a transaction of a database opened with openDatabase');
  for (const kind of kinds) {
    const current = pending.get(kind);
    if (current === 'all') continue;
    if (areas === 'all') pending.set(kind, 'all');
    else pending.set(kind, new Set([...(current ?? []), ...areas]));
  }
}

const toChanges = (pending: Pending): Changes =>
  Object.fromEntries([...pending].map(([kind, areas]) => [kind, areas === 'all' ? 'all' : [...areas]]));

/** The NOTIFY payload: the changes, or only their kinds (every area) when the areas would not fit. */
export function encodeChanges(origin: string, changes: Changes): string {
  const payload = JSON.stringify({ origin, changes });
  if (Buffer.byteLength(payload) < MAX_PAYLOAD_BYTES) return payload;
  return JSON.stringify({ origin, changes: Object.fromEntries(Object.keys(changes).map((kind) => [kind, 'all'])) });
}

/** The changes of a payload; `everything` for one this version cannot read. */
export function decodeChanges(payload: string): { origin: string | null; changes: Changes | 'everything' } {
  try {
    const { origin, changes } = JSON.parse(payload) as { origin?: unknown; changes?: Record<string, unknown> };
    if (typeof origin !== 'string' || !changes || typeof changes !== 'object') return { origin: null, changes: 'everything' };
    const read: Changes = {};
    for (const [kind, areas] of Object.entries(changes)) {
      if (!isChangeKind(kind)) return { origin, changes: 'everything' };
      if (areas === 'all') read[kind] = 'all';
      else if (Array.isArray(areas) && areas.every((a) => typeof a === 'string')) read[kind] = areas as string[];
      else return { origin, changes: 'everything' };
    }
    return { origin, changes: read };
  } catch {
    return { origin: null, changes: 'everything' };
  }
}

/**
 * Registers `tx` as recording into `pending`, and so its nested transactions (savepoints): their
 * changes are heard of when the outermost transaction commits (a rolled-back savepoint's too, which
 * only drops a few more answers than needed).
 */
function register(tx: Tx, pending: Pending): void {
  pendingOf.set(tx, pending);
  const nested = tx.transaction.bind(tx);
  tx.transaction = ((run: Parameters<Tx['transaction']>[0]) => nested(async (inner) => {
    register(inner, pending);
    return run(inner);
  })) as Tx['transaction'];
}

/** Wraps `db.transaction` so that recorded changes are heard of at commit, here and (PostgreSQL) in other processes. */
export function watchTransactions(db: Db, client: postgres.Sql | null): Db {
  const listeners = new Set<ChangeListener>();
  localListeners.set(db, listeners);
  const origin = randomUUID();
  if (client) listenClients.set(db, { client, origin });
  const transaction = db.transaction.bind(db);
  db.transaction = (async (run: Parameters<Db['transaction']>[0], config?: Parameters<Db['transaction']>[1]) => {
    let committed = null as Changes | null;
    const result = await transaction(async (tx) => {
      const pending: Pending = new Map();
      register(tx, pending);
      const value = await run(tx);
      if (pending.size > 0) {
        committed = toChanges(pending);
        if (client) await tx.execute(sql`select pg_notify(${CHANGES_CHANNEL}, ${encodeChanges(origin, committed)})`);
      }
      return value;
    }, config);
    // Reached only once the transaction has committed (a rollback throws above).
    if (committed) for (const listener of listeners) listener(committed);
    return result;
  }) as Db['transaction'];
  return db;
}

/**
 * Calls `listener` after every committed transaction that recorded changes, in this process and
 * (PostgreSQL) in any other; with `everything` whenever listening (re)starts. Nothing to hear
 * from elsewhere on PGlite: the embedded database has one process.
 */
export async function onChanges(db: Db, listener: ChangeListener): Promise<() => Promise<void>> {
  const listeners = localListeners.get(db);
  if (!listeners) throw new Error('onChange: database not opened with openDatabase');
  listeners.add(listener);
  const listening = listenClients.get(db);
  let unlisten = async () => {};
  if (listening) {
    ({ unlisten } = await listening.client.listen(CHANGES_CHANNEL, (payload) => {
      const { origin, changes } = decodeChanges(payload);
      if (origin !== listening.origin) listener(changes);
    }, () => listener('everything')));
  }
  return async () => {
    listeners.delete(listener);
    await unlisten();
  };
}
