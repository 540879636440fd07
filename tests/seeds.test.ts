import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import type { Geometry } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MOVEMENT_START } from '../server/dates';
import { type Database, openDatabase, queryRows } from '../server/db/client';
import { migrateDatabase } from '../server/db/migrate';
import { nameKey } from '../server/modules/areas/name-key';
import { dataPath } from '../seeds/communes';
import { seedDemo } from '../seeds/demo';
import { pointInGeometry } from '../seeds/geo';
import { generateHamlets, hamletsToCsv } from '../seeds/hamlets';

const TODAY = '2026-11-25';
const HIGHLAND_SAMPLE = ['01290', '01294', '01297', '01304', '01318']; // former Bảo Lâm district

async function seededDatabase(): Promise<{ database: Database; steps: string[] }> {
  const database = await openDatabase({ dataDir: 'memory://' });
  await migrateDatabase(database);
  const steps: string[] = [];
  await database.db.transaction(async (tx) => {
    await seedDemo(tx, { today: TODAY, onProgress: (step, done, total) => steps.push(`${done}/${total} ${step}`) });
  });
  return { database, steps };
}

/** What two runs must agree on: row counts and a hash of every criterion date and head name. */
async function fingerprint(database: Database): Promise<Record<string, unknown>> {
  const [row] = await queryRows<Record<string, unknown>>(database.db, sql`
    select
      (select count(*)::int from areas) as areas,
      (select count(*)::int from households) as households,
      (select count(*)::int from residents) as residents,
      (select count(*)::int from household_criteria) as criteria,
      (select count(*)::int from skill_assessments) as assessments,
      (select md5(string_agg(h.code || c.criterion_code || c.met_on::text, ',' order by h.code, c.criterion_code))
         from household_criteria c join households h on h.id = c.household_id) as met_on_hash,
      (select md5(string_agg(code || head_name || members::text, ',' order by code)) from households) as household_hash,
      (select md5(string_agg(r.code || s.result::text || s.assessed_on::text, ',' order by r.code, s.assessed_on))
         from skill_assessments s join residents r on r.id = s.resident_id) as assessment_hash`);
  return row ?? {};
}

/** Share of households meeting all three default criteria by `day`, for the given communes. */
async function digitalShare(database: Database, communeCodes: string[] | 'wards', day = TODAY): Promise<number> {
  const communeFilter =
    communeCodes === 'wards' ? sql`c.kind = 'phường'` : sql`c.code in (${sql.join(communeCodes.map((code) => sql`${code}`), sql`, `)})`;
  const [row] = await queryRows<{ share: number }>(database.db, sql`
    select avg(case when (select count(*) from household_criteria hc
                          where hc.household_id = h.id and hc.met_on <= ${day}::date) = 3 then 1.0 else 0.0 end)::float8 as share
    from households h
    join areas hamlet on hamlet.id = h.hamlet_id
    join areas c on c.id = hamlet.parent_id
    where ${communeFilter}`);
  return Number(row?.share);
}

