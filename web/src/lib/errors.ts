/** The first GraphQL error of a failed request: its code, its message (Vietnamese, from the server) and its details. */
import { CombinedGraphQLErrors } from '@apollo/client/errors';

export interface ApiError {
  code: string | null;
  message: string;
  extensions: Record<string, unknown>;
}

export function apiErrorOf(error: unknown): ApiError {
  if (CombinedGraphQLErrors.is(error) && error.errors[0]) {
    const first = error.errors[0];
    const extensions = (first.extensions ?? {}) as Record<string, unknown>;
    return { code: typeof extensions.code === 'string' ? extensions.code : null, message: first.message, extensions };
  }
  if (typeof navigator !== 'undefined' && !navigator.onLine) {
    return { code: 'OFFLINE', message: 'Máy đang mất kết nối mạng; hãy kiểm tra kết nối rồi thử lại.', extensions: {} };
  }
  return { code: null, message: 'Máy chủ chưa trả lời được; hãy thử lại sau ít phút.', extensions: {} };
}
