import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { AppError } from '../errors';
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
