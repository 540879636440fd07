/*
 * Keeps the indicator aggregates true in the same transaction as a change to households,
 * criteria, residents or assessments: events before and after the change are diffed and only the
 * difference is applied, so retries and edits never double-count.
 */
import type { SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import {
  type AggregateEvent, applyEvents, lockAggregates, lockHamlets, lockRecount, rebuildAllAggregates, refreshHouseholdDerived,
  selectEvents,
} from './aggregate-queries';

export { householdsByCodes, householdsByIds } from './aggregate-queries';

const eventKey = (e: AggregateEvent) => `${e.hamletId}|${e.kind}|${e.criterion}|${e.day ?? ''}`;

/** after − before, dropping what did not change. */
export function diffEvents(before: readonly AggregateEvent[], after: readonly AggregateEvent[]): AggregateEvent[] {
  const sums = new Map<string, AggregateEvent>();
  const add = (e: AggregateEvent, sign: number) => {
    const key = eventKey(e);
    const current = sums.get(key) ?? { ...e, delta: 0 };
    current.delta += sign * e.delta;
    sums.set(key, current);
  };
  before.forEach((e) => add(e, -1));
  after.forEach((e) => add(e, 1));
  return [...sums.values()].filter((e) => e.delta !== 0);
}

/**
 * Runs `change` and brings the aggregates of the households matched by `households` (a condition
 * on alias `h`, e.g. `householdsByCodes(codes)`) up to date in the same transaction.
 */
export async function withAggregates<T>(tx: Tx, households: SQL, change: () => Promise<T>): Promise<T> {
  await lockHamlets(tx, households);
  const before = await selectEvents(tx, households);
  const result = await change();
  const after = await selectEvents(tx, households);
  await refreshHouseholdDerived(tx, households);
  await lockAggregates(tx);
  await applyEvents(tx, diffEvents(before, after));
  return result;
}

/**
 * For a writer that recounts in full after its writes (bulk import): call it BEFORE the first
 * write, the order every writer follows (recount lock, then rows). Taking it only at the recount
 * would hold rows that a writer in flight (which holds the shared recount lock) may be waiting for.
 */
export async function lockForRecount(tx: Tx): Promise<void> {
  await lockRecount(tx);
}

export async function rebuildAggregates(tx: Tx): Promise<void> {
  await lockRecount(tx);
  await rebuildAllAggregates(tx);
}
