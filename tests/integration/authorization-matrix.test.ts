/*
 * The authorization matrix: every mutation and every query that returns personal data, called by
 * every role inside and outside its scope and by the public, over HTTP with real sessions.
 * A refused call must answer UNAUTHENTICATED (public) or FORBIDDEN ("không có quyền") with no
 * data, and leave every watched table exactly as it was (contents hashed before and after,
 * audit log included). The test FAILS when a Mutation field, or a Query field carrying
 * @Authorized, has no entry here.
 *
 * HOW TO ADD AN ENTRY (one per field, keyed by the field name):
 *
 *   myMutation: {
 *     document: 'mutation ($x: String!) { myMutation(x: $x) { id } }',
 *     // Variables for a target inside the scope of the scoped test users (commune 90001; the team
 *     // leader's hamlet 90001-001) and outside it (commune 90002, hamlet 90002-001). `n` is a
 *     // call counter, for unique names.
 *     variables: (target, n) => ({ x: target === 'inside' ? '90001-001-H0000' : '90002-001-H1' }),
 *     allowed: [Role.PROVINCE_ADMIN, Role.COMMUNE_OFFICER],   // roles allowed within their scope
 *     scoped: true,          // false: no area involved, only the role matters (outside is not tried)
 *     public: false,         // true: anonymous callers are allowed too (sign-in)
 *     freshSession: false,   // true: call from a new session of the role's user (e.g. sign-out)
 *     afterAllowed: async (db, username) => {},  // optional: undo an allowed call's side effect
 *   },
 *
 * Test users (tests/support/access.ts): one per role; province roles scoped to the province 04,
 * commune roles to 90001, the team leader to hamlet 90001-001. Province-wide roles are inside
 * their scope everywhere, so they are expected to be allowed on "outside" targets too.
 */
import { sql } from 'drizzle-orm';
import { getIntrospectionQuery, type GraphQLSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type Db } from '../../server/db/client';
import { buildAppSchema } from '../../server/graphql/schema';
import { hashPassword } from '../../server/modules/access/passwords';
import { PROVINCE_ROLES, Role } from '../../server/modules/access/roles';
import { DEMO_PASSWORD, OTHER_HAMLET, ROLE_USERS, seedAccessFixtures } from '../support/access';
import { drivers, openTestDatabase, type TestDatabase } from '../support/databases';
import { seedGolden } from '../support/golden';
import { startTestServer, type TestClient, type TestServer } from '../support/server';

type Target = 'inside' | 'outside';

interface MatrixEntry {
  document: string;
  variables: (target: Target, n: number) => Record<string, unknown>;
  allowed: readonly Role[];
  scoped: boolean;
  public?: boolean;
  freshSession?: boolean;
  afterAllowed?: (db: Db, username: string) => Promise<void>;
}

const ALL_ROLES = Object.values(Role);
const INSIDE_HOUSEHOLD = '90001-001-H0000';
const OUTSIDE_HOUSEHOLD = `${OTHER_HAMLET}-H1`;
let demoHash = '';

