import { buildSchema, graphql, type GraphQLResolveInfo } from 'graphql';
import { describe, expect, it } from 'vitest';
import { argumentsOfItemField } from './lookahead';

const schema = buildSchema(`
  type Query { areas: [Area!]! }
  type Area { code: String! indicator(asOf: String, metric: String = "RATE"): Int }
`);

async function argumentsSeen(source: string, variableValues?: Record<string, unknown>) {
  let seen: Record<string, unknown>[] = [];
  const rootValue = {
    areas: (_args: unknown, _ctx: unknown, info: GraphQLResolveInfo) => {
      seen = argumentsOfItemField(info, 'indicator');
      return [{ code: 'A', indicator: 1 }];
    },
  };
  const result = await graphql({ schema, source, rootValue, variableValues });
  expect(result.errors).toBeUndefined();
  return seen;
}

describe('argumentsOfItemField', () => {
  it('reads the arguments of each selection of the field, aliases and variables included, with defaults', async () => {
    expect(await argumentsSeen('query ($d: String) { areas { code a: indicator(asOf: $d) b: indicator(asOf: "2025-09-30", metric: "X") } }',
      { d: '2025-12-31' })).toEqual([{ asOf: '2025-12-31', metric: 'RATE' }, { asOf: '2025-09-30', metric: 'X' }]);
  });

  it('looks into inline fragments, not into named ones', async () => {
    expect(await argumentsSeen('{ areas { ... on Area { indicator(asOf: "2025-01-31") } } }')).toEqual([{ asOf: '2025-01-31', metric: 'RATE' }]);
    expect(await argumentsSeen('{ areas { ...F } } fragment F on Area { indicator }')).toEqual([]);
  });

  it('sees nothing when the field is not asked', async () => {
    expect(await argumentsSeen('{ areas { code } }')).toEqual([]);
  });
});
