/*
 * What the public sees of small cells, checked the way someone would try to undo it: for every
 * area published to the public, its figure minus its published children's must never be exactly
 * one hidden child (DIGITAL_FAMILY_RATE and each criterion, counted in households; the skill rate,
 * counted in residents). Checked on a case built for it and on the whole demo province.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase, queryRows } from '../../server/db/client';
import { migrateDatabase } from '../../server/db/migrate';
import { rebuildAncestors } from '../../server/modules/areas/queries';
import { rebuildAggregates } from '../../server/modules/indicators/aggregates';
import { seedDemoData } from '../../server/setup';
import { DEMO_PASSWORD, seedAccessFixtures } from '../support/access';
import { drivers, openTestDatabase, type TestDatabase } from '../support/databases';
import { seedGolden } from '../support/golden';
import { startTestServer, type TestClient, type TestServer } from '../support/server';

interface Figure { numerator: number; denominator: number; suppressed: boolean }
interface Criterion { code: string; households: number; met: number; suppressed: boolean }
interface Figures { code: string; f: Figure; s: Figure; criteria: Criterion[] }
interface Family extends Figures {
  children: (Figures & { level: string })[];
  digitalHamlets: { count: number; suppressed: boolean };
  boardF: { area: { code: string }; numerator: number; suppressed: boolean; rank: number | null; isDigitalHamlet: boolean }[];
  boardS: { area: { code: string }; numerator: number; suppressed: boolean; rank: number | null }[];
}

const INDICATORS = `code f: indicator(metric: DIGITAL_FAMILY_RATE, asOf: $d) { numerator denominator suppressed }
  s: indicator(metric: DIGITAL_SKILL_RATE, asOf: $d) { numerator denominator suppressed }`;
const FIGURES = `${INDICATORS} criteria(asOf: $d) { code households met suppressed }`;
// Criteria are read one area at a time: on the whole demo province only the two rates are walked
// (the criteria share the households basis, hence the decisions, of the Gia đình số rate).
const familyQuery = (figures: string) => `query ($c: String!, $d: Date!) {
  area(code: $c) { ${figures} digitalHamlets(asOf: $d) { count suppressed } children { level ${figures} } }
  boardF: leaderboard(parentCode: $c, metric: DIGITAL_FAMILY_RATE, asOf: $d) { area { code } numerator suppressed rank isDigitalHamlet }
  boardS: leaderboard(parentCode: $c, metric: DIGITAL_SKILL_RATE, asOf: $d) { area { code } numerator suppressed rank } }`;

async function family(client: TestClient, code: string, asOf: string, figures = FIGURES): Promise<Family> {
  const res = await client.query<{ area: Family; boardF: Family['boardF']; boardS: Family['boardS'] }>(familyQuery(figures), { c: code, d: asOf });
  expect(res.errors, code).toBeUndefined();
  return { ...res.data!.area, boardF: res.data!.boardF, boardS: res.data!.boardS };
}

/** Each figure of an area as [numerator, denominator, suppressed], keyed by kind. */
function kinds(a: Figures): Map<string, [number, number, boolean]> {
  const out = new Map<string, [number, number, boolean]>([
    ['family', [a.f.numerator, a.f.denominator, a.f.suppressed]],
    ['skill', [a.s.numerator, a.s.denominator, a.s.suppressed]],
  ]);
  for (const c of a.criteria ?? []) out.set(`criterion ${c.code}`, [c.met, c.households, c.suppressed]);
  return out;
}

interface Report { parents: number; published: number; hiddenChildren: number; complements: number; digitalHamletChecks: number }

/**
 * Walks the tree from `root` comparing the public's view with the province admin's: every
 * published parent keeps its exact figure and never has exactly one hidden child; a hidden parent
 * with people under it has a hidden child; every small cell is hidden; leaderboards agree with
 * the areas' own figures and rank no hidden child.
 */
