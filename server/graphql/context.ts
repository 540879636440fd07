import type { Db } from '../db/client';
import { noCookies, type SessionCookieControl } from '../modules/access/cookie';
import { LoginLimiter } from '../modules/access/login-limits';
import { createAreaLoaders } from '../modules/areas/loaders';
import { createIndicatorLoaders } from '../modules/indicators/loaders';
import { todayInVietnam } from '../dates';
import type { AccountRequest } from '../modules/access/request';
import type { Viewer } from '../modules/access/roles';

/** A GraphQL request: what services are given (AccountRequest ⊃ ServiceRequest), and its DataLoaders. */
export interface Context extends AccountRequest {
  loaders: ReturnType<typeof createAreaLoaders> & ReturnType<typeof createIndicatorLoaders>;
}

export interface RequestInfo {
  /** The client's address, or how to find it (asked only when something records it). */
  ip?: string | null | (() => string | null);
  session?: SessionCookieControl;
  loginLimiter?: LoginLimiter;
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
  private madeLoaders: Loaders | undefined = undefined;
  private address: string | null | (() => string | null);

  constructor(readonly db: Db, readonly viewer: Viewer | null, request: RequestInfo) {
    this.address = request.ip ?? viewer?.ip ?? null;
    this.session = request.session ?? noCookies;
    this.loginLimiter = request.loginLimiter ?? (sharedLimiter ??= new LoginLimiter());
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
