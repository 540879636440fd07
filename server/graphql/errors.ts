import type { GraphQLError, GraphQLFormattedError } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { AppError, DATABASE_RETRY_AFTER_SECONDS, DATABASE_UNAVAILABLE_MESSAGE, InvalidInputError, isDatabaseUnavailable } from '../errors';
import { TOO_MANY_TOKENS } from './limits';
import { NOT_WELL_FORMED } from './well-formed';

const KNOWN_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND', 'OPERATION_RESOLUTION_FAILURE']);

/** PostgreSQL refuses some characters in text (NUL bytes): that is the caller's input, not a bug. */
function isBadCharacter(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } } | null)?.cause;
  return cause?.code === '22021' || cause?.code === '22P05';
}

/**
 * Errors the user caused keep their message; anything else (a bug, a database error) becomes a
 * generic Vietnamese message so no SQL, stack trace or internal name reaches the client.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const code = String(formatted.extensions?.code ?? '');
  if (original instanceof AppError) return formatted;
  // A scalar that refused a literal (asOf: "2025-02-30") is found while validating, but it is the
  // user's input like the same value sent as a variable: same code.
  if (code === 'GRAPHQL_VALIDATION_FAILED' && (error as GraphQLError | null)?.originalError instanceof InvalidInputError) {
    return { ...formatted, extensions: { ...formatted.extensions, code: 'BAD_USER_INPUT' } };
  }
  if (isDatabaseUnavailable(original)) {
    logUnavailable(original);
    return {
      message: DATABASE_UNAVAILABLE_MESSAGE,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'DATABASE_UNAVAILABLE', retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS },
    };
  }
  if (isBadCharacter(original)) {
    return { ...formatted, message: 'Dữ liệu chứa ký tự không hợp lệ (ví dụ ký tự NUL).', extensions: { code: 'BAD_USER_INPUT' } };
  }
  if (code === 'GRAPHQL_PARSE_FAILED' && /Invalid character within String: U\+D[89A-F]|Invalid Unicode escape sequence: "\\u[dD][89a-fA-F]/.test(formatted.message)) {
    return { message: NOT_WELL_FORMED, locations: formatted.locations, extensions: { code: 'BAD_USER_INPUT' } };
  }
  if (code === 'GRAPHQL_PARSE_FAILED' && /Document contains more th\w+ \d+ tokens/.test(formatted.message)) {
    return { ...formatted, message: TOO_MANY_TOKENS };
  }
  // GraphQL Armor prefixes its (Vietnamese) limit messages with "Syntax Error: "; graphql-js would
  // suggest field names ("Did you mean …?"), which tells a stranger about the schema.
  if (KNOWN_CODES.has(code)) {
    return { ...formatted, message: formatted.message.replace(/^Syntax Error: (?=Truy vấn)/, '').replace(/ Did you mean .*\?$/, '') };
  }
  console.error(original);
  return {
    message: 'Đã xảy ra lỗi trên máy chủ. Vui lòng thử lại sau.',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

// While the database restarts every request fails the same way: one line a few seconds, not a stack each.
let unavailableSince = 0;
let unavailableCount = 0;
function logUnavailable(error: unknown) {
  unavailableCount++;
  const now = Date.now();
  if (now - unavailableSince < 5000) return;
  const cause = (error as { cause?: { code?: string; message?: string } }).cause ?? (error as { code?: string; message?: string });
  console.error(`[thi-dua-so] Cơ sở dữ liệu không trả lời (${cause.code ?? ''} ${cause.message ?? ''}); ${unavailableCount} yêu cầu lỗi.`);
  unavailableSince = now;
  unavailableCount = 0;
}

/**
 * An answer with a DATABASE_UNAVAILABLE error goes out as 503 with Retry-After, so that clients and
 * proxies retry it (and no cache keeps it); formatError has given it its code and message.
 */
export const databaseUnavailablePlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single') return;
        if (!response.body.singleResult.errors?.some((error) => error.extensions?.code === 'DATABASE_UNAVAILABLE')) return;
        response.http.status = 503;
        response.http.headers.set('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
      },
    };
  },
};
