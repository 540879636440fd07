/*
 * Limits on what one GraphQL request may ask for, via GraphQL Armor's Apollo integration:
 * depth, aliases, directives, tokens and a cost estimate are checked while the query is parsed
 * and validated, before any resolver runs. Batched HTTP requests (an array of operations) are
 * refused by Apollo (allowBatchedHttpRequests: false).
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
    maxTokens: { exposeLimits: false, n: LIMITS.maxTokens, errorMessage: `Truy vấn quá dài (tối đa ${LIMITS.maxTokens} ký hiệu).` },
    costLimit: { exposeLimits: false, maxCost: LIMITS.maxCost, errorMessage: 'Truy vấn quá tốn kém: hãy chia thành nhiều truy vấn nhỏ hơn.' },
    blockFieldSuggestion: { enabled: true },
  });
  return protection.protect();
}
