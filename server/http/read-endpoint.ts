/*
 * The frame of the endpoints served on plain node:http (GraphQL, GeoJSON): security headers,
 * compression (the `compression` middleware) for clients that accept it, 503 while the server
 * starts, and an answer for errors.
 * Express keeps the SPA, files and PDFs; for these hot endpoints its per-request machinery cost
 * as much CPU as the work itself (docs/benchmarks.md).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import compression from 'compression';
import type { Db } from '../db/client';
import { DATABASE_RETRY_AFTER_SECONDS, DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from '../errors';
import { BodyError, errorBody, sendJson } from './json-body';

export type Middleware = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

export interface EndpointFrame {
  /** Sent with every answer (apiSecurityHeaders). */
  headers: ReadonlyArray<readonly [string, string]>;
  /** The database once it is open; null while the server starts. */
  database: () => Db | null;
  /** While it returns a message, answer 503 with it (first start, demo data loading). */
  startingUp: () => string | null;
}

const run = (middleware: Middleware, req: IncomingMessage, res: ServerResponse) =>
  new Promise<void>((resolve, reject) => middleware(req, res, (error) => (error ? reject(error) : resolve())));

/** Wraps `handle` (which gets the open database) in the frame. */
export function readEndpoint(frame: EndpointFrame, handle: (req: IncomingMessage, res: ServerResponse, db: Db) => Promise<void>) {
  const compress = compression() as unknown as Middleware;
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      for (const [name, value] of frame.headers) res.setHeader(name, value);
      // Only a client that accepts compression gets it; for the others the middleware would only add work.
      if (req.headers['accept-encoding']) await run(compress, req, res);
      const message = frame.startingUp();
      const db = frame.database();
      if (message !== null || !db) {
        req.resume();
        sendJson(res, 503, errorBody(`${message ?? 'Đang khởi động'}…`, 'STARTING_UP'), { 'Retry-After': '2' });
        return;
      }
      await handle(req, res, db);
    } catch (error) {
      if (res.headersSent) return void res.destroy();
      if (error instanceof BodyError) {
        // An unread body (too large) would otherwise be read as the next request on this connection.
        sendJson(res, error.status, errorBody(error.message, error.code), error.status === 413 ? { Connection: 'close' } : {});
        return;
      }
      if (isDatabaseUnavailable(error)) {
        sendJson(res, 503, errorBody(DATABASE_UNAVAILABLE_MESSAGE, 'DATABASE_UNAVAILABLE'), { 'Retry-After': String(DATABASE_RETRY_AFTER_SECONDS) });
        return;
      }
      console.error(error);
      sendJson(res, 500, errorBody('Đã xảy ra lỗi trên máy chủ. Vui lòng thử lại sau.', 'INTERNAL_SERVER_ERROR'));
    }
  };
}
