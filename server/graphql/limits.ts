/*
 * Limits on what one GraphQL request may ask for, checked while the query is parsed and validated,
 * before any resolver runs (and once per query text: Apollo keeps validated documents): depth,
 * aliases, directives and a cost estimate by GraphQL Armor's validation rules; the number of tokens
 * by graphql-js's own parser limit (Armor's token plugin re-lexed the query in a per-request hook).
 * Field suggestions are removed from error messages in formatError. Batched HTTP requests (an array
 * of operations) are refused by Apollo (allowBatchedHttpRequests: false).
 */
import { ApolloArmor } from '@escape.tech/graphql-armor';

export const LIMITS = {
  maxDepth: 10,
  maxAliases: 15,
  maxDirectives: 20,
  maxTokens: 2_000,
  maxCost: 5_000,
};

export function armor() {
  const protection = new ApolloArmor({
    maxDepth: { exposeLimits: false, n: LIMITS.maxDepth, errorMessage: `Truy vấn quá sâu (tối đa ${LIMITS.maxDepth} cấp).`, flattenFragments: true },
    maxAliases: { exposeLimits: false, n: LIMITS.maxAliases, errorMessage: `Truy vấn có quá nhiều bí danh (tối đa ${LIMITS.maxAliases}).` },
    maxDirectives: { exposeLimits: false, n: LIMITS.maxDirectives, errorMessage: `Truy vấn có quá nhiều chỉ thị (tối đa ${LIMITS.maxDirectives}).` },
    maxTokens: { enabled: false },
    costLimit: { exposeLimits: false, maxCost: LIMITS.maxCost, errorMessage: 'Truy vấn quá tốn kém: hãy chia thành nhiều truy vấn nhỏ hơn.' },
    blockFieldSuggestion: { enabled: false },
  });
  return protection.protect();
}

/** For Apollo's `parseOptions`: graphql-js stops parsing past the token limit. */
export const parseOptions = { maxTokens: LIMITS.maxTokens };

export const TOO_MANY_TOKENS = `Truy vấn quá dài (tối đa ${LIMITS.maxTokens} ký hiệu).`;
