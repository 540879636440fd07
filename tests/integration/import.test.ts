/*
 * The CSV import end to end on both drivers: a good file moves the indicators once (re-importing
 * changes nothing), and every bad file of issue 2 is refused with its line and a Vietnamese reason,
 * leaving the database exactly as it was.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../server/db/client';
import { importCsv } from '../../server/modules/imports/service';
import { drivers, openTestDatabase, type TestDatabase } from '../support/databases';
import { startTestServer, type TestClient, type TestServer } from '../support/server';
import { Role } from '../../server/modules/access/roles';
import { DEMO_PASSWORD, seedDemoUsers } from '../../seeds/users';

const TODAY = '2025-12-31';
const COMMUNE = '90001';
const HH_HEADER = 'code,hamlet_code,head_name,members,SMARTPHONE_OFFICIAL_INFO,ONLINE_PUBLIC_SERVICE,CASHLESS_PAYMENT';
const AREAS = '\uFEFF' + [
  'code,name,level,kind,parent_code',
  '04,Tỉnh Cao Bằng,province,tỉnh,',
  `${COMMUNE},Xã Thử Nghiệm,commune,xã,04`,
  `${COMMUNE}-001,${'Xóm Nà Lữ'.normalize('NFD')},hamlet,xóm,${COMMUNE}`,
  `${COMMUNE}-002,"Xóm Bản Giốc, Pác Bó",hamlet,xóm,${COMMUNE}`,
].join('\r\n') + '\r\n';
const HOUSEHOLDS = [
  HH_HEADER,
  `H001,${COMMUNE}-001,Nông Văn Hải,4,2025-09-01,2025-09-10,2025-10-01`,
  `H002,${COMMUNE}-001,"Hoàng Thị Mai, Lục",5,2025-09-01,2025-11-02,2025-11-20`,
  `H003,${COMMUNE}-002,Lương Văn Tâm,3,2025-09-05,2025-09-05,2025-12-31`,
  `H004,${COMMUNE}-002,Đàm Thị Hoa,2,2025-10-01,,`,
].join('\n');

describe.each(drivers)('CSV import on %s', (driver) => {
  let database: TestDatabase;
  let server: TestServer;
  const run = (csv: string) => importCsv(database.db, csv, { today: TODAY });

  // These areas hold 1–4 households, which the public sees suppressed: read as a province leader.
  let leader: TestClient | undefined;
  const asLeader = async () => {
    if (!leader) {
      await seedDemoUsers(database.db, [{ username: 'lanh.dao', fullName: 'Lãnh Đạo Tỉnh', role: Role.PROVINCE_LEADER, areaCodes: ['04'] }]);
      leader = await server.signIn('lanh.dao', DEMO_PASSWORD);
    }
    return leader;
  };
  const digitalFamilies = async (code = COMMUNE, asOf = TODAY) => {
    const res = await (await asLeader()).query<{ area: { indicator: { numerator: number; denominator: number } } }>(
      `{ area(code: "${code}") { indicator(metric: DIGITAL_FAMILY_RATE, asOf: "${asOf}") { numerator denominator } } }`);
    expect(res.errors).toBeUndefined();
    return res.data!.area.indicator;
  };
  const snapshot = async () => {
    const [counts] = await queryRows<Record<string, number>>(database.db, sql`select
      (select count(*)::int from areas) as areas, (select count(*)::int from households) as households,
      (select count(*)::int from household_criteria) as criteria, (select count(*)::int from residents) as residents,
      (select count(*)::int from skill_assessments) as assessments,
      (select string_agg(code || ':' || name || ':' || coalesce(parent_id::text, '-'), '|' order by code) from areas) as area_rows`);
    return { ...counts, family: await digitalFamilies() };
  };
  /** The file is refused with these errors and nothing in the database moves. */
  const expectRefused = async (csv: string, expected: { line: number; message: string }[]) => {
    const before = await snapshot();
    const result = await run(csv);
    expect(result.errors).toEqual(expected.map((e) => ({ line: e.line, message: expect.stringContaining(e.message) })));
    expect(result.inserted).toBe(0);
    expect(await snapshot()).toEqual(before);
  };

  beforeAll(async () => {
    database = await openTestDatabase(driver);
    server = await startTestServer(database.db);
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  it('imports areas from a UTF-8 BOM + CRLF file, NFD names stored as NFC, quoted commas kept', async () => {
    expect(await run(AREAS)).toEqual({ kind: 'areas', inserted: 4, updated: 0, errors: [] });
    const rows = await queryRows<{ code: string; name: string; parent: string | null }>(database.db, sql`
      select a.code, a.name, p.code as parent from areas a left join areas p on p.id = a.parent_id order by a.code`);
    expect(rows).toEqual([
      { code: '04', name: 'Tỉnh Cao Bằng', parent: null },
      { code: COMMUNE, name: 'Xã Thử Nghiệm', parent: '04' },
      { code: `${COMMUNE}-001`, name: 'Xóm Nà Lữ'.normalize('NFC'), parent: COMMUNE },
      { code: `${COMMUNE}-002`, name: 'Xóm Bản Giốc, Pác Bó', parent: COMMUNE },
    ]);
    expect(rows[2]!.name).toBe(rows[2]!.name.normalize('NFC'));
    expect(await run(AREAS)).toEqual({ kind: 'areas', inserted: 0, updated: 4, errors: [] });
    // The province's "Gia đình số" criteria set (managed elsewhere), so households can qualify.
    await database.db.execute(sql`insert into criteria (code, label) values ('SMARTPHONE_OFFICIAL_INFO', 'a'),
      ('ONLINE_PUBLIC_SERVICE', 'b'), ('CASHLESS_PAYMENT', 'c')`);
    await database.db.execute(sql`insert into criteria_sets (province_id, year, name)
      values ((select id from areas where code = '04'), 2025, 'Bộ tiêu chí Gia đình số năm 2025')`);
    await database.db.execute(sql`insert into criteria_set_items (set_id, criterion_code, position)
      select s.id, c.code, c.position from criteria_sets s,
      unnest(array['SMARTPHONE_OFFICIAL_INFO','ONLINE_PUBLIC_SERVICE','CASHLESS_PAYMENT']) with ordinality c(code, position)`);
  });

  it('imports households, moving the Gia đình số figures once, and re-importing changes nothing', async () => {
    expect(await digitalFamilies()).toEqual({ numerator: 0, denominator: 0 });
    expect(await run(HOUSEHOLDS)).toEqual({ kind: 'households', inserted: 4, updated: 0, errors: [] });
    expect(await digitalFamilies()).toEqual({ numerator: 3, denominator: 4 });
    expect(await digitalFamilies(COMMUNE, '2025-12-30')).toEqual({ numerator: 2, denominator: 4 });
    expect(await digitalFamilies(`${COMMUNE}-002`)).toEqual({ numerator: 1, denominator: 2 });
    const before = await snapshot();
    expect(await run(HOUSEHOLDS)).toEqual({ kind: 'households', inserted: 0, updated: 4, errors: [] });
    expect(await snapshot()).toEqual(before);
    expect(await digitalFamilies('04')).toEqual({ numerator: 3, denominator: 4 });
    const [head] = await queryRows<{ head_name: string; verified_by: string }>(database.db, sql`
      select h.head_name, hc.verified_by from households h join household_criteria hc on hc.household_id = h.id where h.code = 'H002' limit 1`);
    expect(head).toEqual({ head_name: 'Hoàng Thị Mai, Lục', verified_by: 'Nhập từ tệp CSV' });
    // A large file takes the full-recount path: same figures.
    expect(await importCsv(database.db, HOUSEHOLDS, { today: TODAY, bulkFrom: 1 })).toMatchObject({ updated: 4, errors: [] });
    expect(await snapshot()).toEqual(before);
  });

  it('marks a criterion emptied in a later file as lost today, keeping its history', async () => {
    const lost = `${HH_HEADER}\nH001,${COMMUNE}-001,Nông Văn Hải,4,2025-09-01,2025-09-10,\n`;
    expect(await importCsv(database.db, lost, { today: '2025-12-20' })).toMatchObject({ inserted: 0, updated: 1, errors: [] });
    expect(await digitalFamilies(COMMUNE, '2025-12-19')).toEqual({ numerator: 2, denominator: 4 });
    expect(await digitalFamilies(COMMUNE, '2025-12-31')).toEqual({ numerator: 2, denominator: 4 });
    expect(await run(HOUSEHOLDS)).toMatchObject({ errors: [] });
    expect(await digitalFamilies()).toEqual({ numerator: 3, denominator: 4 });
  });

  it('refuses an unknown hamlet code', () => expectRefused(
    `${HH_HEADER}\nH005,${COMMUNE}-001,Lý Văn A,4,,,\nH006,${COMMUNE}-999,Lý Văn B,4,2025-10-01,,\n`,
    [{ line: 3, message: `Không tìm thấy thôn/xóm có mã "${COMMUNE}-999"` }]));

  it('refuses a duplicate code in the file, naming both lines', () => expectRefused(
    `${HH_HEADER}\nH005,${COMMUNE}-001,Lý Văn A,4,,,\nH006,${COMMUNE}-001,Lý Văn B,4,,,\nH005,${COMMUNE}-002,Lý Văn C,3,,,\n`,
    [{ line: 2, message: 'Mã hộ "H005" bị trùng trong tệp (cũng có ở dòng 4)' },
      { line: 4, message: 'Mã hộ "H005" bị trùng trong tệp (cũng có ở dòng 2)' }]));

  it('refuses a malformed date, counting lines of a quoted multi-line field', () => expectRefused(
    `${HH_HEADER}\nH005,${COMMUNE}-001,"Lý Văn A\nnhà mới",4,2025-10-01,,\nH001,${COMMUNE}-001,Nông Văn Hải,4,2025-02-30,2025-09-10,2025-10-01\n`,
    [{ line: 4, message: 'Ngày "2025-02-30" ở cột "SMARTPHONE_OFFICIAL_INFO" không hợp lệ' }]));

  it('refuses a future date (after today in Vietnam)', () => expectRefused(
    `${HH_HEADER}\nH001,${COMMUNE}-001,Nông Văn Hải,4,2025-09-01,2025-09-10,2026-01-01\n`,
    [{ line: 2, message: 'Ngày 01/01/2026 ở cột "CASHLESS_PAYMENT" là ngày trong tương lai' }]));

  it('refuses a bad number of members and a missing value', () => expectRefused(
    `${HH_HEADER}\nH001,${COMMUNE}-001,,0,,,\n`,
    [{ line: 2, message: 'Thiếu giá trị ở cột "head_name"' }, { line: 2, message: 'Số thành viên "0" không hợp lệ' }]));

  it('refuses a missing required column, naming it', () => expectRefused(
    `code,hamlet_code,head_name,SMARTPHONE_OFFICIAL_INFO,ONLINE_PUBLIC_SERVICE,CASHLESS_PAYMENT\nH001,${COMMUNE}-001,A,,,\n`,
    [{ line: 1, message: 'Thiếu cột bắt buộc "members"' }]));

  it('refuses a NUL character with its line, before the database sees it', () => expectRefused(
    [HH_HEADER, ...Array.from({ length: 20 }, (_, i) =>
      `H${100 + i},${COMMUNE}-001,${i === 15 ? 'Nông\u0000Văn Hải' : `Lý Văn ${i}`},4,,,`)].join('\n'),
    [{ line: 17, message: 'có ký tự không hợp lệ (NUL)' }]));

  it('refuses an empty file and a header-only file', async () => {
    await expectRefused('', [{ line: 1, message: 'Tệp rỗng' }]);
    await expectRefused('\uFEFF\r\n', [{ line: 1, message: 'Tệp rỗng' }]);
    await expectRefused(`${HH_HEADER}\r\n`, [{ line: 1, message: 'Tệp rỗng' }]);
  });

  it('refuses areas with a bad kind or an unknown parent, and a moved hamlet keeps figures right', async () => {
    await expectRefused(`code,name,level,kind,parent_code\n${COMMUNE}-003,Xóm Mới,hamlet,Xóm,${COMMUNE}\n${COMMUNE}-004,Xóm Cũ,hamlet,xóm,99999\n`, [
      { line: 2, message: 'Loại "Xóm" không hợp lệ cho cấp hamlet' },
      { line: 3, message: 'Không tìm thấy địa bàn cấp trên có mã "99999"' },
    ]);
    const move = `code,name,level,kind,parent_code\n90002,Phường Mới,commune,phường,04\n${COMMUNE}-002,Xóm Bản Giốc,hamlet,xóm,90002\n`;
    expect(await run(move)).toEqual({ kind: 'areas', inserted: 1, updated: 1, errors: [] });
    expect(await digitalFamilies()).toEqual({ numerator: 2, denominator: 2 });
    expect(await digitalFamilies('90002')).toEqual({ numerator: 1, denominator: 2 });
    expect(await digitalFamilies('04')).toEqual({ numerator: 3, denominator: 4 });
  });

  it('imports assessments and refuses an unknown household code', async () => {
    const header = 'resident_code,household_code,full_name,birth_year,target_group,result,assessed_on';
    await expectRefused(`${header}\nR1,H001,Nông Thị Lan,1990,citizen,PASSED,2025-10-01\nR2,H999,Lý Văn Tú,2008,student,FAILED,2025-10-02\n`,
      [{ line: 3, message: 'Không tìm thấy hộ gia đình có mã "H999"' }]);
    const good = `${header}\nR1,H001,Nông Thị Lan,1990,citizen,FAILED,2025-10-01\nR1,H001,Nông Thị Lan,1990,citizen,PASSED,2025-11-01\nR2,H002,Lý Văn Tú,2008,student,FAILED,2025-10-02\n`;
    expect(await run(good)).toEqual({ kind: 'assessments', inserted: 3, updated: 0, errors: [] });
    expect(await run(good)).toEqual({ kind: 'assessments', inserted: 0, updated: 3, errors: [] });
    const res = await (await asLeader()).query<{ area: { indicator: { numerator: number; denominator: number } } }>(
      `{ area(code: "${COMMUNE}") { indicator(metric: DIGITAL_SKILL_RATE, asOf: "${TODAY}") { numerator denominator } } }`);
    expect(res.data!.area.indicator).toEqual({ numerator: 1, denominator: 2 });
  });
});
