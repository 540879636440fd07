import type { Db } from '../db/client';
import { noCookies, type SessionCookieControl } from '../modules/access/cookie';
import { LoginLimiter } from '../modules/access/login-limits';
import { createAreaLoaders } from '../modules/areas/loaders';
import { createIndicatorLoaders } from '../modules/indicators/loaders';
import { todayInVietnam } from '../dates';
import type { AccountRequest } from '../modules/access/request';
import type { Viewer } from '../modules/access/roles';
import type { CacheTag } from './response-cache';

/** A GraphQL request: what services are given (AccountRequest ⊃ ServiceRequest), and its DataLoaders. */
export interface Context extends AccountRequest {
  loaders: ReturnType<typeof createAreaLoaders> & ReturnType<typeof createIndicatorLoaders>;
  /** No session (and no Authorization header): the answer is the public's, and may be cached. */
  anonymous: boolean;
  /** What this request's answer was computed from (server/graphql/cache-tags.ts). */
  cacheTags: Set<CacheTag>;
}

export interface RequestInfo {
  /** The client's address, or how to find it (asked only when something records it). */
  ip?: string | null | (() => string | null);
  session?: SessionCookieControl;
  loginLimiter?: LoginLimiter;
  /** Default: no viewer. */
  anonymous?: boolean;
}

let sharedLimiter: LoginLimiter | undefined;

type Loaders = Context['loaders'];

/*
 * A request's context. The DataLoaders are made on first use: most requests (a leaderboard, a
 * series) never batch anything. They live on the prototype's getter, not as an own property,
 * because Apollo copies the context's own properties for each operation (which would call it).
 */
class RequestContext implements Context {
  today = todayInVietnam();
  session: SessionCookieControl;
  loginLimiter: LoginLimiter;
  anonymous: boolean;
  cacheTags = new Set<CacheTag>();
  private madeLoaders: Loaders | undefined = undefined;
  private address: string | null | (() => string | null);

  constructor(readonly db: Db, readonly viewer: Viewer | null, request: RequestInfo) {
    this.address = request.ip ?? viewer?.ip ?? null;
    this.session = request.session ?? noCookies;
    this.loginLimiter = request.loginLimiter ?? (sharedLimiter ??= new LoginLimiter());
    this.anonymous = request.anonymous ?? viewer === null;
  }

  get ip(): string | null {
    if (typeof this.address === 'function') this.address = this.address();
    return this.address;
  }

  get loaders(): Loaders {
    return (this.madeLoaders ??= { ...createAreaLoaders(this.db), ...createIndicatorLoaders(this.db) });
  }
}

export function createContext(db: Db, viewer: Viewer | null = null, request: RequestInfo = {}): Context {
  return new RequestContext(db, viewer, request);
}
