/*
 * The server's execution (queries compiled by graphql-jit, simple resolvers called directly, answers
 * written by each query's own serializer) answers exactly what plain type-graphql on graphql-js
 * answers: every query document of the web app, as the public and as staff of each level, on the
 * browser tests' dataset, compared result for result (data, error messages, paths and codes) and
 * byte for byte as sent. Execution does not touch the database
 * driver, so one driver (PGlite) is enough here; the whole suite runs through it on both.
 */
import 'reflect-metadata';
import { sql } from 'drizzle-orm';
import { type DocumentNode, execute, type ExecutionResult, Kind, type OperationDefinitionNode, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, queryRows } from '../../server/db/client';
import { migrateDatabase } from '../../server/db/migrate';
import { openDatabase } from '../../server/db/client';
import { createContext } from '../../server/graphql/context';
import { compiledExecutor, compileOperation, isCompilable, stringifyResult } from '../../server/graphql/executor';
import { authChecker } from '../../server/graphql/auth-checker';
import { buildAppSchema, resolvers } from '../../server/graphql/schema';
import { buildSchema } from 'type-graphql';
import type { Viewer } from '../../server/modules/access/roles';
import * as documents from '../../web/src/gql/graphql';
import { E2E_VALID_CODE } from '../support/e2e-awards';
import { seedE2E } from '../support/e2e-fixture';
import { seedE2ETeams } from '../support/teams-e2e';

const PERIOD = '2026-Q4';

/** Values for the web app's variables, by name; a few documents mean something else by `code`. */
const VARIABLES: Record<string, unknown> = {
  asOf: '2026-10-31', previousAsOf: '2026-09-30', from: '2025-11-30', since: '2026-06-30', metric: 'DIGITAL_FAMILY_RATE',
  parentCode: '04', provinceCode: '04', code: '90002', communeCode: '90002', period: PERIOD, year: 2026, limit: 20, before: null,
};
const HAMLET_DOCUMENTS = new Set(['HamletPageDocument', 'ComparedHamletDocument', 'HamletTeamsDocument']);

const queryDocuments = Object.entries(documents).flatMap(([name, value]) => {
  const document = value as unknown as DocumentNode;
  if (!name.endsWith('Document') || !document?.definitions) return [];
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  return operation?.operation === 'query' ? [{ name, document, operation }] : [];
});

type Outcome = { data: unknown; errors?: { message: string; path?: readonly (string | number)[]; code: unknown }[] };
const outcome = (result: ExecutionResult): Outcome => ({
  data: result.data ?? null,
  ...(result.errors ? { errors: result.errors.map((e) => ({ message: e.message, path: e.path, code: e.extensions?.code })) } : {}),
});

