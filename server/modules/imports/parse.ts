/**
 * CSV parsing for imports: UTF-8 with or without BOM, LF or CRLF line ends, quoted fields with
 * commas or line breaks. Every value is trimmed and normalised to NFC (names arrive in NFD too).
 */
import { CsvError, parse } from 'csv-parse/sync';
import type { ImportError } from './types';

export interface ParsedCsv {
  /** Header cells, trimmed and NFC (the first non-blank line); empty when the file is empty. */
  header: string[];
  headerLine: number;
  /** Data rows with the physical line where each starts; blank lines are left out. */
  rows: { line: number; values: string[] }[];
}

const LINE_BREAK = /\r\n|\r|\n/g;
const lineBreaks = (value: string) => value.match(LINE_BREAK)?.length ?? 0;
const clean = (value: string) => value.normalize('NFC').trim();

export type ParseOutcome = { ok: true; csv: ParsedCsv } | { ok: false; error: ImportError };

export function parseCsv(text: string): ParseOutcome {
  let records: string[][];
  try {
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = Number((error as CsvError & { lines?: number }).lines) || 1;
    return { ok: false, error: { line, message: `Tệp CSV sai định dạng (${csvReason(error)}).` } };
  }
  // Line numbers are counted here, not taken from csv-parse: its count is off for CRLF inside quotes.
  // A record starts on the line after the previous one ends and spans the breaks inside its quoted fields.
  let line = 1;
  const numbered = records.map((values) => {
    const start = line;
    line += 1 + values.reduce((sum, v) => sum + lineBreaks(v), 0);
    return { line: start, values: values.map(clean) };
  });
  const [first, ...rest] = numbered.filter((r) => r.values.some((v) => v !== ''));
  return { ok: true, csv: { header: first?.values ?? [], headerLine: first?.line ?? 1, rows: rest } };
}

/**
 * Lines holding a NUL character, which PostgreSQL refuses in text: one error per line, found
 * before anything reaches the database (whose error would carry every value of the statement).
 */
export function invalidCharacterErrors(csv: ParsedCsv): ImportError[] {
  const lines = [{ line: csv.headerLine, values: csv.header }, ...csv.rows];
  return lines.filter((r) => r.values.some((v) => v.includes('\u0000')))
    .map((r) => ({ line: r.line, message: 'có ký tự không hợp lệ (NUL)' }));
}

function csvReason(error: CsvError): string {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED': return 'dấu ngoặc kép mở nhưng không đóng';
    case 'CSV_INVALID_CLOSING_QUOTE': return 'dấu ngoặc kép đóng không đúng chỗ';
    default: return error.message;
  }
}
