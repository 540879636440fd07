/*
 * Authorization in one place: services open with `requireRole` / `requireAreaScope`, as in
 * `await requireAreaScope(db, viewer, [hamletId], [Role.COMMUNE_OFFICER, Role.TEAM_LEADER])`, or,
 * for a record named by id, `requireRecordScope` (which looks the record up inside the check).
 */
import type { Executor } from '../../db/client';
import { ForbiddenError, UnauthenticatedError } from '../../errors';
import { allWithin } from '../areas/service';
import { PROVINCE_ROLES, type Role, type Viewer } from './roles';

export function requireViewer(viewer: Viewer | null): Viewer {
  if (!viewer) throw new UnauthenticatedError();
  return viewer;
}

export function requireRole(viewer: Viewer | null, roles: readonly Role[]): Viewer {
  const v = requireViewer(viewer);
  if (!roles.includes(v.role)) throw new ForbiddenError();
  return v;
}

/** Is every area in `areaIds` inside (or equal to) one of the viewer's scope areas? */
export function inScope(db: Executor, viewer: Viewer, areaIds: readonly number[]): Promise<boolean> {
  return allWithin(db, areaIds, viewer.areaIds);
}

/** The viewer has one of `roles` and every area is in their scope; otherwise "không có quyền". */
export async function requireAreaScope(
  db: Executor, viewer: Viewer | null, areaIds: readonly number[], roles: readonly Role[],
): Promise<Viewer> {
  const v = requireRole(viewer, roles);
  if (!(await inScope(db, v, areaIds))) {
    throw new ForbiddenError(OUT_OF_SCOPE);
  }
  return v;
}

const OUT_OF_SCOPE = 'Bạn không có quyền với địa bàn này (ngoài phạm vi được giao).';

/**
 * The access check for a record named by its id (or code): the role first, then the record's
 * areas must lie in the viewer's scope. The record is looked up inside the check, and one that
 * does not exist answers FORBIDDEN like one outside the scope, so an outsider cannot tell which
 * ids exist; only a province-wide viewer, who would see the record anyway, hears NOT_FOUND.
 */
export async function requireRecordScope<T>(
  db: Executor, viewer: Viewer | null, roles: readonly Role[],
  record: { find: () => Promise<T | null | undefined>; areas: (found: T) => readonly number[]; notFound: () => Error },
): Promise<{ viewer: Viewer; found: T }> {
  const v = requireRole(viewer, roles);
  const found = await record.find();
  if (found == null) throw PROVINCE_ROLES.includes(v.role) ? record.notFound() : new ForbiddenError(OUT_OF_SCOPE);
  if (!(await inScope(db, v, record.areas(found)))) throw new ForbiddenError(OUT_OF_SCOPE);
  return { viewer: v, found };
}
