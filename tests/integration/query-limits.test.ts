/*
 * The cost of a query multiplies by the size of its lists (server/graphql/cost.ts), a series asks
 * for at most 60 months, and an answer over the size ceiling (server/graphql/response-size.ts) is
 * refused. Every document the web app sends stays within the cost limit. Execution does not depend
 * on the driver here: PGlite only.
 */
import 'reflect-metadata';
import { type DocumentNode, getNullableType, isListType, isObjectType, parse, validate } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { costLimitRule, LIST_SIZES, operationCosts, TOO_COSTLY } from '../../server/graphql/cost';
import { LIMITS } from '../../server/graphql/limits';
import { RESPONSE_TOO_LARGE } from '../../server/graphql/response-size';
import { buildAppSchema } from '../../server/graphql/schema';
import * as documents from '../../web/src/gql/graphql';
import { openTestDatabase, type TestDatabase } from '../support/databases';
import { GOLDEN_COMMUNE, seedGolden } from '../support/golden';
import { startTestServer, type TestServer } from '../support/server';

const webDocuments = Object.entries(documents).flatMap(([name, value]) => {
  const document = value as unknown as DocumentNode;
  return name.endsWith('Document') && document?.definitions ? [{ name, document }] : [];
});

/** The probe that cost 8.7 s and 177 MB: 15 aliases of a province's communes' hamlets' ten-year series. */
const ATTACK = `{ ${Array.from({ length: LIMITS.maxAliases }, (_, i) => `a${i}: area(code: "04") { children { children {
  series(metric: DIGITAL_FAMILY_RATE, from: "2017-01-01", to: "2026-12-01") { date value numerator denominator suppressed } } } }`).join(' ')} }`;

describe('query cost', () => {
  let schema: Awaited<ReturnType<typeof buildAppSchema>>;
  const cost = (query: string | DocumentNode) => {
    const document = typeof query === 'string' ? parse(query) : query;
    return operationCosts({ getSchema: () => schema, getDocument: () => document })[0]!;
  };
  beforeAll(async () => {
    schema = await buildAppSchema();
  });

  it('keeps every document of the web app within the limit', () => {
    expect(webDocuments.length).toBeGreaterThan(40);
    const over = webDocuments.filter(({ document }) => validate(schema, document, [costLimitRule(LIMITS.maxCost)]).length > 0);
    expect(over.map((d) => `${d.name}: ${cost(d.document)}`)).toEqual([]);
    // With room to spare: a field more on a page does not tip it over.
    expect(Math.max(...webDocuments.map((d) => cost(d.document)))).toBeLessThan(LIMITS.maxCost / 2);
  });

  it('has a size for every list field of the schema', () => {
    const lists = Object.values(schema.getTypeMap()).filter(isObjectType).filter((t) => !t.name.startsWith('__'))
      .flatMap((type) => Object.values(type.getFields()).filter((f) => isListType(getNullableType(f.type))).map((f) => `${type.name}.${f.name}`));
    expect(lists.filter((name) => !(name in LIST_SIZES))).toEqual([]);
    expect(Object.keys(LIST_SIZES).filter((name) => !lists.includes(name))).toEqual([]);
  });

  it('multiplies by the children of each level and the months of a series', () => {
    const one = cost('{ area(code: "04") { code } }');
    expect(one).toBe(2);
    expect(cost('{ area(code: "04") { children { code } } }')).toBe(1 + 170 * 2);
    expect(cost('{ area(code: "04") { children { children { code } } } }')).toBe(1 + 170 * (1 + 170 * 2));
    const series = (from: string, to: string) => cost(`{ area(code: "04") { series(metric: DIGITAL_FAMILY_RATE, from: "${from}", to: "${to}") { date value } } }`);
    expect(series('2026-01-01', '2026-12-31')).toBe(1 + 12 * 3);
    // A variable counts at the largest range the resolver accepts.
    expect(cost('query ($f: Date!, $t: Date!) { area(code: "04") { series(metric: DIGITAL_FAMILY_RATE, from: $f, to: $t) { date } } }')).toBe(1 + 60 * 2);
    // A fragment costs where it is spread.
    expect(cost('{ area(code: "04") { children { ...f } } } fragment f on Area { children { code } }')).toBe(1 + 170 * (1 + 170 * 2));
    // Page sizes: the literal, else the largest.
    expect(cost('{ teamActivities(teamId: 1, limit: 10) { id } }')).toBe(10 * 2);
    expect(cost('query ($l: Int!) { teamActivities(teamId: 1, limit: $l) { id } }')).toBe(200 * 2);
    expect(cost(ATTACK)).toBeGreaterThan(LIMITS.maxCost * 100);
  });
});