async function checkTree(publicClient: TestClient, admin: TestClient, root: string, asOf: string, figures = FIGURES): Promise<Report> {
  const report: Report = { parents: 0, published: 0, hiddenChildren: 0, complements: 0, digitalHamletChecks: 0 };
  const queue = [root];
  while (queue.length > 0) {
    const code = queue.shift()!;
    const [pub, real] = await Promise.all([family(publicClient, code, asOf, figures), family(admin, code, asOf, figures)]);
    if (real.children.length === 0) continue;
    report.parents++;
    const realChildren = new Map(real.children.map((c) => [c.code, kinds(c)]));
    const realParent = kinds(real);
    for (const [kind, [num, den, hidden]] of kinds(pub)) {
      const where = `${code} ${kind}`;
      const [realNum, realDen] = realParent.get(kind)!;
      const children = pub.children.map((c) => ({ code: c.code, shown: kinds(c).get(kind)!, real: realChildren.get(c.code)!.get(kind)! }));
      const hiddenChildren = children.filter((c) => c.shown[2] && c.real[1] > 0);
      for (const c of children) {
        const [, households] = realChildren.get(c.code)!.get('family')!;
        const small = (n: number) => n > 0 && n < 5;
        if (small(c.real[1]) || small(households)) expect(c.shown[2], `${where}: small cell ${c.code} shown`).toBe(true);
        if (c.shown[2]) expect(c.shown.slice(0, 2), `${where}: ${c.code} blanked`).toEqual([0, 0]);
        else expect(c.shown.slice(0, 2), `${where}: ${c.code} exact`).toEqual(c.real.slice(0, 2));
      }
      if (!hidden) {
        report.published++;
        expect([num, den], `${where}: the published parent keeps its exact figure`).toEqual([realNum, realDen]);
        expect(hiddenChildren.length, `${where}: exactly one hidden child would be the parent minus the others`).not.toBe(1);
        const shownSum = children.filter((c) => !c.shown[2]).reduce((sum, c) => sum + c.shown[0], 0);
        const hiddenSum = hiddenChildren.reduce((sum, c) => sum + c.real[0], 0);
        expect(shownSum + hiddenSum, `${where}: children add up to the parent`).toBe(num);
      } else if (realDen > 0) {
        expect(hiddenChildren.length, `${where}: a hidden parent whose children are all shown is their sum`).toBeGreaterThan(0);
      }
      report.hiddenChildren += hiddenChildren.length;
      report.complements += hiddenChildren.filter((c) => c.real[1] >= 5 && realChildren.get(c.code)!.get('family')![1] >= 5).length;
    }
    // Leaderboards say the same as the areas' own figures, and rank no hidden child.
    for (const [board, kind] of [[pub.boardF, 'f'], [pub.boardS, 's']] as const) {
      const byCode = new Map(pub.children.map((c) => [c.code, c[kind]]));
      for (const row of board) {
        expect([row.suppressed, row.numerator], `${code} leaderboard ${kind} ${row.area.code}`)
          .toEqual([byCode.get(row.area.code)!.suppressed, byCode.get(row.area.code)!.numerator]);
        if (row.suppressed) expect(row.rank, `${code} leaderboard ${kind} ${row.area.code} ranked`).toBeNull();
      }
    }
    // A commune's count of Xóm số is that of its published hamlets: it tells nothing of the hidden ones.
    if (!pub.digitalHamlets.suppressed && pub.children.every((c) => c.level === 'HAMLET')) {
      expect(pub.digitalHamlets.count, `${code} digitalHamlets`).toBe(pub.boardF.filter((r) => !r.suppressed && r.isDigitalHamlet).length);
      report.digitalHamletChecks++;
    }
    queue.push(...real.children.filter((c) => c.level !== 'HAMLET').map((c) => c.code)); // hamlets have no children
  }
  return report;
}

/**
 * A commune built for it: one 3-household hamlet among bigger ones, and one of 8 households but
 * only 4 residents (a small cell for the skill rate only), all of them Gia đình số (a Xóm số). With the access fixtures' commune 90002
 * (one hamlet of 3 households) the province has one small commune too.
 */
async function seedBuiltCommune(db: TestDatabase['db']) {
  const hamlets = [['90003-001', 3, 2], ['90003-002', 30, 2], ['90003-003', 40, 3], ['90003-004', 8, 0.5]] as const;
  await db.transaction(async (tx) => {
    await tx.execute(sql`insert into areas (code, name, name_key, level, kind, parent_id)
      values ('90003', 'Xã Ba Bản', 'xã ba bản', 'commune', 'xã', (select id from areas where code = '04'))`);
    for (const [code, households, perHousehold] of hamlets) {
      await tx.execute(sql`insert into areas (code, name, name_key, level, kind, parent_id)
        values (${code}, ${`Bản ${code}`}, ${`bản ${code}`}, 'hamlet', 'bản', (select id from areas where code = '90003'))`);
      await tx.execute(sql`insert into households (code, hamlet_id, head_name, members)
        select ${code} || '-H' || i, (select id from areas where code = ${code}), 'Lý Văn ' || i, 2 from generate_series(1, ${households}) i`);
      await tx.execute(sql`insert into household_criteria (household_id, criterion_code, met_on)
        select h.id, c.code, '2025-09-01' from households h cross join criteria c
        where h.code like ${`${code}-H%`} and (right(h.code, 1) in ('1', '2', '5') or c.code = 'SMARTPHONE_OFFICIAL_INFO'
          or ${code} = '90003-004')`); // the hamlet of 8 households is a Xóm số, and will be hidden
      const residents = Math.round(households * perHousehold);
      await tx.execute(sql`insert into residents (code, household_id, full_name, target_group)
        select ${code} || '-R' || i, (select id from households where code = ${code} || '-H' || (1 + (i - 1) % ${households})),
          'Lý Thị ' || i, 'citizen' from generate_series(1, ${residents}) i`);
      await tx.execute(sql`insert into skill_assessments (resident_id, target_group, result, assessed_on)
        select r.id, 'citizen', 'PASSED', '2025-10-01' from residents r where r.code like ${`${code}-R%`} and right(r.code, 1) in ('1', '4', '7')`);
    }
    await rebuildAncestors(tx);
    await rebuildAggregates(tx);
  });
}

