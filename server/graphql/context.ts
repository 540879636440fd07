import type { Db } from '../db/client';
import { noCookies, type SessionCookieControl } from '../modules/access/cookie';
import { LoginLimiter } from '../modules/access/login-limits';
import { createAreaLoaders } from '../modules/areas/loaders';
import { createIndicatorLoaders } from '../modules/indicators/loaders';
import { todayInVietnam } from '../modules/indicators/periods';
import type { Viewer } from '../modules/access/roles';

export interface Context {
  db: Db;
  /** The date "today" means for this request (Vietnam time). */
  today: string;
  /** The signed-in user, or null for the public. */
  viewer: Viewer | null;
  /** The client's address (for the audit log and login limits). */
  ip: string | null;
  /** The session cookie of this request: sign-in sets it, sign-out clears it. */
  session: SessionCookieControl;
  loginLimiter: LoginLimiter;
  loaders: ReturnType<typeof createAreaLoaders> & ReturnType<typeof createIndicatorLoaders>;
}

export interface RequestInfo {
  ip?: string | null;
  session?: SessionCookieControl;
  loginLimiter?: LoginLimiter;
}

let sharedLimiter: LoginLimiter | undefined;

export function createContext(db: Db, viewer: Viewer | null = null, request: RequestInfo = {}): Context {
  return {
    db,
    viewer,
    ip: request.ip ?? viewer?.ip ?? null,
    session: request.session ?? noCookies,
    loginLimiter: request.loginLimiter ?? (sharedLimiter ??= new LoginLimiter()),
    today: todayInVietnam(),
    loaders: { ...createAreaLoaders(db), ...createIndicatorLoaders(db) },
  };
}
