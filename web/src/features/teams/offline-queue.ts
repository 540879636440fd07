/*
 * The offline queue of the phone-first activity form: records are kept in the browser (localStorage)
 * with their client-generated id until the server has acknowledged them, so a village with no
 * signal loses nothing and a retry after a lost answer counts once (the server dedupes by clientId).
 */

export interface ActivityDraft {
  hamletCode: string;
  metric: string;
  quantity: number;
  activityOn: string;
  householdCode?: string | null;
  campaignId?: number | null;
  note?: string | null;
}

export interface QueuedActivity extends ActivityDraft {
  clientId: string;
  queuedAt: string;
  /** Set when the server refused the record (bad input): it waits for the user, not for the network. */
  rejected?: string;
}

export interface QueueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** Sends records; resolves with the client ids the server has stored (new or duplicate). */
export type SendActivities = (records: QueuedActivity[]) => Promise<string[]>;

/** A refusal of specific records (by index in the batch), as opposed to a network failure. */
export class RejectedRecords extends Error {
  constructor(readonly reasons: { index: number; message: string }[]) {
    super(reasons.map((r) => r.message).join(' '));
  }
}

const BATCH = 100;

export class ActivityQueue {
  private listeners = new Set<() => void>();
  private flushing: Promise<number> | null = null;

  constructor(
    private readonly storage: QueueStorage,
    private readonly send: SendActivities,
    private readonly key = 'thi-dua-so.activity-queue.v1',
    private readonly newId: () => string = () => crypto.randomUUID(),
  ) {}

  list(): QueuedActivity[] {
    try {
      return JSON.parse(this.storage.getItem(this.key) ?? '[]') as QueuedActivity[];
    } catch {
      return [];
    }
  }

  /** Records not yet acknowledged by the server (rejected ones included: they are not sent either). */
  get pending(): number {
    return this.list().length;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private save(records: QueuedActivity[]) {
    this.storage.setItem(this.key, JSON.stringify(records));
    this.listeners.forEach((l) => l());
  }

  /** Keeps the record in the browser first, then it is ready to send. */
  enqueue(draft: ActivityDraft, now = new Date()): QueuedActivity {
    const record: QueuedActivity = { ...draft, clientId: this.newId(), queuedAt: now.toISOString() };
    this.save([...this.list(), record]);
    return record;
  }

  remove(clientId: string) {
    this.save(this.list().filter((r) => r.clientId !== clientId));
  }

  /** Sends what waits (one flush at a time); returns how many records the server acknowledged. */
  flush(): Promise<number> {
    this.flushing ??= this.doFlush().finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  private async doFlush(): Promise<number> {
    let acknowledged = 0;
    for (;;) {
      const batch = this.list().filter((r) => !r.rejected).slice(0, BATCH);
      if (batch.length === 0) return acknowledged;
      try {
        const stored = new Set(await this.send(batch));
        acknowledged += stored.size;
        this.save(this.list().filter((r) => !stored.has(r.clientId)));
        if (stored.size === 0) return acknowledged;
      } catch (error) {
        if (!(error instanceof RejectedRecords)) return acknowledged; // offline or server down: keep everything
        const reasons = new Map(error.reasons.map((r) => [batch[r.index]?.clientId, r.message]));
        this.save(this.list().map((r) => (reasons.has(r.clientId) ? { ...r, rejected: reasons.get(r.clientId) } : r)));
        if (reasons.size === 0) return acknowledged;
      }
    }
  }
}
