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
 *     // (a third argument, the calling role, serves a field whose allowed roles act on different
 *     // objects, e.g. recordAwardDecision: the commune chair for commune titles, the committee chair
 *     // for province titles)
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
 * The COMMITTEE_MEMBER's scope is the award cycles whose committee they sit on: "inside" is a
 * cycle they are on, "outside" a cycle of another committee (tests/support/matrix.ts).
 * Objects to act on (teams, targets, cycles, nominations in each state) come from
 * seedMatrixFixtures, once per driver, as `fx`.
 */
import { sql } from 'drizzle-orm';
import { getIntrospectionQuery, type GraphQLSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type Db } from '../../server/db/client';
import { buildAppSchema } from '../../server/graphql/schema';
import { hashPassword } from '../../server/modules/access/passwords';
import { todayInVietnam } from '../../server/dates';
import { PROVINCE_ROLES, Role } from '../../server/modules/access/roles';
import { DEMO_PASSWORD, OTHER_COMMUNE, OTHER_HAMLET, ROLE_USERS, seedAccessFixtures } from '../support/access';
import { drivers, openTestDatabase, type TestDatabase } from '../support/databases';
import { seedGolden } from '../support/golden';
import { type MatrixFixture, OTHER_FREE_HAMLET, seedMatrixFixtures, TARGET_METRIC, TARGET_PERIOD } from '../support/matrix';
import { startTestServer, type TestClient, type TestServer } from '../support/server';

type Target = 'inside' | 'outside';

