import type { Executor } from '../../db/client';
import { NotFoundError } from '../../errors';
import { type AreaSummary, findAreasByCodes, listAreas } from './queries';
import { byVietnameseName } from './name-order';
import type { AreaLevel } from './types';

export async function getAreaByCode(db: Executor, code: string): Promise<AreaSummary | null> {
  const [area] = await findAreasByCodes(db, [code]);
  return area ?? null;
}

export async function requireAreaByCode(db: Executor, code: string): Promise<AreaSummary> {
  const area = await getAreaByCode(db, code);
  if (!area) throw new NotFoundError(`Không tìm thấy địa bàn có mã "${code}".`);
  return area;
}

export async function listAreasUnder(db: Executor, parentCode?: string, level?: AreaLevel): Promise<AreaSummary[]> {
  const rows = await listAreas(db, { parentCode, level });
  // An unknown parent is an error, a known one without children an empty list: asked only then.
  if (rows.length === 0 && parentCode !== undefined) await requireAreaByCode(db, parentCode);
  return byVietnameseName(rows);
}

/** The current areas with these codes, in the order given; NOT_FOUND names the missing ones. */
export async function requireAreasByCodes(db: Executor, codes: readonly string[]): Promise<AreaSummary[]> {
  const unique = [...new Set(codes)];
  const found = new Map((await findAreasByCodes(db, unique)).map((a) => [a.code, a]));
  const missing = unique.filter((c) => !found.has(c));
  if (missing.length > 0) throw new NotFoundError(`Không tìm thấy địa bàn có mã: ${missing.join(', ')}.`);
  return unique.map((c) => found.get(c)!);
}
