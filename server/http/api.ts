/*
 * The frame of the JSON endpoints (/graphql, /api/…) under Express: the API's security headers,
 * 503 while the server starts, the body parser's refusals and unknown paths as GraphQL-shaped
 * answers in Vietnamese.
 */
import express, { type ErrorRequestHandler, type RequestHandler, type Response } from 'express';
import { DATABASE_RETRY_AFTER_SECONDS, DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from '../errors';

export const BODY_LIMIT_BYTES = 100 * 1024;

export const errorBody = (message: string, code: string) => ({ errors: [{ message, extensions: { code } }] });

const sendError = (res: Response, status: number, message: string, code: string) => void res.status(status).json(errorBody(message, code));

/** Sets the API's headers (server/http/security-headers.ts apiSecurityHeaders) on every answer. */
export function apiHeaders(headers: ReadonlyArray<readonly [string, string]>): RequestHandler {
  return (_req, res, next) => {
    for (const [name, value] of headers) res.setHeader(name, value);
    next();
  };
}

/** While `startingUp` returns a message (or the database is not open yet), answers 503 with it. */
export function startingUpGate(startingUp: () => string | null, open: () => boolean): RequestHandler {
  return (_req, res, next) => {
    const message = startingUp();
    if (message === null && open()) return next();
    res.set('Retry-After', '2');
    sendError(res, 503, `${message ?? 'Đang khởi động'}…`, 'STARTING_UP');
  };
}

/**
 * The JSON body of a GraphQL request (express.json): at most 100 KB, UTF-8, not compressed. A body
 * sent as anything else is left empty, and Apollo refuses the request (its CSRF prevention).
 */
export function jsonBody(): RequestHandler[] {
  const parse = express.json({ limit: BODY_LIMIT_BYTES, inflate: false });
  return [parse, (req, _res, next) => {
    req.body ??= {};
    next();
  }];
}

const BODY_ERRORS: Record<string, [number, string]> = {
  'entity.too.large': [413, `Yêu cầu quá lớn (tối đa ${BODY_LIMIT_BYTES / 1024} KB).`],
  'entity.parse.failed': [400, 'Yêu cầu không hợp lệ: nội dung phải là JSON.'],
  'charset.unsupported': [415, 'Yêu cầu phải dùng bảng mã UTF-8.'],
  'encoding.unsupported': [415, 'Nội dung yêu cầu không được nén.'],
};

/** Errors of the API routes: the body parser's refusals in Vietnamese, anything else a 500 without details. */
export const apiErrors: ErrorRequestHandler = (error: { type?: string; status?: number }, _req, res, next) => {
  if (res.headersSent) return next(error);
  const known = error.type ? BODY_ERRORS[error.type] : undefined;
  if (known) {
    // An unread body (too large) would otherwise be read as the next request on this connection.
    if (known[0] === 413) res.set('Connection', 'close');
    return sendError(res, known[0], known[1], known[0] === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST');
  }
  if (error.status && error.status >= 400 && error.status < 500) {
    return sendError(res, 400, 'Yêu cầu không hợp lệ: không đọc được nội dung.', 'BAD_REQUEST');
  }
  if (isDatabaseUnavailable(error)) {
    res.set('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
    return sendError(res, 503, DATABASE_UNAVAILABLE_MESSAGE, 'DATABASE_UNAVAILABLE');
  }
  console.error(error);
  sendError(res, 500, 'Đã xảy ra lỗi trên máy chủ. Vui lòng thử lại sau.', 'INTERNAL_SERVER_ERROR');
};

/** A path under /api/ that nothing serves. */
export const apiNotFound: RequestHandler = (_req, res) =>
  sendError(res, 404, 'Không tìm thấy địa chỉ này trong API.', 'NOT_FOUND');
