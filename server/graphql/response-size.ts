/*
 * A ceiling on the size of one answer (5 MB by default, MAX_RESPONSE_BYTES): the cost limit
 * (server/graphql/cost.ts) is an estimate, this is the backstop. An answer over it is replaced by
 * one error, RESPONSE_TOO_LARGE, before it is written: Apollo's plugin hook sees the result as
 * objects, which are measured here by a walk that stops as soon as the ceiling is passed, so the
 * oversized JSON text is never built.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { LIMITS } from './limits';

export const RESPONSE_TOO_LARGE = 'RESPONSE_TOO_LARGE';

const MB = 1024 * 1024;
const shownSize = (bytes: number) => (bytes >= MB
  ? `${(Math.round((bytes / MB) * 10) / 10).toLocaleString('vi-VN')} MB` : `${Math.ceil(bytes / 1024)} KB`);

export const tooLargeError = (maxBytes: number): GraphQLFormattedError => ({
  message: `Kết quả quá lớn (hơn ${shownSize(maxBytes)}): hãy hỏi ít địa bàn hoặc khoảng thời gian ngắn hơn.`,
  extensions: { code: RESPONSE_TOO_LARGE },
});

/**
 * About the number of bytes JSON.stringify(value) would give (strings count their UTF-16 length,
 * numbers 3), or `Infinity` as soon as that passes `budget`: no text is built.
 */
export function jsonSizeWithin(value: unknown, budget: number): number {
  let size = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (item === null || item === undefined) size += 4;
    else if (typeof item === 'string') size += item.length + 2;
    else if (typeof item === 'number') size += 3;
    else if (typeof item === 'boolean') size += 5;
    else if (Array.isArray(item)) {
      size += 1 + item.length;
      for (let i = item.length - 1; i >= 0; i--) stack.push(item[i]);
    } else if (typeof item === 'object') {
      size += 1;
      for (const key in item) {
        size += key.length + 4;
        stack.push((item as Record<string, unknown>)[key]);
      }
    }
    if (size > budget) return Infinity;
  }
  return size;
}

/** Apollo plugin: answers over `maxBytes` become one RESPONSE_TOO_LARGE error. */
export function responseSizeLimit(maxBytes = LIMITS.maxResponseBytes): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          if (jsonSizeWithin(response.body.singleResult, maxBytes) <= maxBytes) return;
          response.body.singleResult = { errors: [tooLargeError(maxBytes)] };
        },
      };
    },
  };
}