describe('demo seed', () => {
  let first: Database;
  let steps: string[] = [];

  beforeAll(async () => {
    ({ database: first, steps } = await seededDatabase());
  }, 300_000);

  afterAll(async () => {
    await first?.close();
  });

  it('reports every step', () => {
    expect(steps).toEqual([
      '1/6 areas', '2/6 criteria', '3/6 households', '4/6 residents', '5/6 household criteria', '6/6 skill assessments',
    ]);
  });

  it('creates Việt Nam, the province and the 56 communes with their official names', async () => {
    const official = readFileSync(dataPath('cao-bang-communes-2025.csv'), 'utf8').trim().split('\n').slice(1)
      .map((line) => line.split(','))
      .map(([code, name, level, kind]) => ({ code, name, level, kind }));
    const rows = await queryRows<{ code: string; name: string; level: string; kind: string; parent: string | null; has_geometry: boolean }>(first.db, sql`
      select a.code, a.name, a.level::text as level, a.kind, p.code as parent, a.geometry is not null as has_geometry
      from areas a left join areas p on p.id = a.parent_id
      where a.level in ('country', 'province', 'commune') order by a.code`);
    const byCode = new Map(rows.map((r) => [r.code, r]));
    expect(byCode.get('VN')).toMatchObject({ name: 'Việt Nam', level: 'country', kind: 'quốc gia', parent: null });
    expect(byCode.get('04')).toMatchObject({ name: 'Tỉnh Cao Bằng', level: 'province', parent: 'VN', has_geometry: true });
    const communes = rows.filter((r) => r.level === 'commune');
    expect(communes).toHaveLength(56);
    for (const area of official) {
      expect(byCode.get(area.code ?? '')).toMatchObject({ name: area.name, level: area.level, kind: area.kind });
    }
    expect(communes.every((c) => c.parent === '04' && c.has_geometry)).toBe(true);
  });

  it('finds a commune whatever the tone-mark placement', async () => {
    const rows = await queryRows<{ code: string }>(first.db, sql`select code from areas where name_key = ${nameKey('xã hoà an')}`);
    expect(rows.map((r) => r.code)).toEqual(['01654']);
  });

  it('gives every commune hamlets, each placed inside its commune', async () => {
    const rows = await queryRows<{ code: string; hamlets: number; geometry: Geometry }>(first.db, sql`
      select c.code, count(h.id)::int as hamlets, c.geometry
      from areas c left join areas h on h.parent_id = c.id and h.level = 'hamlet'
      where c.level = 'commune' group by c.id`);
    expect(rows.every((r) => r.hamlets >= 10)).toBe(true);
    const total = rows.reduce((s, r) => s + r.hamlets, 0);
    expect(total).toBeGreaterThan(1400);
    expect(total).toBeLessThan(1600);
    const geometry = new Map(rows.map((r) => [r.code, r.geometry]));
    const hamlets = await queryRows<{ commune: string; latitude: number; longitude: number }>(first.db, sql`
      select c.code as commune, h.latitude, h.longitude from areas h join areas c on c.id = h.parent_id where h.level = 'hamlet'`);
    const outside = hamlets.filter((h) => !pointInGeometry(h.longitude, h.latitude, geometry.get(h.commune) as Geometry));
    expect(outside).toEqual([]);
  });

  it('ships the hamlets CSV that the generator produces', () => {
    expect(readFileSync(dataPath('cao-bang-hamlets.csv'), 'utf8')).toBe(hamletsToCsv(generateHamlets()));
  });

  it('has about 130,000 households, 10–200 per hamlet except a few small ones', async () => {
    const [row] = await queryRows<{ households: number; small: number; large: number; empty: number }>(first.db, sql`
      with per as (select a.id, count(h.id) as n from areas a left join households h on h.hamlet_id = a.id
                   where a.level = 'hamlet' group by a.id)
      select (select count(*)::int from households) as households,
             count(*) filter (where n between 1 and 9)::int as small,
             count(*) filter (where n > 200)::int as large,
             count(*) filter (where n = 0)::int as empty
      from per`);
    expect(row?.households).toBeGreaterThanOrEqual(120_000);
    expect(row?.households).toBeLessThanOrEqual(140_000);
    expect(row?.small).toBeGreaterThan(0);
    expect(row?.large).toBe(0);
    expect(row?.empty).toBe(0);
  });

  it('dates nothing before the campaign or after today', async () => {
    const [row] = await queryRows<Record<string, string>>(first.db, sql`
      select min(met_on)::text as first_met, max(met_on)::text as last_met,
             (select min(assessed_on)::text from skill_assessments) as first_assessed,
             (select max(assessed_on)::text from skill_assessments) as last_assessed,
             (select max(verified_at at time zone 'Asia/Ho_Chi_Minh')::date::text from household_criteria) as last_verified
      from household_criteria`);
    expect(row?.first_met! >= MOVEMENT_START).toBe(true);
    expect(row?.last_met! <= TODAY).toBe(true);
    expect(row?.first_assessed! >= MOVEMENT_START).toBe(true);
    expect(row?.last_assessed! <= TODAY).toBe(true);
    expect(row?.last_verified! <= TODAY).toBe(true);
  });

  it('puts the wards ahead of the highland communes, and progress grows month by month', async () => {
    const wards = await digitalShare(first, 'wards');
    const highland = await digitalShare(first, HIGHLAND_SAMPLE);
    expect(wards).toBeGreaterThan(0.85);
    expect(wards).toBeLessThan(0.96);
    expect(highland).toBeGreaterThan(0.3);
    expect(highland).toBeLessThan(0.62);
    expect(wards).toBeGreaterThan(highland + 0.2);
    const monthly = [];
    for (const day of ['2025-09-30', '2025-12-31', '2026-03-31', '2026-06-30', '2026-09-30']) monthly.push(await digitalShare(first, 'wards', day));
    for (let i = 1; i < monthly.length; i++) expect(monthly[i]!).toBeGreaterThan(monthly[i - 1]!);
    expect(monthly[0]!).toBeLessThan(0.3);
  });

  it('has households meeting only one or two criteria, and residents who failed then passed', async () => {
    const [row] = await queryRows<{ partial: number; retried: number; passed: number }>(first.db, sql`
      select (select count(*)::int from (select household_id from household_criteria group by household_id having count(*) < 3) p) as partial,
             (select count(distinct f.resident_id)::int from skill_assessments f join skill_assessments s
                on s.resident_id = f.resident_id and s.result = 'PASSED' and f.result = 'FAILED' and f.assessed_on < s.assessed_on) as retried,
             (select count(*)::int from skill_assessments where result = 'PASSED') as passed`);
    expect(row?.partial).toBeGreaterThan(5_000);
    expect(row?.retried).toBeGreaterThan(1_000);
    expect(row?.passed).toBeGreaterThan(50_000);
  });

  it('is deterministic: the same data on every run and machine (pinned fingerprint)', async () => {
    // Pinned from a run of this generator; a change to the generator must update these on purpose.
    expect(await fingerprint(first)).toMatchObject({
      households: 130_023,
      met_on_hash: '32a40458881d5027eb2f39009c3b8a43',
      household_hash: 'fc61c6bdc518e971d303487cd21c9437',
      assessment_hash: '2480f551f7ef1eb7b82caefe8f3d5d42',
    });
  });
});
