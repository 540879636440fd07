/*
 * The session cookie: an opaque random token, HttpOnly (scripts cannot read it), SameSite=Lax
 * (not sent on cross-site POSTs), Secure in production (HTTPS only), Path=/.
 */
import { createHash, randomBytes } from 'node:crypto';
import { parse, serialize } from 'cookie';

export const SESSION_COOKIE = 'tds_session';
export const SESSION_HOURS = 12;

export const newSessionToken = () => randomBytes(32).toString('base64url');
export const hashSessionToken = (token: string) => createHash('sha256').update(token).digest('hex');

export function readSessionToken(cookieHeader: string | undefined): string | null {
  if (!cookieHeader) return null;
  const token = parse(cookieHeader)[SESSION_COOKIE];
  return token && /^[A-Za-z0-9_-]{20,100}$/.test(token) ? token : null;
}

export function sessionCookie(token: string, expiresAt: Date, secure: boolean): string {
  return serialize(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, path: '/', expires: expiresAt });
}

export function clearedSessionCookie(secure: boolean): string {
  return serialize(SESSION_COOKIE, '', { httpOnly: true, sameSite: 'lax', secure, path: '/', expires: new Date(0) });
}

/** What a resolver may do with the cookie of the request it serves. */
export interface SessionCookieControl {
  /** The token the request came with, if any. */
  token: string | null;
  set(token: string, expiresAt: Date): void;
  clear(): void;
}

export const noCookies: SessionCookieControl = { token: null, set: () => {}, clear: () => {} };
