/*
 * The browser's one activity queue (localStorage), sending through Apollo: it flushes when a record
 * is added, when the connection returns and every 30 s while something waits. A refusal that names
 * records (bad input) marks them; anything else (offline, server down, signed out) keeps them waiting.
 */
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { useEffect, useSyncExternalStore } from 'react';
import { apolloClient } from '../../lib/apollo';
import { LogActivitiesMutation } from './documents';
import { ActivityQueue, type QueuedActivity, RejectedRecords } from './offline-queue';

async function send(records: QueuedActivity[]): Promise<string[]> {
  try {
    const { data } = await apolloClient.mutate({
      mutation: LogActivitiesMutation,
      variables: {
        inputs: records.map((r) => ({
          clientId: r.clientId, hamletCode: r.hamletCode, metric: r.metric as never, quantity: r.quantity,
          activityOn: r.activityOn, householdCode: r.householdCode || null, campaignId: r.campaignId ?? null, note: r.note || null,
        })),
      },
    });
    return (data?.logActivities ?? []).map((l) => l.record.clientId);
  } catch (error) {
    if (CombinedGraphQLErrors.is(error)) {
      const first = error.errors[0];
      const reasons = first?.extensions?.code === 'BAD_USER_INPUT' || first?.extensions?.code === 'INVALID_INPUT'
        ? (first.extensions.errors as { index: number; message: string }[] | undefined)
        : undefined;
      if (reasons?.length) throw new RejectedRecords(reasons);
    }
    throw error;
  }
}

const memoryStorage = new Map<string, string>();
const storage = typeof localStorage !== 'undefined'
  ? localStorage
  : { getItem: (k: string) => memoryStorage.get(k) ?? null, setItem: (k: string, v: string) => void memoryStorage.set(k, v) };

export const activityQueue = new ActivityQueue(storage, send);

let snapshot = JSON.stringify(activityQueue.list());
const subscribe = (listener: () => void) => activityQueue.subscribe(listener);
const getSnapshot = () => {
  const now = JSON.stringify(activityQueue.list());
  if (now !== snapshot) snapshot = now;
  return snapshot;
};

/** Sends what waits; after anything was stored, the pages' figures are read again. */
export async function flushQueue(): Promise<number> {
  if (typeof navigator !== 'undefined' && !navigator.onLine) return 0;
  const sent = await activityQueue.flush();
  if (sent > 0) await apolloClient.refetchQueries({ include: ['TeamPage', 'TeamActivities'] });
  return sent;
}

export function useActivityQueue(): { records: QueuedActivity[]; online: boolean } {
  const text = useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
  const online = useSyncExternalStore(
    (l) => {
      window.addEventListener('online', l);
      window.addEventListener('offline', l);
      return () => {
        window.removeEventListener('online', l);
        window.removeEventListener('offline', l);
      };
    },
    () => navigator.onLine,
    () => true,
  );
  useEffect(() => {
    const flush = () => void flushQueue();
    flush();
    window.addEventListener('online', flush);
    const timer = window.setInterval(() => {
      if (activityQueue.pending > 0) flush();
    }, 30_000);
    return () => {
      window.removeEventListener('online', flush);
      window.clearInterval(timer);
    };
  }, []);
  return { records: JSON.parse(text) as QueuedActivity[], online };
}
