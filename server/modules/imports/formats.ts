/** The three exchange formats of DOMAIN.md, recognised by their header row. */
import { CRITERION_COLUMNS, type ImportKind, type SourceRow } from './types';

export const FORMATS: Record<ImportKind, { file: string; label: string; columns: readonly string[] }> = {
  areas: { file: 'areas.csv', label: 'địa bàn', columns: ['code', 'name', 'level', 'kind', 'parent_code'] },
  households: {
    file: 'households.csv', label: 'hộ gia đình',
    columns: ['code', 'hamlet_code', 'head_name', 'members', ...CRITERION_COLUMNS],
  },
  assessments: {
    file: 'assessments.csv', label: 'kết quả đánh giá kỹ năng số',
    columns: ['resident_code', 'household_code', 'full_name', 'birth_year', 'target_group', 'result', 'assessed_on'],
  },
};

const KINDS = Object.keys(FORMATS) as ImportKind[];
const norm = (column: string) => column.trim().toLowerCase();

export type Recognised =
  | { ok: true; kind: ImportKind; toRow(line: number, values: readonly string[]): SourceRow }
  | { ok: false; kind: ImportKind | null; message: string };

/**
 * Picks the format whose required columns the header holds most of (names compared
 * case-insensitively, extra columns ignored); a missing required column is an error naming it.
 */
export function recogniseHeader(header: readonly string[]): Recognised {
  const index = new Map<string, number>();
  header.forEach((name, i) => {
    if (!index.has(norm(name))) index.set(norm(name), i);
  });
  const scored = KINDS.map((kind) => {
    const missing = FORMATS[kind].columns.filter((c) => !index.has(norm(c)));
    return { kind, missing, found: FORMATS[kind].columns.length - missing.length };
  }).sort((a, b) => b.found - a.found || a.missing.length - b.missing.length);
  const best = scored[0]!;
  if (best.found === 0) {
    const expected = KINDS.map((k) => `${FORMATS[k].file}: ${FORMATS[k].columns.join(',')}`).join('; ');
    return { ok: false, kind: null, message: `Không nhận ra loại tệp từ dòng tiêu đề. Dòng tiêu đề phải là một trong các dạng: ${expected}.` };
  }
  const format = FORMATS[best.kind];
  if (best.missing.length > 0) {
    const names = best.missing.map((c) => `"${c}"`).join(', ');
    return {
      ok: false, kind: best.kind,
      message: `Thiếu cột bắt buộc ${names} trong dòng tiêu đề (tệp ${format.label} ${format.file} cần các cột: ${format.columns.join(',')}).`,
    };
  }
  return {
    ok: true, kind: best.kind,
    toRow: (line, values) => ({ line, get: (column) => values[index.get(norm(column))!] ?? '' }),
  };
}
