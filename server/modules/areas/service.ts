import type { Executor } from '../../db/client';
import { InvalidInputError, NotFoundError } from '../../errors';
import {
  ancestorCodes, type AreaLevelValue, type AreaSummary, countOutside, findAreasByCodes, findAreasByIds, findChildren, findCurrentAreaIds, listAreas,
  rebuildAncestors,
} from './queries';
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

/** The commune with this code: NOT_FOUND when unknown, BAD_USER_INPUT when the area is not a commune. */
export async function requireCommune(db: Executor, code: string): Promise<AreaSummary> {
  return checkCommune(await requireAreaByCode(db, code));
}

export function checkCommune(area: AreaSummary): AreaSummary {
  if (area.level !== 'commune') throw new InvalidInputError(`"${area.name}" không phải đơn vị cấp xã.`);
  return area;
}

/** The current areas with these codes, in the order given; NOT_FOUND names the missing ones. */
export async function requireAreasByCodes(db: Executor, codes: readonly string[]): Promise<AreaSummary[]> {
  const unique = [...new Set(codes)];
  const found = new Map((await findAreasByCodes(db, unique)).map((a) => [a.code, a]));
  const missing = unique.filter((c) => !found.has(c));
  if (missing.length > 0) throw new NotFoundError(`Không tìm thấy địa bàn có mã: ${missing.join(', ')}.`);
  return unique.map((c) => found.get(c)!);
}

/** Is every area of `areaIds` inside (or equal to) one of `scopeIds`? (The access policy's question.) */
export async function allWithin(db: Executor, areaIds: readonly number[], scopeIds: readonly number[]): Promise<boolean> {
  if (areaIds.length === 0) return true;
  return (await countOutside(db, areaIds, scopeIds)) === 0;
}

/*
 * Read functions for other modules (no access check: areas are public, and callers check their
 * own records), so that no other module names the areas' tables.
 */

/** Areas by id, current or past. */
export const areasByIds = (db: Executor, ids: readonly number[]) => (ids.length ? findAreasByIds(db, ids) : Promise.resolve([]));

/** The current children of an area at one level (a province's communes). */
export async function currentChildren(db: Executor, parentId: number, level: AreaLevelValue): Promise<AreaSummary[]> {
  return (await findChildren(db, [parentId])).filter((a) => a.level === level);
}

/** The ids of every current area of these levels. */
export const currentAreaIdsAt = (db: Executor, levels: readonly AreaLevelValue[]) => findCurrentAreaIds(db, levels);

/** After areas were added or moved (the import): the ancestor table again from the parent links. */
export const refreshAncestry = (db: Executor) => rebuildAncestors(db);

/** The codes of areas and of all their ancestors (what a change in them touches), for the change events. */
export const areasAndAncestorCodes = (db: Executor, ids: readonly number[], codes: readonly string[]) => ancestorCodes(db, ids, codes);