interface MatrixEntry {
  document: string;
  variables: (target: Target, n: number, actor: Role | 'anonymous') => Record<string, unknown>;
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
let fx: MatrixFixture;

const pick = <T>(target: Target, inside: T, outside: T) => (target === 'inside' ? inside : outside);
const communeOf = (target: Target) => pick(target, '90001', OTHER_COMMUNE);
const hamletOf = (target: Target) => pick(target, '90001-001', OTHER_HAMLET);
/** A client-generated record id, unique per call. */
const clientId = (n: number, k = 0) => `00000000-0000-4000-8000-${String(n * 10 + k).padStart(12, '0')}`;
const activity = (target: Target, n: number, k = 0) => ({ clientId: clientId(n, k), hamletCode: hamletOf(target),
  metric: 'PEOPLE_SUPPORTED', quantity: 2, activityOn: '2025-09-15' });
const LOGGERS = [Role.COMMUNE_CHAIR, Role.COMMUNE_OFFICER, Role.TEAM_LEADER];
const TEAM_MANAGERS = [Role.PROVINCE_ADMIN, Role.COMMUNE_CHAIR, Role.COMMUNE_OFFICER];
const NOMINATION_READERS = [Role.PROVINCE_LEADER, Role.PROVINCE_ADMIN, Role.COMMUNE_CHAIR, Role.COMMITTEE_MEMBER];
/** Allowed edits with an expected version move it on; the next allowed call reads version 1 again. */
const resetTargetVersions = async (db: Db) => { await db.execute(sql`update targets set version = 1`); };

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
      password: `${DEMO_PASSWORD}-moi`, areaCodes: ['90001'] } }), // the demo password itself is too guessable for a new one
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

  // Teams, targets, activities, quarterly review, campaigns, Chợ số (issue 5).
  createTeam: {
    document: 'mutation ($input: CreateTeamInput!) { createTeam(input: $input) { id name } }',
    variables: (target, n) => ({ input: { communeCode: communeOf(target), name: `Tổ mới ${n}`,
      hamletCodes: [pick(target, '90001-002', OTHER_FREE_HAMLET)] } }),
    allowed: [Role.PROVINCE_ADMIN, Role.COMMUNE_CHAIR], scoped: true,
    afterAllowed: async (db) => { await db.execute(sql`delete from teams where name like 'Tổ mới %'`); },
  },
  updateTeam: {
    document: 'mutation ($id: Int!, $input: UpdateTeamInput!) { updateTeam(id: $id, input: $input) { id name } }',
    variables: (target) => ({ id: pick(target, fx.teams.inside, fx.teams.outside),
      input: { name: pick(target, 'Tổ CNSCĐ xóm Bản Giốc', 'Tổ CNSCĐ xóm Nhỏ'), decisionNumber: '15/QĐ-UBND', active: true } }),
    allowed: [Role.PROVINCE_ADMIN, Role.COMMUNE_CHAIR], scoped: true,
  },
  addTeamMember: {
    document: 'mutation ($t: Int!, $input: MemberInput!) { addTeamMember(teamId: $t, input: $input) { id fullName } }',
    variables: (target, n) => ({ t: pick(target, fx.teams.inside, fx.teams.outside), input: { fullName: `Thành Viên Số ${n}` } }),
    allowed: TEAM_MANAGERS, scoped: true,
  },
  updateTeamMember: {
    document: 'mutation ($id: Int!, $input: MemberInput!) { updateTeamMember(id: $id, input: $input) { id fullName } }',
    variables: (target) => ({ id: pick(target, fx.members.inside, fx.members.outside),
      input: { fullName: pick(target, 'Nông Thị Mai', 'Lục Văn Sơn'), organisation: 'YOUTH_UNION', isAmbassador: true } }),
    allowed: TEAM_MANAGERS, scoped: true,
  },
  setCommuneTarget: {
    document: `mutation ($input: CommuneTargetInput!) { setCommuneTarget(input: $input) { target { id value } warnings } }`,
    variables: (target, n) => ({ input: { communeCode: communeOf(target), period: TARGET_PERIOD, metric: TARGET_METRIC,
      value: 100 + n, expectedVersion: 1 } }),
    allowed: [Role.PROVINCE_ADMIN], scoped: true,
    afterAllowed: resetTargetVersions,
  },
  setTeamTarget: {
    document: `mutation ($input: TeamTargetInput!) { setTeamTarget(input: $input) { target { id value } warnings } }`,
    variables: (target, n) => ({ input: { teamId: pick(target, fx.teams.inside, fx.teams.outside), period: TARGET_PERIOD,
      metric: TARGET_METRIC, value: 40 + n, expectedVersion: 1 } }),
    allowed: [Role.COMMUNE_CHAIR], scoped: true,
    afterAllowed: resetTargetVersions,
  },
  logActivity: {
    document: 'mutation ($input: ActivityInput!) { logActivity(input: $input) { duplicate record { id } } }',
    variables: (target, n) => ({ input: activity(target, n) }),
    allowed: LOGGERS, scoped: true,
  },
  logActivities: {
    document: 'mutation ($inputs: [ActivityInput!]!) { logActivities(inputs: $inputs) { duplicate } }',
    variables: (target, n) => ({ inputs: [activity(target, n, 1), activity(target, n, 2)] }),
    allowed: LOGGERS, scoped: true,
  },
  closeQuarter: {
    document: 'mutation { closeQuarter(period: "2025-Q3") { period asOf } }',
    variables: () => ({}),
    allowed: [Role.PROVINCE_ADMIN], scoped: false,
  },
  createCampaign: {
    document: 'mutation ($input: CampaignInput!) { createCampaign(input: $input) { id name } }',
    variables: () => ({ input: { kind: 'SCHOOL_START', year: 2025, name: 'Chiến dịch Khai giảng 2025',
      startsOn: '2025-09-01', endsOn: '2025-10-31' } }),
    allowed: [Role.PROVINCE_ADMIN], scoped: false,
  },
  submitCampaignReport: {
    document: 'mutation ($input: CampaignReportInput!) { submitCampaignReport(input: $input) { id peopleSupported } }',
    variables: (target, n) => ({ input: { campaignId: fx.campaignId, communeCode: communeOf(target), volunteers: 12,
      peopleSupported: 300 + n, sessions: 8, content: 'Hướng dẫn cài đặt VNeID và dịch vụ công trực tuyến.' } }),
    allowed: [Role.COMMUNE_CHAIR, Role.COMMUNE_OFFICER], scoped: true,
  },
  saveMarket: {
    document: 'mutation ($input: MarketInput!) { saveMarket(input: $input) { id name } }',
    variables: (target, n) => ({ input: { communeCode: communeOf(target), name: `Chợ phiên số ${n}`, vendors: 40, qrVendors: 12 } }),
    allowed: [Role.PROVINCE_ADMIN, Role.COMMUNE_CHAIR, Role.COMMUNE_OFFICER], scoped: true,
  },

  // Awards (issue 6). The COMMITTEE_MEMBER acts only on the cycles whose committee they sit on.
  openAwardCycle: {
    document: 'mutation ($input: AwardCycleInput!) { openAwardCycle(input: $input) { id } }',
    variables: () => ({ input: { title: 'TO_CDS_TIEU_BIEU', year: 2099, nominationOpensOn: '2099-09-01',
      nominationClosesOn: '2099-10-01', closesOn: '2099-11-20', quotaPerCommune: 2, quotaTotal: 20,
      rubric: [{ code: 'KY_NANG', label: 'Kỹ năng số', weight: 1 }], memberIds: fx.committeeIds, chairId: fx.committeeIds[0] } }),
    allowed: [Role.PROVINCE_ADMIN], scoped: false,
  },
  createNomination: {
    document: 'mutation ($input: NominationInput!) { createNomination(input: $input) { id state } }',
    variables: (target) => ({ input: { cycleId: fx.cycles.open.inside, nomineeCode: fx.nominations.freeHousehold[target],
      justification: 'Gia đình gương mẫu, giúp hàng xóm dùng dịch vụ công trực tuyến.' } }),
    allowed: [Role.COMMUNE_CHAIR], scoped: true,
  },
  submitNomination: {
    document: 'mutation ($id: Int!) { submitNomination(id: $id) { id state } }',
    variables: (target) => ({ id: fx.nominations.toSubmit[target] }),
    allowed: [Role.COMMUNE_CHAIR], scoped: true,
  },
  addNominationEvidence: {
    document: 'mutation ($id: Int!, $note: String!) { addNominationEvidence(nominationId: $id, note: $note) }',
    variables: (target) => ({ id: fx.nominations.draft[target], note: 'Biên bản họp xóm đề nghị.' }),
    allowed: [Role.COMMUNE_CHAIR], scoped: true,
  },
  checkAwardEligibility: {
    document: 'mutation ($c: Int!) { checkAwardEligibility(cycleId: $c) { id state } }',
    variables: () => ({ c: fx.cycles.review.inside }),
    allowed: [Role.PROVINCE_ADMIN], scoped: false,
  },
  openAwardReview: {
    document: 'mutation ($c: Int!) { openAwardReview(cycleId: $c) { id state } }',
    variables: () => ({ c: fx.cycles.review.inside }),
    allowed: [Role.PROVINCE_ADMIN], scoped: false,
  },
  declareConflictOfInterest: {
    document: 'mutation ($id: Int!, $note: String!) { declareConflictOfInterest(nominationId: $id, note: $note) }',
    variables: (target) => ({ id: fx.nominations.toRecuse[target], note: 'Người được đề nghị là họ hàng của tôi.' }),
    allowed: [Role.COMMITTEE_MEMBER], scoped: true,
  },
  submitAwardReview: {
    document: 'mutation ($input: ReviewInput!) { submitAwardReview(input: $input) }',
    variables: (target) => ({ input: { nominationId: fx.nominations.toScore[target], scores: [{ code: 'KY_NANG', score: 8 }],
      vote: 'FOR', submit: false } }),
    allowed: [Role.COMMITTEE_MEMBER], scoped: true,
  },
  closeAwardReview: {
    document: 'mutation ($c: Int!) { closeAwardReview(cycleId: $c) { id state } }',
    variables: (target) => ({ c: pick(target, fx.cycles.closing, fx.cycles.review.outside) }),
    allowed: [Role.COMMITTEE_MEMBER], scoped: true,
  },
  recordAwardDecision: {
    document: 'mutation ($input: DecisionInput!) { recordAwardDecision(input: $input) { id certificateCodes } }',
    // Province titles: the committee chair decides; household titles decided in the commune: its chair.
    variables: (target, n, actor) => ({ input: {
      ...(actor === Role.COMMITTEE_MEMBER
        ? { cycleId: fx.cycles.councilDecision[target] }
        : { cycleId: fx.cycles.communeDecision, communeCode: communeOf(target) }),
      number: `${n}/QĐ-KT`, decidedOn: todayInVietnam(), signer: 'Hoàng Văn Ký' } }),
    allowed: [Role.COMMUNE_CHAIR, Role.COMMITTEE_MEMBER], scoped: true,
  },
  revokeAwardCertificate: {
    document: 'mutation ($code: String!) { revokeAwardCertificate(code: $code, reason: "Hồ sơ khai không đúng sự thật") }',
    variables: () => ({ code: fx.certificateCode }),
    allowed: [Role.PROVINCE_ADMIN], scoped: false,
  },
  commentOnNomination: {
    document: 'mutation ($id: Int!, $body: String!) { commentOnNomination(nominationId: $id, body: $body) }',
    variables: () => ({ id: fx.nominations.onPosting, body: 'Gia đình này thường giúp bà con cài VNeID.' }),
    allowed: ALL_ROLES, scoped: false, public: true,
  },
  hideNominationComment: {
    document: 'mutation ($id: Int!) { hideNominationComment(id: $id, reason: "Quảng cáo, không liên quan") }',
    variables: (target) => ({ id: fx.comments[target] }),
    allowed: [Role.PROVINCE_ADMIN, Role.COMMITTEE_MEMBER], scoped: true,
    afterAllowed: async (db) => { await db.execute(sql`update award_comments set hidden_at = null, hidden_by = null, hidden_reason = null`); },
  },
  nominations: {
    document: 'query ($c: Int!, $k: String) { nominations(cycleId: $c, communeCode: $k) { id nomineeName state } }',
    variables: (target) => ({ c: fx.cycles.open[target], k: communeOf(target) }),
    allowed: NOMINATION_READERS, scoped: true,
  },
  nomination: {
    document: 'query ($id: Int!) { nomination(id: $id) { id nomineeName justification evidence { id } comments { id } } }',
    variables: (target) => ({ id: fx.nominations.draft[target] }),
    allowed: NOMINATION_READERS, scoped: true,
  },
  suggestedCandidates: {
    document: 'query ($c: Int!, $k: String!) { suggestedCandidates(cycleId: $c, communeCode: $k) { code name } }',
    variables: (target) => ({ c: fx.cycles.open.inside, k: communeOf(target) }),
    allowed: [Role.PROVINCE_ADMIN, Role.COMMUNE_CHAIR], scoped: true,
  },
  awardCommitteeCandidates: {
    document: '{ awardCommitteeCandidates { id fullName } }',
    variables: () => ({}),
    allowed: [Role.PROVINCE_ADMIN], scoped: false,
  },
  awardQuota: {
    document: 'query ($c: Int!, $k: String!) { awardQuota(cycleId: $c, communeCode: $k) { communeUsed quotaPerCommune } }',
    variables: (target) => ({ c: fx.cycles.open.inside, k: communeOf(target) }),
    allowed: [Role.PROVINCE_LEADER, Role.PROVINCE_ADMIN, Role.COMMUNE_CHAIR], scoped: true,
  },
  awardResults: {
    document: 'query ($c: Int!) { awardResults(cycleId: $c) { votesFor quorumMet nomination { id nomineeName } } }',
    variables: (target) => ({ c: fx.cycles.review[target] }),
    allowed: [Role.PROVINCE_LEADER, Role.PROVINCE_ADMIN, Role.COMMITTEE_MEMBER], scoped: true,
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
  'area_totals', 'area_daily_totals', 'area_criterion_daily_totals',
  'teams', 'team_hamlets', 'team_members', 'targets', 'support_activities', 'activity_daily_totals', 'campaigns',
  'campaign_reports', 'digital_markets', 'quarter_reviews', 'quarter_area_snapshots', 'quarter_target_snapshots',
  'award_cycles', 'award_cycle_members', 'award_nominations', 'award_evidence', 'award_comments', 'award_reviews',
  'award_decisions', 'award_certificates'];

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
    fx = await seedMatrixFixtures(database.db);
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
    const response = await client.query(entry.document, entry.variables(target, counter++, actor));
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
    const reachable = reachableTypes(res.data!.__schema, openRoots.map((f) => typeName(f.type)), authorizedTypeFields());
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

