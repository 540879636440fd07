/*
 * The incremental path (withAggregates) must leave exactly what a full recount computes, for any
 * mix of changes, and concurrent writers must not lose each other's deltas.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, queryRows } from '../../server/db/client';
import { householdsByCodes, rebuildAggregates, withAggregates } from '../../server/modules/indicators/aggregates';
import { drivers, openTestDatabase, type TestDatabase } from '../support/databases';
import { seedGolden } from '../support/golden';

async function snapshot(db: Db) {
  const tables = ['area_totals', 'area_daily_totals', 'area_criterion_daily_totals', 'household_digital_periods', 'resident_skill_passes'];
  const result: Record<string, unknown[]> = {};
  for (const table of tables) {
    // Rows whose running totals equal the previous row's carry no information: compare the values per day.
    result[table] = await queryRows(db, sql`select to_jsonb(t) as row from ${sql.identifier(table)} t order by 1`);
  }
  return result;
}

async function valuesAt(db: Db, day: string) {
  return queryRows(db, sql`
    select a.code, t.households, t.residents, v.digital_families, v.skilled_residents
    from areas a left join area_totals t on t.area_id = a.id
    left join lateral (select * from area_daily_totals d where d.area_id = a.id and d.day <= ${day}::date
                       order by d.day desc limit 1) v on true
    order by a.code`);
}

describe.each(drivers)('aggregates on %s', (driver) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(driver);
    await seedGolden(database.db);
  });
  afterAll(() => database?.close());

  it('match a full recount after mixed changes', async () => {
    const { db } = database;
    const codes = ['90001-001-H0000', '90001-002-H0010', '90001-003-H0030', '90001-004-H0040', 'NEW-1'];
    await db.transaction((tx) =>
      withAggregates(tx, householdsByCodes(codes), async () => {
        await tx.execute(sql`update household_criteria set met_on = '2025-08-02'
          where household_id = (select id from households where code = '90001-002-H0010')`);
        await tx.execute(sql`update household_criteria set lost_on = '2025-11-01'
          where household_id = (select id from households where code = '90001-001-H0000') and criterion_code = 'CASHLESS_PAYMENT'`);
        await tx.execute(sql`delete from households where code = '90001-003-H0030'`);
        await tx.execute(sql`update households set hamlet_id = (select id from areas where code = '90001-006')
          where code = '90001-004-H0040'`);
        await tx.execute(sql`insert into households (code, hamlet_id, head_name, members)
          values ('NEW-1', (select id from areas where code = '90001-006'), 'Bế Thị Mới', 3)`);
        await tx.execute(sql`insert into household_criteria (household_id, criterion_code, met_on)
          select h.id, c, '2025-10-10' from households h,
          unnest(array['SMARTPHONE_OFFICIAL_INFO','ONLINE_PUBLIC_SERVICE','CASHLESS_PAYMENT']) c where h.code = 'NEW-1'`);
        await tx.execute(sql`insert into residents (code, household_id, full_name) select 'R-NEW', id, 'Bế Văn Con'
          from households where code = 'NEW-1'`);
        await tx.execute(sql`insert into skill_assessments (resident_id, target_group, result, assessed_on)
          select id, 'citizen', r.result::assessment_result, r.day::date from residents,
          (values ('FAILED', '2025-09-01'), ('PASSED', '2025-10-05'), ('PASSED', '2025-11-05')) r(result, day)
          where code = 'R-NEW'`);
      }));
    const incremental = await valuesAt(db, '2025-12-31');
    const incrementalAug = await valuesAt(db, '2025-08-31');
    const derived = await snapshot(db);
    await db.transaction((tx) => rebuildAggregates(tx));
    expect(await valuesAt(db, '2025-12-31')).toEqual(incremental);
    expect(await valuesAt(db, '2025-08-31')).toEqual(incrementalAug);
    const rebuilt = await snapshot(db);
    expect(rebuilt.area_totals).toEqual(derived.area_totals);
    expect(rebuilt.household_digital_periods).toEqual(derived.household_digital_periods);
    expect(rebuilt.resident_skill_passes).toEqual(derived.resident_skill_passes);
  });

  it('count a change once when the same change is applied twice', async () => {
    const { db } = database;
    const apply = () => db.transaction((tx) =>
      withAggregates(tx, householdsByCodes(['90001-004-H0045']), async () => {
        await tx.execute(sql`insert into household_criteria (household_id, criterion_code, met_on)
          select h.id, c, '2025-12-01' from households h,
          unnest(array['SMARTPHONE_OFFICIAL_INFO','ONLINE_PUBLIC_SERVICE','CASHLESS_PAYMENT']) c
          where h.code = '90001-004-H0045' on conflict do nothing`);
      }));
    const before = await valuesAt(db, '2025-12-31');
    await apply();
    const once = await valuesAt(db, '2025-12-31');
    await apply();
    expect(await valuesAt(db, '2025-12-31')).toEqual(once);
    expect(once).not.toEqual(before);
  });

  it('keep every delta when writers run concurrently', async () => {
    const { db } = database;
    const codes = ['90001-004-H0046', '90001-004-H0047', '90001-004-H0048', '90001-002-H0026', '90001-002-H0027'];
    await Promise.all(codes.map((code, i) => db.transaction((tx) =>
      withAggregates(tx, householdsByCodes([code]), async () => {
        await tx.execute(sql`insert into household_criteria (household_id, criterion_code, met_on)
          select h.id, c, ${`2025-12-0${i + 1}`}::date from households h,
          unnest(array['SMARTPHONE_OFFICIAL_INFO','ONLINE_PUBLIC_SERVICE','CASHLESS_PAYMENT']) c
          where h.code = ${code} on conflict (household_id, criterion_code) do update set met_on = excluded.met_on`);
      }))));
    const incremental = await valuesAt(db, '2025-12-31');
    await db.transaction((tx) => rebuildAggregates(tx));
    expect(await valuesAt(db, '2025-12-31')).toEqual(incremental);
  });

  it('let a full recount run beside writers of different hamlets without deadlock or lost deltas', async () => {
    const { db } = database;
    const write = (code: string, day: string) => db.transaction((tx) =>
      withAggregates(tx, householdsByCodes([code]), async () => {
        await tx.execute(sql`insert into household_criteria (household_id, criterion_code, met_on)
          select h.id, c, ${day}::date from households h,
          unnest(array['SMARTPHONE_OFFICIAL_INFO','ONLINE_PUBLIC_SERVICE','CASHLESS_PAYMENT']) c
          where h.code = ${code} on conflict (household_id, criterion_code) do update set met_on = excluded.met_on`);
      }));
    const before = await valuesAt(db, '2025-12-31');
    await Promise.all([
      write('90001-004-H0049', '2025-12-10'),
      db.transaction((tx) => rebuildAggregates(tx)),
      write('90001-003-H0031', '2025-12-11'),
      write('90001-004-H0044', '2025-12-12'),
    ]);
    const incremental = await valuesAt(db, '2025-12-31');
    expect(incremental).not.toEqual(before);
    await db.transaction((tx) => rebuildAggregates(tx));
    expect(await valuesAt(db, '2025-12-31')).toEqual(incremental);
  });
});
