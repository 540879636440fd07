/*
 * Text that is not well-formed Unicode (a lone UTF-16 surrogate, which JSON can carry as
 * "\ud800") is refused as bad input before anything runs: no database can store it, and the
 * drivers' errors about it are no message for a user. graphql-js's parser already refuses one in a
 * query's literals (its message is made Vietnamese in errors.ts); this plugin checks the variables.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { InvalidInputError } from '../errors';

export const NOT_WELL_FORMED = 'Dữ liệu chứa ký tự không hợp lệ (ký tự Unicode lẻ, không thành cặp).';

/** In u-mode a surrogate pair is one code point: \p{Surrogate} matches only the lone halves. */
const LONE_SURROGATE = /\p{Surrogate}/u;

export function hasLoneSurrogate(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (typeof item === 'string') {
      if (LONE_SURROGATE.test(item)) return true;
    } else if (item !== null && typeof item === 'object') {
      for (const [key, inner] of Object.entries(item)) {
        if (LONE_SURROGATE.test(key)) return true;
        stack.push(inner);
      }
    }
  }
  return false;
}

export function wellFormedVariables(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request }) {
          if (request.variables && hasLoneSurrogate(request.variables)) {
            throw new InvalidInputError(NOT_WELL_FORMED, { http: { status: 400 } });
          }
        },
      };
    },
  };
}
