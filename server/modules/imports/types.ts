/** Shapes shared by the steps of a CSV import (parse → recognise → validate → check → write). */

export type ImportKind = 'areas' | 'households' | 'assessments';

/** An error in a file: `line` is the physical line in the file (the header is line 1). */
export interface ImportError {
  line: number;
  message: string;
}

export interface ImportResult {
  /** null when the file kind could not be recognised. */
  kind: ImportKind | null;
  inserted: number;
  updated: number;
  errors: ImportError[];
}

/** A row of the file, with the line where it starts and its values by (lower-case) column name. */
export interface SourceRow {
  line: number;
  get(column: string): string;
}

export const CRITERION_COLUMNS = ['SMARTPHONE_OFFICIAL_INFO', 'ONLINE_PUBLIC_SERVICE', 'CASHLESS_PAYMENT'] as const;
export type CriterionCode = (typeof CRITERION_COLUMNS)[number];

export interface AreaRecord {
  line: number;
  code: string;
  name: string;
  level: 'province' | 'commune' | 'hamlet';
  kind: string;
  parentCode: string | null;
}

export interface HouseholdRecord {
  line: number;
  code: string;
  hamletCode: string;
  headName: string;
  members: number;
  /** Date each criterion was first met, or null when the column is empty (not met). */
  criteria: Record<CriterionCode, string | null>;
}

export const TARGET_GROUPS = ['public_sector', 'enterprise', 'citizen', 'student'] as const;
export const RESULTS = ['PASSED', 'FAILED'] as const;

export interface AssessmentRecord {
  line: number;
  residentCode: string;
  householdCode: string;
  fullName: string;
  birthYear: number;
  targetGroup: (typeof TARGET_GROUPS)[number];
  result: (typeof RESULTS)[number];
  assessedOn: string;
}
