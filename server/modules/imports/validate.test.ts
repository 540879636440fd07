import { describe, expect, it } from 'vitest';
import { recogniseHeader } from './formats';
import { parseCsv } from './parse';
import type { SourceRow } from './types';
import { duplicateErrors, validateArea, validateAssessment, validateHousehold } from './validate';

const row = (values: Record<string, string>, line = 2): SourceRow => ({ line, get: (c) => values[c] ?? '' });
const TODAY = '2025-12-31';
const household = (over: Record<string, string> = {}) => row({
  code: 'H1', hamlet_code: '90001-001', head_name: 'Nông Văn A', members: '4',
  SMARTPHONE_OFFICIAL_INFO: '2025-09-14', ONLINE_PUBLIC_SERVICE: '', CASHLESS_PAYMENT: '', ...over,
});
const errorsOf = (r: { ok: boolean; errors?: string[] }) => (r.ok ? [] : r.errors!);

describe('validateHousehold', () => {
  it('types a good row, empty criteria as null', () => {
    const result = validateHousehold(household(), TODAY);
    expect(result).toEqual({ ok: true, record: expect.objectContaining({ members: 4,
      criteria: { SMARTPHONE_OFFICIAL_INFO: '2025-09-14', ONLINE_PUBLIC_SERVICE: null, CASHLESS_PAYMENT: null } }) });
  });
  it('names every problem of a row in Vietnamese', () => {
    const errors = errorsOf(validateHousehold(household({ head_name: '', members: '51', ONLINE_PUBLIC_SERVICE: '2025-02-30',
      CASHLESS_PAYMENT: '2026-01-01' }), TODAY));
    expect(errors).toEqual([
      'Thiếu giá trị ở cột "head_name".',
      'Số thành viên "51" không hợp lệ: phải là số nguyên từ 1 đến 50.',
      expect.stringContaining('Ngày "2025-02-30" ở cột "ONLINE_PUBLIC_SERVICE" không hợp lệ'),
      'Ngày 01/01/2026 ở cột "CASHLESS_PAYMENT" là ngày trong tương lai (hôm nay là 31/12/2025).',
    ]);
    for (const members of ['0', '2.5', 'bốn', '-1']) expect(errorsOf(validateHousehold(household({ members }), TODAY))).toHaveLength(1);
  });
});

describe('validateArea', () => {
  const area = (over: Record<string, string>) => row({ code: '90001', name: 'Xã Thử Nghiệm', level: 'commune', kind: 'xã', parent_code: '04', ...over });
  it('checks level, kind for the level and the parent', () => {
    expect(validateArea(area({})).ok).toBe(true);
    expect(validateArea(area({ level: 'province', kind: 'tỉnh', parent_code: '' })).ok).toBe(true);
    expect(errorsOf(validateArea(area({ level: 'district' })))[0]).toContain('Cấp "district" không hợp lệ');
    expect(errorsOf(validateArea(area({ kind: 'xóm' })))[0]).toBe('Loại "xóm" không hợp lệ cho cấp commune: phải là xã, phường hoặc đặc khu (chữ thường).');
    expect(errorsOf(validateArea(area({ kind: 'Xã' })))).toHaveLength(1);
    expect(errorsOf(validateArea(area({ parent_code: '' })))[0]).toContain('Thiếu giá trị ở cột "parent_code"');
  });
});

describe('validateAssessment', () => {
  const assessment = (over: Record<string, string>) => row({ resident_code: 'R1', household_code: 'H1', full_name: 'Lý Thị B',
    birth_year: '1990', target_group: 'citizen', result: 'PASSED', assessed_on: '2025-10-01', ...over });
  it('checks birth year, target group, result and date', () => {
    expect(validateAssessment(assessment({}), TODAY).ok).toBe(true);
    expect(errorsOf(validateAssessment(assessment({ birth_year: '1850', target_group: 'farmer', result: 'passed',
      assessed_on: '2025-02-30' }), TODAY))).toEqual([
      'Năm sinh "1850" không hợp lệ: phải từ 1900 đến 2025.',
      'Nhóm đối tượng "farmer" không hợp lệ: phải là public_sector, enterprise, citizen hoặc student.',
      'Kết quả "passed" không hợp lệ: phải là PASSED (đạt) hoặc FAILED (chưa đạt).',
      expect.stringContaining('Ngày "2025-02-30" ở cột "assessed_on" không hợp lệ'),
    ]);
  });
});

describe('duplicateErrors', () => {
  it('reports every line of a duplicated code', () => {
    const records = [{ line: 2, code: 'A' }, { line: 3, code: 'B' }, { line: 7, code: 'A' }];
    expect(duplicateErrors(records, (r) => r.code, (r) => `Mã hộ "${r.code}"`)).toEqual([
      { line: 2, message: 'Mã hộ "A" bị trùng trong tệp (cũng có ở dòng 7).' },
      { line: 7, message: 'Mã hộ "A" bị trùng trong tệp (cũng có ở dòng 2).' },
    ]);
  });
});

describe('parseCsv and recogniseHeader', () => {
  it('strips the BOM, reads CRLF and quoted commas, counts physical lines, normalises to NFC', () => {
    const parsed = parseCsv('\uFEFFcode,name\r\n1,"Xóm Nà\r\nLữ"\r\n\r\n2,"Bản Giốc, Pác Bó"\r\n3,  Nà Lữ  \r\n'.replace('Nà Lữ  ', 'Nà Lữ  '.normalize('NFD')));
    expect(parsed.ok && parsed.csv).toEqual({ header: ['code', 'name'], headerLine: 1, rows: [
      { line: 2, values: ['1', 'Xóm Nà\r\nLữ'] }, { line: 5, values: ['2', 'Bản Giốc, Pác Bó'] }, { line: 6, values: ['3', 'Nà Lữ'] },
    ] });
  });
  it('recognises a format by its header, case-insensitively, extra columns ignored; names a missing column', () => {
    expect(recogniseHeader(['Code', ' HAMLET_CODE ', 'head_name', 'members', 'smartphone_official_info',
      'ONLINE_PUBLIC_SERVICE', 'CASHLESS_PAYMENT', 'ghi_chu'])).toMatchObject({ ok: true, kind: 'households' });
    const missing = recogniseHeader(['code', 'name', 'level', 'parent_code']);
    expect(missing).toMatchObject({ ok: false, kind: 'areas' });
    expect(!missing.ok && missing.message).toContain('Thiếu cột bắt buộc "kind"');
    expect(recogniseHeader(['foo', 'bar'])).toMatchObject({ ok: false, kind: null });
  });
});