const MATRIX: Record<string, MatrixEntry> = {
  signIn: {
    document: 'mutation ($u: String!, $p: String!) { signIn(username: $u, password: $p) { username } }',
    variables: () => ({ u: 'signer', p: DEMO_PASSWORD }),
    allowed: ALL_ROLES, scoped: false, public: true,
  },
  signOut: {
    document: 'mutation { signOut }',
    variables: () => ({}),
    allowed: ALL_ROLES, scoped: false, public: true, freshSession: true,
  },
  changeOwnPassword: {
    document: 'mutation ($c: String!, $n: String!) { changeOwnPassword(currentPassword: $c, newPassword: $n) }',
    variables: () => ({ c: DEMO_PASSWORD, n: `${DEMO_PASSWORD}-moi` }),
    allowed: ALL_ROLES, scoped: false,
    afterAllowed: async (db, username) => {
      await db.execute(sql`update users set password_hash = ${demoHash} where username = ${username}`);
    },
  },
  createUser: {
    document: `mutation ($input: CreateUserInput!) { createUser(input: $input) { username role areaCodes } }`,
    variables: (_t, n) => ({ input: { username: `moi.${n}`, fullName: 'Người Mới', role: 'COMMUNE_OFFICER',
      password: DEMO_PASSWORD, areaCodes: ['90001'] } }),
    allowed: [Role.PROVINCE_ADMIN], scoped: false,
  },
  resetPassword: {
    document: 'mutation ($u: String!, $p: String!) { resetPassword(username: $u, newPassword: $p) { username } }',
    variables: () => ({ u: 'victim', p: 'mat-khau-dat-lai-1' }),
    allowed: [Role.PROVINCE_ADMIN], scoped: false,
  },
  setUserActive: {
    document: 'mutation ($u: String!) { setUserActive(username: $u, active: false) { active } }',
    variables: () => ({ u: 'victim' }),
    allowed: [Role.PROVINCE_ADMIN], scoped: false,
  },
  setHouseholdCriterion: {
    document: `mutation ($h: String!, $c: String!, $d: Date) {
      setHouseholdCriterion(householdCode: $h, criterion: $c, metOn: $d) { code criteria { code metOn } } }`,
    variables: (target, n) => ({ h: target === 'inside' ? INSIDE_HOUSEHOLD : OUTSIDE_HOUSEHOLD,
      c: 'CASHLESS_PAYMENT', d: `2025-0${1 + (n % 9)}-15` }),
    allowed: [Role.PROVINCE_ADMIN, Role.COMMUNE_CHAIR, Role.COMMUNE_OFFICER, Role.TEAM_LEADER], scoped: true,
  },
  households: {
    document: 'query ($h: String!) { households(hamletCode: $h) { code headName members criteria { code metOn } } }',
    variables: (target) => ({ h: target === 'inside' ? '90001-001' : OTHER_HAMLET }),
    allowed: [Role.PROVINCE_ADMIN, Role.PROVINCE_LEADER, Role.COMMUNE_CHAIR, Role.COMMUNE_OFFICER, Role.TEAM_LEADER],
    scoped: true,
  },
  users: {
    document: 'query { users { username fullName role } }',
    variables: () => ({}),
    allowed: [Role.PROVINCE_ADMIN], scoped: false,
  },
  auditLog: {
    document: 'query { auditLog(limit: 5) { total entries { action username ip } } }',
    variables: () => ({}),
    allowed: [Role.PROVINCE_ADMIN], scoped: false,
  },
};

type Expected = 'allowed' | 'FORBIDDEN' | 'UNAUTHENTICATED';

function expected(entry: MatrixEntry, actor: Role | 'anonymous', target: Target): Expected {
  if (actor === 'anonymous') return entry.public ? 'allowed' : 'UNAUTHENTICATED';
  if (!entry.allowed.includes(actor)) return 'FORBIDDEN';
  if (entry.scoped && target === 'outside' && !PROVINCE_ROLES.includes(actor)) return 'FORBIDDEN';
  return 'allowed';
}

/** Fields that must have an entry: every mutation, and every query restricted with @Authorized. */
function fieldsNeedingEntries(schema: GraphQLSchema): string[] {
  const mutations = Object.keys(schema.getMutationType()?.getFields() ?? {});
  const authorized = new Set(getMetadataStorage().authorizedFields.map((f) => f.fieldName));
  const queries = Object.keys(schema.getQueryType()?.getFields() ?? {}).filter((name) => authorized.has(name));
  return [...mutations, ...queries];
}

const WATCHED = ['users', 'user_areas', 'sessions', 'households', 'household_criteria', 'audit_log',
  'area_totals', 'area_daily_totals', 'area_criterion_daily_totals'];

/** A fingerprint of the watched tables' contents: any insert, update or delete changes it. */
async function fingerprint(db: Db): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of WATCHED) {
    const [row] = await queryRows<{ h: string | null; n: number }>(db, sql`
      select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h, count(*)::int as n
      from ${sql.identifier(table)} t`);
    out[table] = `${row?.n}:${row?.h}`;
  }
  return out;
}

describe('the matrix', () => {
  it('has an entry for every mutation and every @Authorized query', async () => {
    const schema = await buildAppSchema();
    const missing = fieldsNeedingEntries(schema).filter((name) => !(name in MATRIX));
    expect(missing, `add these fields to MATRIX in ${import.meta.url}`).toEqual([]);
  });
});

