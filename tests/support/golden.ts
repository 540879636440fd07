/*
 * A golden dataset: a few hamlets whose ranks follow from DOMAIN.md by hand, so a change to the
 * aggregates or the ranking rules that moves a rank fails a test.
 *
 * Commune 90001 "Xã Thử Nghiệm" (under province 04), as of 2025-12-31, DIGITAL_FAMILY_RATE:
 *   Xóm Ả          16/20 = 0.8  rank 1 (tie, Ả before B by Vietnamese collation)   Xóm số
 *   Xóm Bản Giốc    8/10 = 0.8  rank 1 (tie)                                         Xóm số
 *   Xóm Cốc         5/10 = 0.5  rank 3 (competition ranking: 1, 1, 3)
 *   Xóm Nà          2/10 = 0.2  rank 4 (3 more households complete in January 2026)
 *   Xóm Đon         9/9         unranked (fewer than 10 households)
 *   Xóm Pác         0/0         unranked, value null
 * At 2025-09-30 (end of the previous quarter): Ả 4/20, Bản Giốc 8/10, Cốc 0/10, Nà 2/10.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client';
import { rebuildAncestors } from '../../server/modules/areas/queries';
import { rebuildAggregates } from '../../server/modules/indicators/aggregates';

interface HouseholdSpec {
  count: number;
  /** Date each of the three default criteria was met; null = not met. */
  met: [string | null, string | null, string | null];
}

export const GOLDEN_COMMUNE = '90001';

const hamlets: { code: string; name: string; households: HouseholdSpec[] }[] = [
  { code: '90001-001', name: 'Xóm Bản Giốc', households: [
    { count: 8, met: ['2025-08-10', '2025-09-01', '2025-09-10'] },
    { count: 2, met: ['2025-08-10', null, null] },
  ] },
  { code: '90001-002', name: 'Xóm Ả', households: [
    { count: 4, met: ['2025-08-01', '2025-08-15', '2025-09-20'] },
    { count: 12, met: ['2025-08-01', '2025-10-15', '2025-11-20'] },
    { count: 4, met: [null, null, '2025-11-20'] },
  ] },
  { code: '90001-003', name: 'Xóm Cốc', households: [
    { count: 5, met: ['2025-10-01', '2025-10-02', '2025-12-31'] },
    { count: 5, met: ['2025-10-01', '2025-10-02', null] },
  ] },
  { code: '90001-004', name: 'Xóm Nà', households: [
    { count: 2, met: ['2025-08-01', '2025-08-01', '2025-08-01'] },
    { count: 3, met: ['2025-08-01', '2025-08-01', '2026-01-15'] },
    { count: 5, met: [null, null, null] },
  ] },
  { code: '90001-005', name: 'Xóm Đon', households: [{ count: 9, met: ['2025-08-01', '2025-08-01', '2025-08-01'] }] },
  { code: '90001-006', name: 'Xóm Pác', households: [] },
];

export const CRITERIA = ['SMARTPHONE_OFFICIAL_INFO', 'ONLINE_PUBLIC_SERVICE', 'CASHLESS_PAYMENT'] as const;

/** Inserts the golden areas, criteria set, households and criteria, then derives the aggregates. */
export async function seedGolden(db: Db): Promise<void> {
  const areaRows = [
    { code: 'VN', name: 'Việt Nam', level: 'country', kind: 'quốc gia', parent: null },
    { code: '04', name: 'Tỉnh Cao Bằng', level: 'province', kind: 'tỉnh', parent: 'VN' },
    { code: GOLDEN_COMMUNE, name: 'Xã Thử Nghiệm', level: 'commune', kind: 'xã', parent: '04' },
    ...hamlets.map((h) => ({ code: h.code, name: h.name, level: 'hamlet', kind: 'xóm', parent: GOLDEN_COMMUNE })),
  ];
  const households: { code: string; hamlet: string; met: (string | null)[] }[] = [];
  for (const h of hamlets) {
    for (const spec of h.households) {
      for (let i = 0; i < spec.count; i++) {
        households.push({ code: `${h.code}-H${String(households.length).padStart(4, '0')}`, hamlet: h.code, met: spec.met });
      }
    }
  }
  await db.transaction(async (tx) => {
    for (const area of areaRows) {
      await tx.execute(sql`insert into areas (code, name, name_key, level, kind, parent_id)
        values (${area.code}, ${area.name}, lower(${area.name}), ${area.level}, ${area.kind},
          (select id from areas where code = ${area.parent}))`);
    }
    await tx.execute(sql`insert into criteria (code, label) select c, c from unnest(array[${sql.join(
      CRITERIA.map((c) => sql`${c}`), sql`, `)}]::text[]) c`);
    await tx.execute(sql`insert into criteria_sets (province_id, year, name)
      values ((select id from areas where code = '04'), 2025, 'Bộ tiêu chí Gia đình số năm 2025')`);
    await tx.execute(sql`insert into criteria_set_items (set_id, criterion_code, position)
      select s.id, c.code, c.position from criteria_sets s,
      unnest(array['SMARTPHONE_OFFICIAL_INFO','ONLINE_PUBLIC_SERVICE','CASHLESS_PAYMENT']) with ordinality c(code, position)`);
    await tx.execute(sql`insert into households (code, hamlet_id, head_name, members)
      select x.code, a.id, 'Nông Văn ' || x.code, 4
      from jsonb_to_recordset(${JSON.stringify(households)}::jsonb) x(code text, hamlet text)
      join areas a on a.code = x.hamlet`);
    const criteriaRows = households.flatMap((h) =>
      h.met.flatMap((day, i) => (day ? [{ code: h.code, criterion: CRITERIA[i], day }] : [])));
    await tx.execute(sql`insert into household_criteria (household_id, criterion_code, met_on)
      select h.id, x.criterion, x.day from jsonb_to_recordset(${JSON.stringify(criteriaRows)}::jsonb)
        x(code text, criterion text, day date)
      join households h on h.code = x.code`);
    await rebuildAncestors(tx);
    await rebuildAggregates(tx);
  });
}
