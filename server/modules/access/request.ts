/*
 * What every service method is given about the request it serves: `(request, …)`. The GraphQL
 * context extends these (server/graphql/context.ts), so resolvers pass `ctx` straight through;
 * scripts and tests build a plain object. No service depends on the GraphQL layer.
 */
import type { Db } from '../../db/client';
import type { SessionCookieControl } from './cookie';
import type { LoginLimiter } from './login-limits';
import type { Viewer } from './roles';

export interface ServiceRequest {
  db: Db;
  /** The signed-in user, or null for the public. */
  viewer: Viewer | null;
  /** The date "today" means for this request (Vietnam time). */
  today: string;
}

/** Signing in and out and changing one's password also need the client's address, its cookie and the login limits. */
export interface AccountRequest extends ServiceRequest {
  readonly ip: string | null;
  readonly session: SessionCookieControl;
  readonly loginLimiter: LoginLimiter;
}
