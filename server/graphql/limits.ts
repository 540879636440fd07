/*
 * Limits on what one GraphQL request may ask for, checked while the query is parsed and validated,
 * before any resolver runs (and once per query text: Apollo keeps validated documents): depth,
 * aliases and directives by GraphQL Armor's validation rules; the cost, multiplied by list sizes, by
 * our own rule (server/graphql/cost.ts); the number of tokens by graphql-js's own parser limit
 * (Armor's token plugin re-lexed the query in a per-request hook).
 * Variables holding lone UTF-16 surrogates are refused (server/graphql/well-formed.ts).
 * Field suggestions are removed from error messages in formatError. Batched HTTP requests (an array
 * of operations) are refused by Apollo (allowBatchedHttpRequests: false).
 */
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { readConfig } from '../config';
import { costLimitRule } from './cost';
import { wellFormedVariables } from './well-formed';

export const LIMITS = {
  maxDepth: 10,
  maxAliases: 15,
  maxDirectives: 20,
  maxTokens: 2_000,
  /** Of server/graphql/cost.ts: about the number of values in the answer (the web app's largest query is far below). */
  maxCost: 500_000,
  /** Of one answer, in bytes (server/graphql/response-size.ts). */
  maxResponseBytes: readConfig().maxResponseBytes,
};

export function armor() {
  const protection = new ApolloArmor({
    maxDepth: { exposeLimits: false, n: LIMITS.maxDepth, errorMessage: `Truy vấn quá sâu (tối đa ${LIMITS.maxDepth} cấp).`, flattenFragments: true },
    maxAliases: { exposeLimits: false, n: LIMITS.maxAliases, errorMessage: `Truy vấn có quá nhiều bí danh (tối đa ${LIMITS.maxAliases}).` },
    maxDirectives: { exposeLimits: false, n: LIMITS.maxDirectives, errorMessage: `Truy vấn có quá nhiều chỉ thị (tối đa ${LIMITS.maxDirectives}).` },
    maxTokens: { enabled: false },
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  });
  const { plugins, validationRules } = protection.protect();
  return { plugins: [...plugins, wellFormedVariables()], validationRules: [...validationRules, costLimitRule(LIMITS.maxCost)] };
}

/** For Apollo's `parseOptions`: graphql-js stops parsing past the token limit. */
export const parseOptions = { maxTokens: LIMITS.maxTokens };

export const TOO_MANY_TOKENS = `Truy vấn quá dài (tối đa ${LIMITS.maxTokens} ký hiệu).`;
