/*
 * A response cache for public reads (leaderboards, maps, series are the same for every anonymous
 * visitor on a given day). Correctness comes from invalidation, not from expiry: the cache is
 * emptied after every transaction of the database (all writes run in one) and after every
 * GraphQL mutation, and an entry is stored only if nothing was invalidated while it was computed.
 * `ttlMs` only bounds staleness from writers in OTHER processes (e.g. the import CLI).
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { type DocumentNode, Kind, parse } from 'graphql';

export interface ResponseCacheOptions {
  maxEntries?: number;
  ttlMs?: number;
}

interface Entry {
  body: string;
  contentType: string;
  expires: number;
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

  /** Serves `key` from the cache, or lets the request through and stores its successful response. */
  serve(req: Request, res: Response, next: NextFunction, key: string): void {
    const entry = this.entries.get(key);
    if (entry && entry.expires > Date.now()) {
      this.hits++;
      res.status(200).type(entry.contentType).set('X-Cache', 'HIT').send(entry.body);
      return;
    }
    this.misses++;
    const generation = this.generation;
    const end = res.end.bind(res) as (...args: unknown[]) => Response;
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      const contentType = String(res.getHeader('content-type') ?? '');
      if (res.statusCode === 200 && generation === this.generation && contentType.includes('json')
        && (typeof chunk === 'string' || Buffer.isBuffer(chunk))) {
        const body = chunk.toString();
        if (!body.includes('"errors"')) this.store(key, { body, contentType, expires: Date.now() + this.ttlMs });
      }
      return end(chunk, ...rest);
    }) as Response['end'];
    res.set('X-Cache', 'MISS');
    next();
  }

  private store(key: string, entry: Entry) {
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, entry);
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
const anonymous = (req: Request) => !req.headers.authorization && !req.headers.cookie;

/** For POST /graphql after express.json(): caches public queries, invalidates after mutations. */
export function graphqlResponseCache(cache: ResponseCache, today: () => string): RequestHandler {
  return (req, res, next) => {
    const body = req.body as { query?: unknown; variables?: unknown; operationName?: unknown } | undefined;
    if (req.method !== 'POST' || typeof body?.query !== 'string') return next();
    const operationName = typeof body.operationName === 'string' ? body.operationName : undefined;
    const type = cache.operationType(body.query, operationName);
    if (type !== 'query') {
      if (type !== null) res.on('finish', () => cache.invalidate());
      return next();
    }
    if (!anonymous(req)) return next();
    cache.serve(req, res, next, JSON.stringify([today(), body.query, body.variables ?? null, operationName ?? null]));
  };
}

/** For GET routes whose answer depends only on the URL (GeoJSON). */
export function urlResponseCache(cache: ResponseCache): RequestHandler {
  return (req, res, next) => (req.method === 'GET' && anonymous(req) ? cache.serve(req, res, next, `GET ${req.originalUrl}`) : next());
}
