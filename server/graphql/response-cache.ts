/*
 * A response cache for public reads (leaderboards, maps, series are the same for every anonymous
 * visitor on a given day). Correctness comes from invalidation, not from expiry: the cache is
 * emptied after every transaction of the database (all writes run in one) and after every
 * GraphQL mutation, and an entry is stored only if nothing was invalidated while it was computed.
 * `ttlMs` only bounds staleness from writers in OTHER processes (e.g. the import CLI).
 */
import type { IncomingHttpHeaders } from 'node:http';
import { type DocumentNode, Kind, parse } from 'graphql';

export interface ResponseCacheOptions {
  maxEntries?: number;
  ttlMs?: number;
}

export interface CachedResponse {
  body: string;
  contentType: string;
}

interface Entry extends CachedResponse {
  expires: number;
}

/** What a request may store once it has its answer: only if nothing was invalidated meanwhile. */
export interface PendingEntry {
  key: string;
  generation: number;
}

export class ResponseCache {
  private generation = 0;
  private readonly entries = new Map<string, Entry>();
  private readonly documents = new Map<string, DocumentNode | null>();
  readonly maxEntries: number;
  readonly ttlMs: number;
  hits = 0;
  misses = 0;

  constructor(options: ResponseCacheOptions = {}) {
    this.maxEntries = options.maxEntries ?? 5_000;
    this.ttlMs = options.ttlMs ?? 60_000;
  }

  invalidate(): void {
    this.generation++;
    this.entries.clear();
  }

  /** The cached answer for `key`, or the pending entry under which to store the answer to come. */
  lookup(key: string): { hit: CachedResponse } | { miss: PendingEntry } {
    const entry = this.entries.get(key);
    if (entry && entry.expires > Date.now()) {
      this.hits++;
      return { hit: entry };
    }
    this.misses++;
    return { miss: { key, generation: this.generation } };
  }

  /** Stores a successful JSON answer, unless the cache was invalidated since its lookup. */
  store(pending: PendingEntry, response: CachedResponse): void {
    if (pending.generation !== this.generation || !response.contentType.includes('json') || response.body.includes('"errors"')) return;
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(pending.key, { ...response, expires: Date.now() + this.ttlMs });
  }

  /** The operation a GraphQL request runs, or null when it cannot be told (not cached). */
  operationType(query: string, operationName: string | undefined): string | null {
    let document = this.documents.get(query);
    if (document === undefined) {
      try {
        document = parse(query);
      } catch {
        document = null;
      }
      if (this.documents.size >= this.maxEntries) this.documents.clear();
      this.documents.set(query, document);
    }
    if (!document) return null;
    const operations = document.definitions.flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION ? [d] : []));
    const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
    return operation?.operation ?? null;
  }
}

/** Anonymous requests only: a signed-in viewer may see more than the public. */
export const isAnonymous = (headers: IncomingHttpHeaders) => !headers.authorization && !headers.cookie;

export interface GraphqlCachePlan {
  /** Serve from or store into the cache under this entry (a public query). */
  pending?: PendingEntry;
  hit?: CachedResponse;
  /** A mutation (or anything but a query): empty the cache once it has answered. */
  invalidateAfter: boolean;
}

/** What the cache does with a POSTed GraphQL request: public queries are cached, mutations invalidate. */
export function planGraphqlRequest(cache: ResponseCache, body: unknown, headers: IncomingHttpHeaders, today: string): GraphqlCachePlan {
  const request = body as { query?: unknown; variables?: unknown; operationName?: unknown } | undefined;
  if (typeof request?.query !== 'string') return { invalidateAfter: false };
  const operationName = typeof request.operationName === 'string' ? request.operationName : undefined;
  const type = cache.operationType(request.query, operationName);
  if (type !== 'query') return { invalidateAfter: type !== null };
  if (!isAnonymous(headers)) return { invalidateAfter: false };
  const found = cache.lookup(JSON.stringify([today, request.query, request.variables ?? null, operationName ?? null]));
  return 'hit' in found ? { hit: found.hit, invalidateAfter: false } : { pending: found.miss, invalidateAfter: false };
}