/** Types reachable from `roots` by fields the public may select (fields carrying @Authorized excluded). */
function reachableTypes(schema: IntrospectionLike, roots: string[], signInOnly: Set<string>): Set<string> {
  const seen = new Set<string>();
  const queue = [...roots];
  while (queue.length) {
    const name = queue.pop()!;
    if (seen.has(name)) continue;
    seen.add(name);
    for (const f of schema.types.find((t) => t.name === name)?.fields ?? []) {
      if (!signInOnly.has(`${name}.${f.name}`)) queue.push(typeName(f.type));
    }
  }
  return seen;
}

/** `Type.field` of every object field (or field resolver) carrying @Authorized: the public gets UNAUTHENTICATED there. */
function authorizedTypeFields(): Set<string> {
  const storage = getMetadataStorage();
  const ownerOf = (target: Function): Function => {
    const resolver = storage.resolverClasses.find((r) => r.target === target);
    if (!resolver) return target;
    try {
      return resolver.getObjectType() as Function;
    } catch {
      return target; // a resolver of root fields only (no object type)
    }
  };
  const typeOf = (target: Function) => storage.objectTypes.find((t) => t.target === ownerOf(target))?.name;
  return new Set(storage.authorizedFields.flatMap((f) => {
    const type = typeOf(f.target);
    return type ? [`${type}.${f.fieldName}`] : [];
  }));
}
