/** Validation of a whole file: every row, then duplicates inside the file (pure). */
import { duplicateErrors, residentConflicts, validateArea, validateAssessment, validateHousehold, type Checked } from './validate';
import type { AreaRecord, AssessmentRecord, HouseholdRecord, ImportError, ImportKind, SourceRow } from './types';

/**
 * A code a row refers to, taken from every row, valid or not, so an unknown reference is reported
 * together with the row's other errors. `level` is the referring row's level (areas).
 */
export interface Reference { line: number; code: string; level?: string }

export type FileRecords =
  | { kind: 'areas'; records: AreaRecord[] }
  | { kind: 'households'; records: HouseholdRecord[] }
  | { kind: 'assessments'; records: AssessmentRecord[] };

function collect<T>(rows: readonly SourceRow[], check: (row: SourceRow) => Checked<T>) {
  const records: T[] = [];
  const errors: ImportError[] = [];
  for (const row of rows) {
    const result = check(row);
    if (result.ok) records.push(result.record);
    else errors.push(...result.errors.map((message) => ({ line: row.line, message })));
  }
  return { records, errors };
}

export function referencesOf(kind: ImportKind, rows: readonly SourceRow[]): { refs: Reference[]; fileAreas: Map<string, string> } {
  const column = kind === 'areas' ? 'parent_code' : kind === 'households' ? 'hamlet_code' : 'household_code';
  const refs = rows.flatMap((row) => {
    const code = row.get(column);
    return code === '' ? [] : [{ line: row.line, code, level: kind === 'areas' ? row.get('level').toLowerCase() : undefined }];
  });
  const fileAreas = new Map(kind === 'areas' ? rows.map((r) => [r.get('code'), r.get('level').toLowerCase()]) : []);
  return { refs, fileAreas };
}

export function validateRows(kind: ImportKind, rows: readonly SourceRow[], today: string): { file: FileRecords; errors: ImportError[] } {
  switch (kind) {
    case 'areas': {
      const { records, errors } = collect(rows, validateArea);
      errors.push(...duplicateErrors(records, (r) => r.code, (r) => `Mã địa bàn "${r.code}"`));
      return { file: { kind, records }, errors };
    }
    case 'households': {
      const { records, errors } = collect(rows, (row) => validateHousehold(row, today));
      errors.push(...duplicateErrors(records, (r) => r.code, (r) => `Mã hộ "${r.code}"`));
      return { file: { kind, records }, errors };
    }
    case 'assessments': {
      const { records, errors } = collect(rows, (row) => validateAssessment(row, today));
      errors.push(...duplicateErrors(records, (r) => `${r.residentCode}|${r.targetGroup}|${r.assessedOn}`,
        (r) => `Kết quả của nhân khẩu "${r.residentCode}" (${r.targetGroup}, ngày ${r.assessedOn})`));
      errors.push(...residentConflicts(records));
      return { file: { kind, records }, errors };
    }
  }
}
