/**
 * CSV import, all or nothing: the file is parsed, recognised by its header, every row validated
 * and every reference checked; if anything is wrong nothing is written and every error returned,
 * otherwise all rows are upserted by code in one transaction.
 */
import type { Db } from '../../db/client';
import { todayInVietnam } from '../../dates';
import { recogniseHeader } from './formats';
import { invalidCharacterErrors, parseCsv } from './parse';
import { referencesOf, validateRows } from './records';
import { referenceErrors } from './references';
import type { ImportError, ImportResult } from './types';
import { writeAreas, writeAssessments, writeHouseholds } from './writers';
import { recordChange } from '../changes/service';
import { CHANGE_KINDS } from '../changes/types';

export interface ImportOptions {
  /** Today's date (YYYY-MM-DD) for the future-date check and lost criteria; default: today in Vietnam. */
  today?: string;
  /** Files with this many households or more recount the aggregates in full (default BULK_HOUSEHOLDS). */
  bulkFrom?: number;
}

const byLine = (a: ImportError, b: ImportError) => a.line - b.line;
const EMPTY_FILE = 'Tệp rỗng: không có dòng dữ liệu nào (cần một dòng tiêu đề và ít nhất một dòng dữ liệu).';

export async function importCsv(db: Db, contents: string, options: ImportOptions = {}): Promise<ImportResult> {
  const today = options.today ?? todayInVietnam();
  const failed = (kind: ImportResult['kind'], errors: ImportError[]): ImportResult =>
    ({ kind, inserted: 0, updated: 0, errors: errors.sort(byLine) });

  const parsed = parseCsv(contents);
  if (!parsed.ok) return failed(null, [parsed.error]);
  const { header, headerLine, rows } = parsed.csv;
  const badCharacters = invalidCharacterErrors(parsed.csv);
  if (badCharacters.length > 0) return failed(null, badCharacters);
  if (header.length === 0) return failed(null, [{ line: 1, message: EMPTY_FILE }]);
  const format = recogniseHeader(header);
  if (!format.ok) return failed(format.kind, [{ line: headerLine, message: format.message }]);
  if (rows.length === 0) return failed(format.kind, [{ line: headerLine, message: EMPTY_FILE }]);

  const sourceRows = rows.map((r) => format.toRow(r.line, r.values));
  const { file, errors } = validateRows(format.kind, sourceRows, today);
  const { refs, fileAreas } = referencesOf(format.kind, sourceRows);
  return db.transaction(async (tx) => {
    errors.push(...(await referenceErrors(tx, format.kind, refs, fileAreas)));
    if (errors.length > 0) return failed(file.kind, errors);
    const inserted = file.kind === 'areas' ? await writeAreas(tx, file.records)
      : file.kind === 'households' ? await writeHouseholds(tx, file.records, today, options.bulkFrom)
      : await writeAssessments(tx, file.records, options.bulkFrom);
    // An areas file may move hamlets between communes (every roll-up is recomputed): everything changed.
    await recordChange(tx, file.kind === 'areas' ? { kind: CHANGE_KINDS } : { kind: 'households' });
    return { kind: file.kind, inserted, updated: file.records.length - inserted, errors: [] };
  });
}
