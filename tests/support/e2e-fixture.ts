/*
 * A small, fast dataset for browser tests: the golden commune (tests/support/golden.ts) plus five
 * invented communes laid out as a grid of squares that share borders, each with hamlets as points,
 * households meeting criteria month by month since August 2025, and residents with assessments.
 * Deterministic (fixed seed), so screenshots and orders are stable.
 * Awards (honour roll, certificates, a posted nomination) come from tests/support/e2e-awards.ts.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client';
import { rebuildAncestors } from '../../server/modules/areas/queries';
import { rebuildAggregates } from '../../server/modules/indicators/aggregates';
import { seedE2EAwards } from './e2e-awards';
import { CRITERIA, GOLDEN_COMMUNE, seedGolden } from './golden';

const communes = [
  { code: GOLDEN_COMMUNE, name: 'Xã Thử Nghiệm', kind: 'xã', level: 0.5 },
  { code: '90002', name: 'Phường Thục Phán', kind: 'phường', level: 0.85 },
  { code: '90003', name: 'Xã Hòa An Mới', kind: 'xã', level: 0.65 },
  { code: '90004', name: 'Xã Đàm Thủy Thượng', kind: 'xã', level: 0.35 },
  { code: '90005', name: 'Xã Lũng Nặm Cao', kind: 'xã', level: 0.2 },
  { code: '90006', name: 'Xã Bảo Lâm Hạ', kind: 'xã', level: 0.45 },
];
const hamletNames = ['Xóm Nà Lữ', 'Bản Khuổi Luông', 'Xóm Pác Bó', 'Tổ dân phố 1', 'Xóm Đông Sằng', 'Bản Ảng'];
const months = ['2025-08-20', '2025-09-15', '2025-10-10', '2025-11-05', '2025-12-01', '2026-01-20', '2026-03-10', '2026-06-15', '2026-09-01', '2026-10-12', '2026-11-10'];

const criterionLabels: Record<string, string> = {
  SMARTPHONE_OFFICIAL_INFO: 'Tiếp cận thông tin chính thống',
  ONLINE_PUBLIC_SERVICE: 'Dùng dịch vụ công trực tuyến',
  CASHLESS_PAYMENT: 'Thanh toán không dùng tiền mặt',
};

function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const square = (col: number, row: number) => {
  const [x, y, d] = [105.8 + col * 0.2, 22.9 - row * 0.2, 0.2];
  return { type: 'Polygon', coordinates: [[[x, y], [x + d, y], [x + d, y - d], [x, y - d], [x, y]]] };
};

export async function seedE2E(db: Db): Promise<void> {
  await seedGolden(db);
  const rand = random(20250701);
  const areaRows: { code: string; name: string; level: string; kind: string; parent: string; geometry: string | null; lat: number | null; lon: number | null }[] = [];
  const households: { code: string; hamlet: string }[] = [];
  const met: { code: string; criterion: string; day: string }[] = [];
  const residents: { code: string; household: string; day: string | null }[] = [];
  communes.forEach((c, index) => {
    const [col, row] = [index % 3, Math.floor(index / 3)];
    areaRows.push({ code: c.code, name: c.name, level: 'commune', kind: c.kind, parent: '04', geometry: JSON.stringify(square(col, row)), lat: null, lon: null });
    if (c.code === GOLDEN_COMMUNE) return;
    hamletNames.forEach((name, h) => {
      const code = `${c.code}-${String(h + 1).padStart(3, '0')}`;
      const [lon, lat] = [105.83 + col * 0.2 + (h % 3) * 0.06, 22.87 - row * 0.2 - Math.floor(h / 3) * 0.1];
      areaRows.push({ code, name, level: 'hamlet', kind: name.split(' ')[0]!.toLowerCase(), parent: c.code, geometry: null, lat, lon });
      const size = h === 5 ? 6 : 12 + Math.floor(rand() * 20);
      const hamletLevel = Math.min(0.98, Math.max(0.05, c.level + (rand() - 0.5) * 0.5));
      for (let i = 0; i < size; i++) {
        const household = `${code}-H${String(i).padStart(3, '0')}`;
        households.push({ code: household, hamlet: code });
        // One engagement draw per household: criteria go together, as in real villages.
        const engagement = rand();
        CRITERIA.forEach((criterion, k) => {
          if (engagement < hamletLevel + (k === 2 ? -0.08 : 0.08)) met.push({ code: household, criterion, day: months[Math.floor(rand() * months.length)]! });
        });
        for (let r = 0; r < 2; r++) {
          residents.push({ code: `${household}-R${r}`, household, day: rand() < hamletLevel ? months[Math.floor(rand() * months.length)]! : null });
        }
      }
    });
  });
  const golden = areaRows.find((a) => a.code === GOLDEN_COMMUNE)!;

  await db.transaction(async (tx) => {
    for (const [code, label] of Object.entries(criterionLabels)) {
      await tx.execute(sql`update criteria set label = ${label} where code = ${code}`);
    }
    await tx.execute(sql`update areas set geometry = ${golden.geometry}::jsonb where code = ${GOLDEN_COMMUNE}`);
    await tx.execute(sql`update areas set latitude = 22.86 - (right(code, 1)::int / 3) * 0.08,
      longitude = 105.83 + (right(code, 1)::int % 3) * 0.06 where parent_id = (select id from areas where code = ${GOLDEN_COMMUNE})`);
    for (const a of areaRows.filter((r) => r.code !== GOLDEN_COMMUNE)) {
      await tx.execute(sql`insert into areas (code, name, name_key, level, kind, parent_id, geometry, latitude, longitude)
        values (${a.code}, ${a.name}, lower(${a.name}), ${a.level}, ${a.kind}, (select id from areas where code = ${a.parent}),
          ${a.geometry}::jsonb, ${a.lat}, ${a.lon})`);
    }
    await tx.execute(sql`insert into households (code, hamlet_id, head_name, members)
      select x.code, a.id, 'Hộ ' || x.code, 3 from jsonb_to_recordset(${JSON.stringify(households)}::jsonb) x(code text, hamlet text)
      join areas a on a.code = x.hamlet`);
    await tx.execute(sql`insert into household_criteria (household_id, criterion_code, met_on)
      select h.id, x.criterion, x.day from jsonb_to_recordset(${JSON.stringify(met)}::jsonb) x(code text, criterion text, day date)
      join households h on h.code = x.code`);
    await tx.execute(sql`insert into residents (code, household_id, full_name, target_group)
      select x.code, h.id, 'Người ' || x.code, 'citizen' from jsonb_to_recordset(${JSON.stringify(residents)}::jsonb) x(code text, household text)
      join households h on h.code = x.household`);
    await tx.execute(sql`insert into skill_assessments (resident_id, target_group, result, assessed_on)
      select r.id, 'citizen', 'PASSED', x.day from jsonb_to_recordset(${JSON.stringify(residents.filter((r) => r.day))}::jsonb) x(code text, day date)
      join residents r on r.code = x.code`);
    await rebuildAncestors(tx);
    await rebuildAggregates(tx);
  });
  await seedE2EAwards(db);
}
