/*
 * Response cache for public reads (leaderboards, maps, series are the same for every anonymous
 * visitor on a given day), as an Apollo Server plugin in the manner of
 * @apollo/server-plugin-response-cache: `responseForOperation` answers a repeated anonymous query
 * from the cache, `willSendResponse` marks the answer to keep. Answers are kept as the bytes
 * Apollo sends (through its `stringifyResult` option), so a hit is not serialized again.
 *
 * Correctness comes from invalidation: each answer is tagged with the kinds of data and the areas
 * it read (server/graphql/cache-tags.ts), and a committed write's change event (server/modules/
 * changes) drops only the answers whose tags it touches. Refused, invalid or failed requests, and
 * signing in or out, record no change and drop nothing. An answer computed while a change that
 * touches it committed is not kept. `ttlMs` is a safety net for writes that record no change.
 * Memory is bounded in bytes (least recently used answers go first), and an answer larger than
 * a fraction of the budget is never kept.
 */
import { type ApolloServerPlugin, HeaderMap } from '@apollo/server';
import type { FormattedExecutionResult } from 'graphql';
import { LRUCache } from 'lru-cache';
import type { Changes } from '../modules/changes/types';
import type { Context } from './context';

export interface ResponseCacheOptions {
  /** Budget of the kept answers, in bytes (RESPONSE_CACHE_MB; default 64 MB). */
  maxBytes?: number;
  /** The largest answer kept, as a fraction of the budget (default 1/8). */
  maxEntryFraction?: number;
  ttlMs?: number;
}

/**
 * A tag is `kind@area`: data of that kind in the subtree of that area (`households@90001`), of any
 * area (`households@*`), or anything at all (`*@*`, for a read no rule describes).
 */
export type CacheTag = string;
export const tag = (kind: string, area: string): CacheTag => `${kind}@${area}`;
export const ANYTHING: CacheTag = tag('*', '*');

interface Entry {
  body: string;
  tags: readonly CacheTag[];
}

/** What a request may store once it has its answer: only if no change touching it came meanwhile. */
export interface PendingEntry {
  key: string;
  generation: number;
}

/** How many recent changes are kept to decide whether an answer computed meanwhile may be kept. */
const RECENT_CHANGES = 256;

const splitTag = (t: CacheTag): [string, string] => {
  const at = t.indexOf('@');
  return [t.slice(0, at), t.slice(at + 1)];
};

/** Whether `changes` may have changed what an answer tagged `tags` read. */
export function touches(changes: Changes | 'everything', tags: Iterable<CacheTag>): boolean {
  if (changes === 'everything') return true;
  for (const t of tags) {
    const [kind, area] = splitTag(t);
    if (kind === '*') {
      if (Object.keys(changes).length > 0) return true;
      continue;
    }
    const areas = changes[kind as keyof Changes];
    if (areas && (areas === 'all' || area === '*' || areas.includes(area))) return true;
  }
  return false;
}

export class ResponseCache {
  private readonly entries: LRUCache<string, Entry>;
  /** kind → area → keys of the entries with that tag. */
  private readonly byTag = new Map<string, Map<string, Set<string>>>();
  private generation = 0;
  private readonly recent: { generation: number; changes: Changes | 'everything' }[] = [];
  readonly maxBytes: number;
  hits = 0;
  misses = 0;

  constructor(options: ResponseCacheOptions = {}) {
    this.maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
    this.entries = new LRUCache<string, Entry>({
      maxSize: this.maxBytes,
      maxEntrySize: Math.floor(this.maxBytes * (options.maxEntryFraction ?? 1 / 8)),
      // A JavaScript string takes up to two bytes per code unit (Vietnamese text: two).
      sizeCalculation: (entry, key) => 2 * (entry.body.length + key.length) + 64 * entry.tags.length + 256,
      ttl: options.ttlMs ?? 60_000,
      dispose: (entry, key) => this.unindex(key, entry.tags),
    });
  }

  /** Bytes the kept answers take (as counted against the budget) and how many there are. */
  get size() {
    return { bytes: this.entries.calculatedSize, entries: this.entries.size };
  }

  /** The cached answer for `key`, or the pending entry under which to store the answer to come. */
  lookup(key: string): { hit: string } | { miss: PendingEntry } {
    const entry = this.entries.get(key);
    if (entry) {
      this.hits++;
      return { hit: entry.body };
    }
    this.misses++;
    return { miss: { key, generation: this.generation } };
  }