describe('query limits over HTTP', () => {
  let database: TestDatabase;
  let server: TestServer;

  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    await seedGolden(database.db);
    server = await startTestServer(database.db);
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  it('refuses the multiplying probe before anything runs', async () => {
    const { result: response, statements } = await database.countStatements(() => server.post({ query: ATTACK }));
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body).toEqual({ errors: [expect.objectContaining({ message: TOO_COSTLY, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } })] });
    expect(statements).toBe(0);
  });

  it('refuses many aliases of a province\'s series, though each alone is fine', async () => {
    const one = 'children { series(metric: DIGITAL_FAMILY_RATE, from: $from, to: $to) { date value numerator denominator suppressed } }';
    const query = (n: number) => `query ($from: Date!, $to: Date!) { ${Array.from({ length: n }, (_, i) => `a${i}: area(code: "04") { ${one} }`).join(' ')} }`;
    const alone = await server.query<{ a0: { children: { series: unknown[] }[] } }>(query(1), { from: '2025-01-01', to: '2026-12-31' });
    expect(alone.data?.a0.children[0]!.series).toHaveLength(24);
    const many = await server.query(query(LIMITS.maxAliases), { from: '2025-01-01', to: '2026-12-31' });
    expect(many).toEqual({ errors: [expect.objectContaining({ message: TOO_COSTLY })] });
  });

  it('refuses a series longer than 60 months with a clear error', async () => {
    const series = (from: string, to: string) => server.query<{ area: { series: unknown[] } }>(
      'query ($from: Date!, $to: Date!) { area(code: "04") { series(metric: DIGITAL_FAMILY_RATE, from: $from, to: $to) { date } } }', { from, to });
    expect((await series('2022-01-01', '2026-12-31')).data?.area.series).toHaveLength(60);
    for (const [from, to] of [['2021-12-01', '2026-12-31'], ['1000-01-01', '9999-12-31']]) {
      const refused = await series(from!, to!);
      expect(refused.errors).toEqual([expect.objectContaining({
        message: 'Khoảng thời gian quá dài: chuỗi số liệu tối đa 60 tháng.', extensions: { code: 'BAD_USER_INPUT' } })]);
    }
  });
});

describe('answer size ceiling', () => {
  let database: TestDatabase;
  let server: TestServer;
  const saved = LIMITS.maxResponseBytes;

  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    await seedGolden(database.db);
    LIMITS.maxResponseBytes = 4_000;
    server = await startTestServer(database.db, { responseCache: false });
  });
  afterAll(async () => {
    LIMITS.maxResponseBytes = saved;
    await server?.close();
    await database?.close();
  });

  it('refuses an answer over the ceiling, the first time and when the query is repeated', async () => {
    // A commune's six hamlets, each with two years of points: about 9 KB of JSON.
    const query = `query ($c: String!) { area(code: $c) { children { code name
      series(metric: DIGITAL_FAMILY_RATE, from: "2025-01-01", to: "2026-12-31") { date value numerator denominator suppressed } } } }`;
    for (let i = 0; i < 3; i++) {
      const response = await server.post({ query, variables: { c: GOLDEN_COMMUNE } });
      const text = await response.text();
      expect(text.length).toBeLessThan(1_000);
      expect(JSON.parse(text)).toEqual({ errors: [{
        message: 'Kết quả quá lớn (hơn 4 KB): hãy hỏi ít địa bàn hoặc khoảng thời gian ngắn hơn.', extensions: { code: RESPONSE_TOO_LARGE } }] });
    }
    // The same shape over a shorter range fits.
    const small = await server.query<{ area: { children: unknown[] } }>(query.replace('2025-01-01', '2026-12-01'), { c: GOLDEN_COMMUNE });
    expect(small.data?.area.children).toHaveLength(6);
  });
});
