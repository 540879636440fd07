/**
 * Row validation: pure functions from a file row to a typed record or a list of reasons, in
 * Vietnamese, for the user. References to other areas and households are checked later (service).
 */
import { displayDate, isIsoDate } from '../../dates';
import {
  type AreaRecord, type AssessmentRecord, CRITERION_COLUMNS, type CriterionCode, type HouseholdRecord, type ImportError,
  RESULTS, type SourceRow, TARGET_GROUPS,
} from './types';

export type Checked<T> = { ok: true; record: T } | { ok: false; errors: string[] };

export const AREA_KINDS = {
  province: ['tỉnh', 'thành phố'],
  commune: ['xã', 'phường', 'đặc khu'],
  hamlet: ['thôn', 'xóm', 'bản', 'tổ dân phố', 'khu phố', 'ấp', 'buôn', 'làng', 'khối'],
} as const;
type Level = keyof typeof AREA_KINDS;

const LEVEL_LABEL: Record<Level, string> = { province: 'tỉnh', commune: 'xã', hamlet: 'thôn/xóm' };
export const MIN_BIRTH_YEAR = 1900;

const list = (values: readonly string[]) =>
  values.length === 1 ? values[0]! : `${values.slice(0, -1).join(', ')} hoặc ${values.at(-1)}`;

/** Collects the reasons of one row; `required` reads a column and notes it when empty. */
function collector(row: SourceRow) {
  const errors: string[] = [];
  const required = (column: string) => {
    const value = row.get(column);
    if (value === '') errors.push(`Thiếu giá trị ở cột "${column}".`);
    return value;
  };
  return { errors, required };
}

/** A date column: a real ISO date, not after today (Vietnam time); '' when empty and allowed. */
function checkDate(value: string, column: string, today: string, errors: string[]): string | null {
  if (!isIsoDate(value)) {
    errors.push(`Ngày "${value}" ở cột "${column}" không hợp lệ: cần một ngày có thật, dạng YYYY-MM-DD (ví dụ 2025-09-14).`);
    return null;
  }
  if (value > today) {
    errors.push(`Ngày ${displayDate(value)} ở cột "${column}" là ngày trong tương lai (hôm nay là ${displayDate(today)}).`);
    return null;
  }
  return value;
}

export function validateArea(row: SourceRow): Checked<AreaRecord> {
  const { errors, required } = collector(row);
  const code = required('code');
  const name = required('name');
  const level = required('level').toLowerCase();
  const kind = required('kind');
  const parentCode = row.get('parent_code');
  if (level !== '' && !(level in AREA_KINDS)) {
    errors.push(`Cấp "${row.get('level')}" không hợp lệ: phải là province, commune hoặc hamlet.`);
  } else if (level !== '' && kind !== '') {
    const allowed: readonly string[] = AREA_KINDS[level as Level];
    if (!allowed.includes(kind)) {
      errors.push(`Loại "${kind}" không hợp lệ cho cấp ${level}: phải là ${list(allowed)} (chữ thường).`);
    }
  }
  if (level !== '' && level !== 'province' && level in AREA_KINDS && parentCode === '') {
    errors.push(`Thiếu giá trị ở cột "parent_code": một ${LEVEL_LABEL[level as Level]} phải thuộc một địa bàn cấp trên.`);
  }
  if (parentCode !== '' && parentCode === code) errors.push(`Địa bàn "${code}" không thể là cấp trên của chính nó.`);
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, record: { line: row.line, code, name, level: level as Level, kind, parentCode: parentCode || null } };
}

export function validateHousehold(row: SourceRow, today: string): Checked<HouseholdRecord> {
  const { errors, required } = collector(row);
  const code = required('code');
  const hamletCode = required('hamlet_code');
  const headName = required('head_name');
  const membersText = required('members');
  const members = Number(membersText);
  if (membersText !== '' && (!/^\d+$/.test(membersText) || members < 1 || members > 50)) {
    errors.push(`Số thành viên "${membersText}" không hợp lệ: phải là số nguyên từ 1 đến 50.`);
  }
  const criteria = {} as Record<CriterionCode, string | null>;
  for (const column of CRITERION_COLUMNS) {
    const value = row.get(column);
    criteria[column] = value === '' ? null : checkDate(value, column, today, errors);
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, record: { line: row.line, code, hamletCode, headName, members, criteria } };
}

export function validateAssessment(row: SourceRow, today: string): Checked<AssessmentRecord> {
  const { errors, required } = collector(row);
  const residentCode = required('resident_code');
  const householdCode = required('household_code');
  const fullName = required('full_name');
  const birthText = required('birth_year');
  const targetGroup = required('target_group');
  const result = required('result');
  const assessedText = required('assessed_on');
  const thisYear = Number(today.slice(0, 4));
  const birthYear = Number(birthText);
  if (birthText !== '' && (!/^\d{4}$/.test(birthText) || birthYear < MIN_BIRTH_YEAR || birthYear > thisYear)) {
    errors.push(`Năm sinh "${birthText}" không hợp lệ: phải từ ${MIN_BIRTH_YEAR} đến ${thisYear}.`);
  }
  if (targetGroup !== '' && !(TARGET_GROUPS as readonly string[]).includes(targetGroup)) {
    errors.push(`Nhóm đối tượng "${targetGroup}" không hợp lệ: phải là ${list(TARGET_GROUPS)}.`);
  }
  if (result !== '' && !(RESULTS as readonly string[]).includes(result)) {
    errors.push(`Kết quả "${result}" không hợp lệ: phải là PASSED (đạt) hoặc FAILED (chưa đạt).`);
  }
  const assessedOn = assessedText === '' ? null : checkDate(assessedText, 'assessed_on', today, errors);
  if (errors.length > 0 || assessedOn === null) return { ok: false, errors };
  return {
    ok: true,
    record: {
      line: row.line, residentCode, householdCode, fullName, birthYear,
      targetGroup: targetGroup as AssessmentRecord['targetGroup'], result: result as AssessmentRecord['result'], assessedOn,
    },
  };
}

/** Every line holding a key that occurs more than once, each naming the other lines. */
export function duplicateErrors<T extends { line: number }>(
  records: readonly T[], keyOf: (r: T) => string, describe: (r: T) => string,
): ImportError[] {
  const lines = new Map<string, T[]>();
  for (const r of records) lines.set(keyOf(r), [...(lines.get(keyOf(r)) ?? []), r]);
  return [...lines.values()].filter((group) => group.length > 1).flatMap((group) =>
    group.map((r) => ({
      line: r.line,
      message: `${describe(r)} bị trùng trong tệp (cũng có ở dòng ${group.filter((o) => o !== r).map((o) => o.line).join(', ')}).`,
    })));
}

/** A resident listed on several lines must be the same person on each (household, name, birth year). */
export function residentConflicts(records: readonly AssessmentRecord[]): ImportError[] {
  const first = new Map<string, AssessmentRecord>();
  const errors: ImportError[] = [];
  for (const r of records) {
    const seen = first.get(r.residentCode);
    if (!seen) first.set(r.residentCode, r);
    else if (seen.householdCode !== r.householdCode || seen.fullName !== r.fullName || seen.birthYear !== r.birthYear) {
      errors.push({ line: r.line, message: `Nhân khẩu "${r.residentCode}" có hộ, họ tên hoặc năm sinh khác với dòng ${seen.line}.` });
    }
  }
  return errors;
}
