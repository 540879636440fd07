/*
 * Authorization in one place: services open with `requireRole` / `requireAreaScope`, as in
 * `await requireAreaScope(ctx, hamletId, [Role.COMMUNE_OFFICER, Role.TEAM_LEADER])`.
 */
import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/client';
import { ForbiddenError, UnauthenticatedError } from '../../errors';
import type { Role, Viewer } from './roles';

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
export async function inScope(db: Executor, viewer: Viewer, areaIds: readonly number[]): Promise<boolean> {
  if (areaIds.length === 0) return true;
  const [row] = await queryRows<{ missing: number }>(db, sql`
    select count(*)::int as missing
    from (select distinct (jsonb_array_elements_text(${JSON.stringify(areaIds)}::jsonb))::int as id) a
    where not exists (
      select 1 from area_ancestors up
      where up.area_id = a.id
        and up.ancestor_id in (select (jsonb_array_elements_text(${JSON.stringify(viewer.areaIds)}::jsonb))::int))`);
  return row?.missing === 0;
}

/** The viewer has one of `roles` and every area is in their scope; otherwise "không có quyền". */
export async function requireAreaScope(
  db: Executor, viewer: Viewer | null, areaIds: readonly number[], roles: readonly Role[],
): Promise<Viewer> {
  const v = requireRole(viewer, roles);
  if (!(await inScope(db, v, areaIds))) {
    throw new ForbiddenError('Bạn không có quyền với địa bàn này (ngoài phạm vi được giao).');
  }
  return v;
}