describe.each(drivers)('authorization matrix on %s', (driver) => {
  let database: TestDatabase;
  let server: TestServer;
  const clients = new Map<Role | 'anonymous', TestClient>();
  let counter = 0;

  beforeAll(async () => {
    database = await openTestDatabase(driver);
    await seedGolden(database.db);
    await seedAccessFixtures(database.db);
    demoHash = await hashPassword(DEMO_PASSWORD);
    server = await startTestServer(database.db);
    clients.set('anonymous', server.client(null));
    for (const role of ALL_ROLES) clients.set(role, await server.signIn(ROLE_USERS[role].username, DEMO_PASSWORD));
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  const cases = Object.entries(MATRIX).flatMap(([field, entry]) =>
    (['anonymous', ...ALL_ROLES] as const).flatMap((actor) =>
      (entry.scoped ? (['inside', 'outside'] as const) : (['inside'] as const)).map((target) => ({
        field, entry, actor, target, expect: expected(entry, actor, target),
      }))));

  it.each(cases)('$field by $actor, target $target → $expect', async ({ entry, actor, target, expect: outcome }) => {
    const client = entry.freshSession && actor !== 'anonymous'
      ? await server.signIn(ROLE_USERS[actor].username, DEMO_PASSWORD)
      : clients.get(actor)!;
    const before = await fingerprint(database.db);
    const response = await client.query(entry.document, entry.variables(target, counter++));
    if (outcome === 'allowed') {
      expect(response.errors).toBeUndefined();
      expect(response.data).toBeTruthy();
      if (actor !== 'anonymous') await entry.afterAllowed?.(database.db, ROLE_USERS[actor].username);
      return;
    }
    expect(response.errors?.[0]?.extensions?.code).toBe(outcome);
    expect(response.errors?.[0]?.message).toMatch(outcome === 'FORBIDDEN' ? /không có quyền/ : /đăng nhập/i);
    expect(response.data ?? null).toBeNull();
    expect(await fingerprint(database.db)).toEqual(before);
  });

  it('still knows who everyone is after the matrix (no session was lost on the way)', async () => {
    for (const role of ALL_ROLES) {
      const res = await clients.get(role)!.query<{ me: { role: string } }>('{ me { role } }');
      expect(res.data?.me.role).toBe(role);
    }
  });

  it('shows the public no personal data field in the schema outside fields that require sign-in', async () => {
    const res = await server.query<{ __schema: IntrospectionLike }>(getIntrospectionQuery());
    expect(res.errors).toBeUndefined();
    const authorized = new Set(getMetadataStorage().authorizedFields.map((f) => f.fieldName));
    // `me` returns the caller's own account only (null for the public), so it may show personal fields.
    const openRoots = res.data!.__schema.types.find((t) => t.name === 'Query')!.fields!
      .filter((f) => !authorized.has(f.name) && f.name !== 'me');
    const reachable = reachableTypes(res.data!.__schema, openRoots.map((f) => typeName(f.type)));
    const personal = [...reachable].flatMap((name) => (res.data!.__schema.types.find((t) => t.name === name)?.fields ?? [])
      .filter((f) => PERSONAL_FIELDS.test(f.name)).map((f) => `${name}.${f.name}`));
    expect(personal).toEqual([]);
    for (const type of ['Household', 'Resident', 'User', 'AuditEntry']) expect(reachable.has(type)).toBe(false);
  });
});

/** Field names that carry a person's data (counts such as `households: Int` are aggregates, not personal). */
const PERSONAL_FIELDS = /^(headName|fullName|username|birthYear|sex|nationalId|ip|phone|address)$/;

interface IntrospectionTypeRef { kind: string; name: string | null; ofType: IntrospectionTypeRef | null }
interface IntrospectionLike {
  types: { name: string; fields: { name: string; type: IntrospectionTypeRef }[] | null }[];
}

const typeName = (t: IntrospectionTypeRef): string => (t.name ?? typeName(t.ofType!));

function reachableTypes(schema: IntrospectionLike, roots: string[]): Set<string> {
  const seen = new Set<string>();
  const queue = [...roots];
  while (queue.length) {
    const name = queue.pop()!;
    if (seen.has(name)) continue;
    seen.add(name);
    for (const f of schema.types.find((t) => t.name === name)?.fields ?? []) queue.push(typeName(f.type));
  }
  return seen;
}