describe('queries compiled by graphql-jit', () => {
  let db: Db;
  let close: () => Promise<void>;
  let schema: Awaited<ReturnType<typeof buildAppSchema>>;
  let reference: Awaited<ReturnType<typeof buildAppSchema>>;
  let compiled: ReturnType<typeof compiledExecutor>;
  const viewers: Record<string, Viewer | null> = { public: null };
  const ids: Record<string, unknown> = {};

  beforeAll(async () => {
    const database = await openDatabase({ dataDir: 'memory://' });
    await migrateDatabase(database);
    db = database.db;
    close = database.close;
    await seedE2E(db);
    const teams = await seedE2ETeams(db, PERIOD);
    schema = await buildAppSchema();
    reference = await buildSchema({ resolvers, validate: true, authChecker });
    compiled = compiledExecutor(schema);
    const users = await queryRows<{ userId: number; role: Viewer['role']; username: string; areaIds: number[] }>(db, sql`
      select u.id as "userId", u.role, u.username, coalesce(array_agg(ua.area_id) filter (where ua.area_id is not null), '{}') as "areaIds"
      from users u left join user_areas ua on ua.user_id = u.id
      where u.username in ('tinh.quantri', 'thucphan.chutich', 'thucphan.totruong') group by u.id`);
    for (const user of users) viewers[user.username] = user;
    const [cycle] = await queryRows<{ id: number }>(db, sql`select id from award_cycles order by year desc, id limit 1`);
    Object.assign(ids, { id: teams.teamId, campaignId: teams.campaignId, cycleId: cycle!.id });
  }, 120_000);
  afterAll(async () => close?.());

  const variablesFor = (name: string, operation: OperationDefinitionNode) => Object.fromEntries(
    (operation.variableDefinitions ?? []).map((v) => {
      const variable = v.variable.name.value;
      if (variable === 'code' && HAMLET_DOCUMENTS.has(name)) return [variable, '90002-001'];
      if (variable === 'code' && name === 'VerifyCertificateDocument') return [variable, E2E_VALID_CODE];
      return [variable, variable in ids ? ids[variable] : VARIABLES[variable]];
    }));

  async function both(document: DocumentNode, operation: OperationDefinitionNode, variableValues: Record<string, unknown>, viewer: Viewer | null) {
    const plain = await execute({ schema: reference, document, variableValues, contextValue: createContext(db, viewer) });
    const jit = await compiled({
      document, operation, request: { variables: variableValues }, context: createContext(db, viewer),
    } as unknown as Parameters<typeof compiled>[0]);
    // The answer as sent: a compiled query's own serializer writes the same bytes as JSON.stringify.
    if (!plain.errors) expect(stringifyResult(jit as never)).toBe(`${JSON.stringify(plain)}\n`);
    return { reference: outcome(plain), jit: outcome(jit) };
  }

  it('answers every query of the web app as graphql-js does, for the public and for staff', async () => {
    let compiledRuns = 0;
    let withData = 0;
    for (const { name, document, operation } of queryDocuments) {
      if (compileOperation(schema, document, operation)) compiledRuns++;
      for (const [who, viewer] of Object.entries(viewers)) {
        const { reference, jit } = await both(document, operation, variablesFor(name, operation), viewer);
        expect({ name, who, ...jit }).toEqual({ name, who, ...reference });
        if (!reference.errors && reference.data) withData++;
      }
    }
    // Not a comparison of empty answers: most documents do compile, and most answers carry data.
    expect(queryDocuments.length).toBeGreaterThan(25);
    expect(compiledRuns).toBeGreaterThan(queryDocuments.length * 0.8);
    expect(withData).toBeGreaterThan(queryDocuments.length * 2);
  }, 120_000);

  it('reports resolver errors and bad variables the same way', async () => {
    const cases: [string, Record<string, unknown>][] = [
      ['query ($p: String!) { leaderboard(parentCode: $p, metric: DIGITAL_FAMILY_RATE) { rank } }', { p: 'không-có' }],
      ['query ($m: Metric!) { leaderboard(parentCode: "04", metric: $m) { rank } }', { m: 'NOT_A_METRIC' }],
      ['query ($d: Date!) { area(code: "04") { indicator(metric: DIGITAL_FAMILY_RATE, asOf: $d) { value } } }', { d: '2026-02-30' }],
      ['query { area(code: "90002") { series(metric: DIGITAL_FAMILY_RATE, from: "2026-10-31", to: "2026-01-31") { value } } }', {}],
      ['query { households(hamletCode: "90002-001") { code } }', {}],
    ];
    for (const [source, variables] of cases) {
      const document = parse(source);
      const operation = document.definitions[0] as OperationDefinitionNode;
      const { reference, jit } = await both(document, operation, variables, null);
      expect(reference.errors?.length).toBeGreaterThan(0);
      expect(jit).toEqual(reference);
    }
  });

  it('leaves writes, introspection and input objects to graphql-js', () => {
    const compilable = (source: string) => {
      const document = parse(source);
      return isCompilable(schema, document, document.definitions[0] as OperationDefinitionNode);
    };
    expect(compilable('query ($p: String!) { leaderboard(parentCode: $p, metric: DIGITAL_FAMILY_RATE) { rank } }')).toBe(true);
    expect(compilable('mutation { signOut }')).toBe(false);
    expect(compilable('{ __schema { types { name } } }')).toBe(false);
    expect(compilable('query ($f: AuditFilterInput) { auditLog(filter: $f) { total } }')).toBe(false);
    expect(compilable('{ auditLog(filter: { action: "READ_HOUSEHOLDS" }) { total } }')).toBe(false);
  });
});
