/** Checks that the codes a file refers to exist, in the database or (areas) in the file itself. */
import type { Executor } from '../../db/client';
import { findAreaLevels, findHouseholdCodes } from './queries';
import type { Reference } from './records';
import type { ImportError, ImportKind } from './types';

const PARENT_LEVEL: Record<string, string> = { province: 'country', commune: 'province', hamlet: 'commune' };
const LEVEL_NAME: Record<string, string> = { country: 'quốc gia', province: 'tỉnh', commune: 'xã', hamlet: 'thôn/xóm' };
const unique = (refs: readonly Reference[]) => [...new Set(refs.map((r) => r.code))];

export async function referenceErrors(
  executor: Executor, kind: ImportKind, refs: readonly Reference[], fileAreas: ReadonlyMap<string, string>,
): Promise<ImportError[]> {
  if (refs.length === 0) return [];
  switch (kind) {
    case 'areas': {
      const levels = new Map(fileAreas);
      const outside = unique(refs).filter((code) => !levels.has(code));
      for (const a of outside.length ? await findAreaLevels(executor, outside) : []) levels.set(a.code, a.level);
      return refs.flatMap((r) => {
        const parentLevel = levels.get(r.code);
        if (!parentLevel) return [{ line: r.line, message: `Không tìm thấy địa bàn cấp trên có mã "${r.code}" (parent_code).` }];
        const expected = PARENT_LEVEL[r.level ?? ''];
        if (expected && parentLevel !== expected && LEVEL_NAME[parentLevel]) {
          return [{ line: r.line, message: `Địa bàn cấp trên "${r.code}" là ${LEVEL_NAME[parentLevel]}, nhưng một ${LEVEL_NAME[r.level!]} phải thuộc một ${LEVEL_NAME[expected]}.` }];
        }
        return [];
      });
    }
    case 'households': {
      const levels = new Map((await findAreaLevels(executor, unique(refs))).map((a) => [a.code, a.level]));
      return refs.flatMap((r) => {
        const level = levels.get(r.code);
        if (!level) return [{ line: r.line, message: `Không tìm thấy thôn/xóm có mã "${r.code}" (hamlet_code).` }];
        if (level !== 'hamlet') return [{ line: r.line, message: `Mã "${r.code}" là mã ${LEVEL_NAME[level]}, không phải thôn/xóm (hamlet_code).` }];
        return [];
      });
    }
    case 'assessments': {
      const known = new Set(await findHouseholdCodes(executor, unique(refs)));
      return refs.flatMap((r) => known.has(r.code) ? []
        : [{ line: r.line, message: `Không tìm thấy hộ gia đình có mã "${r.code}" (household_code).` }]);
    }
  }
}