describe.each(drivers)('complementary suppression on %s', (driver) => {
  let database: TestDatabase;
  let server: TestServer;
  let admin: TestClient;

  beforeAll(async () => {
    database = await openTestDatabase(driver);
    await seedGolden(database.db);
    await seedAccessFixtures(database.db);
    await seedBuiltCommune(database.db);
    server = await startTestServer(database.db);
    admin = await server.signIn('admin', DEMO_PASSWORD);
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  it('hides the 3-household hamlet and its next-smallest sibling, keeping the commune exact', async () => {
    const pub = await family(server, '90003', '2025-12-31');
    const hidden = (kind: 'f' | 's') => pub.children.filter((c) => c[kind].suppressed).map((c) => c.code);
    expect(pub.f).toMatchObject({ suppressed: false, denominator: 81 });
    // households: the 3-household hamlet, and the smallest other one (8 households) as its complement
    expect(hidden('f')).toEqual(['90003-001', '90003-004']);
    // the criteria are counted in households: the same two
    for (const child of pub.children) {
      expect(child.criteria.every((c) => c.suppressed === ['90003-001', '90003-004'].includes(child.code)), child.code).toBe(true);
    }
    // residents: both are small cells already (3 households; 4 residents): no complement needed
    expect(hidden('s')).toEqual(['90003-001', '90003-004']);
  });

  it('hides a complement however it is asked for: directly, in a list, in a series', async () => {
    const direct = await server.query<{ area: Figures & { series: { numerator: number; suppressed: boolean }[] } }>(
      `query ($d: Date!) { area(code: "90003-004") { ${FIGURES} series(metric: DIGITAL_FAMILY_RATE, from: "2025-08-01", to: $d) { numerator suppressed } } }`,
      { d: '2025-12-31' });
    expect(direct.data!.area.f).toEqual({ numerator: 0, denominator: 0, suppressed: true });
    expect(direct.data!.area.series.every((p) => p.suppressed && p.numerator === 0)).toBe(true);
    const list = await server.query<{ areas: { code: string; indicator: Figure }[] }>(
      `{ areas(parentCode: "90003") { code indicator(metric: DIGITAL_FAMILY_RATE, asOf: "2025-12-31") { numerator denominator suppressed } } }`);
    expect(list.data!.areas.find((a) => a.code === '90003-004')!.indicator.suppressed).toBe(true);
    expect(list.data!.areas.find((a) => a.code === '90003-002')!.indicator).toMatchObject({ suppressed: false, denominator: 30 });
    // Signed in, the real figures.
    const real = await admin.query<{ area: Figures }>(`query ($d: Date!) { area(code: "90003-004") { ${FIGURES} } }`, { d: '2025-12-31' });
    expect(real.data!.area.f).toMatchObject({ denominator: 8, suppressed: false });
  });

  it('never leaves exactly one hidden child under a published parent, at any level and for every figure', async () => {
    const report = await checkTree(server, admin, 'VN', '2025-12-31');
    expect(report.parents).toBe(5); // VN, 04, 90001, 90002, 90003
    expect(report.complements).toBeGreaterThan(0);
    expect(report.digitalHamletChecks).toBe(1); // 90003 (90001 and 90002 are hidden)
  });
});

describe('complementary suppression on the demo province', () => {
  let database: Database;
  let server: TestServer;
  let admin: TestClient;

  beforeAll(async () => {
    database = await openDatabase({ dataDir: 'memory://' });
    await migrateDatabase(database);
    await seedDemoData(database);
    server = await startTestServer(database.db, { responseCache: false });
    admin = await server.signIn('tinh.quantri', DEMO_PASSWORD);
  }, 180_000);
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  it('hides a complement next to commune 01304\'s 3-household hamlet, and undoes no cell anywhere in the province', async () => {
    const [small] = await queryRows<{ code: string; households: number }>(database.db, sql`
      select a.code, t.households from areas a join area_totals t on t.area_id = a.id
      join areas p on p.id = a.parent_id where p.code = '01304' and t.households between 1 and 4`);
    expect(small).toEqual({ code: expect.stringMatching(/^01304-/), households: 3 });
    const commune = await family(server, '01304', '2026-11-25', INDICATORS);
    expect(commune.f.suppressed).toBe(false);
    expect(commune.children.filter((c) => c.f.suppressed).length).toBeGreaterThanOrEqual(2);

    const report = await checkTree(server, admin, 'VN', '2026-11-25', INDICATORS);
    expect(report.parents).toBe(58); // VN, the province, its 56 communes
    expect(report.complements).toBeGreaterThan(0);
    expect(report.digitalHamletChecks).toBe(56);
  }, 300_000);
});
