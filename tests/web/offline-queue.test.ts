import { describe, expect, it } from 'vitest';
import { ActivityQueue, type QueuedActivity, RejectedRecords } from '../../web/src/features/teams/offline-queue';

class MemoryStorage {
  data = new Map<string, string>();
  getItem = (k: string) => this.data.get(k) ?? null;
  setItem = (k: string, v: string) => void this.data.set(k, v);
}

/** A server that stores by clientId (like logActivities) and can be offline or lose its answer. */
function fakeServer() {
  const stored = new Map<string, QueuedActivity>();
  const state = { online: true, loseAnswer: false, calls: 0 };
  const send = async (records: QueuedActivity[]) => {
    state.calls++;
    if (!state.online) throw new TypeError('Failed to fetch');
    const bad = records.flatMap((r, index) => (r.quantity <= 0 ? [{ index, message: 'Số lượng phải là số nguyên dương.' }] : []));
    if (bad.length) throw new RejectedRecords(bad);
    records.forEach((r) => stored.set(r.clientId, r));
    if (state.loseAnswer) throw new TypeError('Network lost');
    return records.map((r) => r.clientId);
  };
  return { stored, state, send };
}

const draft = (quantity = 3) => ({ hamletCode: '90001-001', metric: 'PEOPLE_SUPPORTED', quantity, activityOn: '2025-11-10' });
let n = 0;
const ids = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;

describe('ActivityQueue', () => {
  it('keeps records while offline and sends each once when back online', async () => {
    const server = fakeServer();
    const storage = new MemoryStorage();
    const queue = new ActivityQueue(storage, server.send, 'q', ids);
    server.state.online = false;
    queue.enqueue(draft());
    queue.enqueue(draft(5));
    expect(await queue.flush()).toBe(0);
    expect(queue.pending).toBe(2);
    // a reload of the page reads the same queue
    expect(new ActivityQueue(storage, server.send, 'q').pending).toBe(2);
    server.state.online = true;
    expect(await queue.flush()).toBe(2);
    expect(queue.pending).toBe(0);
    expect(server.stored.size).toBe(2);
  });

  it('resends with the same clientId after a lost answer, so the server can count it once', async () => {
    const server = fakeServer();
    const queue = new ActivityQueue(new MemoryStorage(), server.send, 'q', ids);
    const record = queue.enqueue(draft());
    server.state.loseAnswer = true;
    await queue.flush();
    expect(queue.pending).toBe(1);
    server.state.loseAnswer = false;
    await queue.flush();
    expect(queue.pending).toBe(0);
    expect([...server.stored.keys()]).toEqual([record.clientId]);
  });

  it('sets refused records aside with the reason and sends the others', async () => {
    const server = fakeServer();
    const queue = new ActivityQueue(new MemoryStorage(), server.send, 'q', ids);
    queue.enqueue(draft(-1));
    queue.enqueue(draft(2));
    expect(await queue.flush()).toBe(1);
    expect(queue.list()).toMatchObject([{ quantity: -1, rejected: 'Số lượng phải là số nguyên dương.' }]);
    const calls = server.state.calls;
    await queue.flush();
    expect(server.state.calls).toBe(calls); // a refused record is not resent by itself
  });

  it('runs one flush at a time', async () => {
    const server = fakeServer();
    const queue = new ActivityQueue(new MemoryStorage(), server.send, 'q', ids);
    queue.enqueue(draft());
    await Promise.all([queue.flush(), queue.flush(), queue.flush()]);
    expect(server.state.calls).toBe(1);
  });
});
