/*
 * The JSON body of a request, read with a size limit. Errors carry the HTTP status and a
 * GraphQL-shaped, Vietnamese answer, the same as Express's body parser gave before.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import contentType from 'content-type';
import getRawBody from 'raw-body';

export const BODY_LIMIT_BYTES = 100 * 1024;

export class BodyError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

const tooLarge = () => new BodyError(413, 'PAYLOAD_TOO_LARGE', `Yêu cầu quá lớn (tối đa ${BODY_LIMIT_BYTES / 1024} KB).`);
const notJson = () => new BodyError(400, 'BAD_REQUEST', 'Yêu cầu không hợp lệ: nội dung phải là JSON.');

/** The media type and charset of the body; the plain `application/json` of most clients without parsing. */
function mediaOf(req: IncomingMessage): { type: string; charset: string } | null {
  if (req.headers['content-type'] === 'application/json') return { type: 'application/json', charset: 'utf-8' };
  try {
    const media = contentType.parse(req);
    return { type: media.type, charset: (media.parameters.charset ?? 'utf-8').toLowerCase() };
  } catch {
    return null;
  }
}

/** The body as JSON when it is sent as `application/json`; otherwise undefined (GraphQL refuses it). */
export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const media = mediaOf(req);
  if (media?.type !== 'application/json') {
    req.resume();
    return undefined;
  }
  const { charset } = media;
  if (charset !== 'utf-8' && charset !== 'utf8') {
    req.resume();
    throw new BodyError(415, 'BAD_REQUEST', 'Yêu cầu phải dùng bảng mã UTF-8.');
  }
  if ((req.headers['content-encoding'] ?? 'identity') !== 'identity') {
    req.resume();
    throw new BodyError(415, 'BAD_REQUEST', 'Nội dung yêu cầu không được nén.');
  }
  let text: string;
  try {
    // As bytes, decoded below: raw-body's own decoding goes through iconv-lite, for UTF-8 too.
    text = (await getRawBody(req, { length: req.headers['content-length'], limit: BODY_LIMIT_BYTES })).toString('utf8');
  } catch (error) {
    if ((error as { type?: string }).type === 'entity.too.large') throw tooLarge();
    throw new BodyError(400, 'BAD_REQUEST', 'Yêu cầu không hợp lệ: không đọc được nội dung.');
  }
  if (text.length === 0) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw notJson();
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.statusCode = status;
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
}

export const errorBody = (message: string, code: string) => ({ errors: [{ message, extensions: { code } }] });