  /** Keeps a successful answer with what it read, unless a change touching that came since its lookup. */
  store(pending: PendingEntry, body: string, tags: Iterable<CacheTag>): boolean {
    const kept = [...new Set(tags)];
    if (kept.length === 0) kept.push(ANYTHING);
    if (pending.generation !== this.generation) {
      const missed = this.generation - pending.generation;
      if (missed > this.recent.length) return false;
      if (this.recent.slice(-missed).some((change) => touches(change.changes, kept))) return false;
    }
    this.entries.set(pending.key, { body, tags: kept });
    // Refused (too large for the budget): nothing to index.
    if (!this.entries.has(pending.key)) return false;
    for (const t of kept) {
      const [kind, area] = splitTag(t);
      let areas = this.byTag.get(kind);
      if (!areas) this.byTag.set(kind, (areas = new Map()));
      let keys = areas.get(area);
      if (!keys) areas.set(area, (keys = new Set()));
      keys.add(pending.key);
    }
    return true;
  }

  /** Drops the answers a committed change may have changed. */
  invalidate(changes: Changes | 'everything'): void {
    this.generation++;
    this.recent.push({ generation: this.generation, changes });
    if (this.recent.length > RECENT_CHANGES) this.recent.shift();
    if (changes === 'everything') {
      this.entries.clear();
      return;
    }
    const doomed = new Set<string>();
    const addAll = (areas: Map<string, Set<string>> | undefined) => areas?.forEach((keys) => keys.forEach((k) => doomed.add(k)));
    const kinds = Object.entries(changes);
    if (kinds.length === 0) return;
    addAll(this.byTag.get('*'));
    for (const [kind, areas] of kinds) {
      const byArea = this.byTag.get(kind);
      if (!byArea) continue;
      if (areas === 'all') {
        addAll(byArea);
        continue;
      }
      for (const area of [...areas!, '*']) byArea.get(area)?.forEach((k) => doomed.add(k));
    }
    for (const key of doomed) this.entries.delete(key);
  }

  private unindex(key: string, tags: readonly CacheTag[]) {
    for (const t of tags) {
      const [kind, area] = splitTag(t);
      const areas = this.byTag.get(kind);
      const keys = areas?.get(area);
      if (!keys) continue;
      keys.delete(key);
      if (keys.size === 0) areas!.delete(area);
    }
  }
}

/** Answers being served from the cache (their stand-in `data`), and answers to keep once written. */
const hitBodies = new WeakMap<object, string>();
const toStore = new WeakMap<object, { cache: ResponseCache; pending: PendingEntry; tags: Set<CacheTag> }>();

/**
 * Apollo's `stringifyResult`: a cached answer is sent as the bytes kept; any other is written by
 * `stringify` (Apollo's default: JSON and a newline), and kept when the plugin marked it.
 */
export function cachingStringifyResult(stringify: (value: FormattedExecutionResult) => string) {
  return (value: FormattedExecutionResult): string => {
    const data = value.data as object | null | undefined;
    const cached = data ? hitBodies.get(data) : undefined;
    if (cached !== undefined) return cached;
    const body = stringify(value);
    const keep = data ? toStore.get(data) : undefined;
    if (keep) keep.cache.store(keep.pending, body, keep.tags);
    return body;
  };
}

/** The plugin: anonymous queries are answered from `cache` and their successful answers kept. */
export function responseCachePlugin(cache: ResponseCache): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      let pending: PendingEntry | undefined;
      let hit = false;
      return {
        async responseForOperation({ operation, source, request, contextValue }) {
          if (operation?.operation !== 'query' || !contextValue.anonymous) return null;
          const found = cache.lookup(JSON.stringify([contextValue.today, source, request.variables ?? null, request.operationName ?? null]));
          if ('miss' in found) {
            pending = found.miss;
            return null;
          }
          hit = true;
          // A stand-in for the answer's data: cachingStringifyResult sends the kept bytes for it.
          const data = {};
          hitBodies.set(data, found.hit);
          return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: { data } } };
        },
        async willSendResponse({ response, contextValue }) {
          if (hit) return void response.http.headers.set('x-cache', 'HIT');
          if (!pending) return;
          response.http.headers.set('x-cache', 'MISS');
          if (response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          if (errors || !data || (response.http.status ?? 200) !== 200) return;
          toStore.set(data, { cache, pending, tags: contextValue.cacheTags });
        },
      };
    },
  };
}
