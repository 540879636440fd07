/** Access checks of the awards module: the access contract's roles plus cycle membership, which it does not know. */
import type { Db, Executor } from '../../db/client';
import { ForbiddenError, NotFoundError } from '../../errors';
import { requireAreaScope, requireRole } from '../access/policy';
import type { ServiceRequest } from '../access/request';
import { PROVINCE_ROLES, Role, type Viewer } from '../access/roles';
import { type CycleRow, findCycle, findMembership } from './cycle-queries';
import { findNomination, type NominationRow } from './nomination-queries';

export async function loadCycle(db: Db, cycleId: number): Promise<CycleRow> {
  const cycle = await findCycle(db, cycleId);
  if (!cycle) throw new NotFoundError(`Không tìm thấy đợt xét khen thưởng số ${cycleId}.`);
  return cycle;
}

export async function loadNomination(db: Executor, nominationId: number): Promise<NominationRow> {
  const nomination = await findNomination(db, nominationId);
  if (!nomination) throw new NotFoundError(`Không tìm thấy hồ sơ đề nghị số ${nominationId}.`);
  return nomination;
}

const NOT_A_MEMBER = 'Bạn không có quyền: bạn không phải thành viên Hội đồng của đợt xét này.';
const OUT_OF_SCOPE = 'Bạn không có quyền với địa bàn này (ngoài phạm vi được giao).';
export const NOMINATION_READERS: readonly Role[] = [...PROVINCE_ROLES, Role.COMMUNE_CHAIR, Role.COMMITTEE_MEMBER];

/**
 * The nomination, looked up after the role check: an id that does not exist answers as one the
 * viewer may not read (the same FORBIDDEN), so ids cannot be probed; the province hears NOT_FOUND.
 * The caller then checks the nomination's commune or cycle.
 */
export async function findNominationFor(ctx: ServiceRequest, nominationId: number, roles: readonly Role[]): Promise<NominationRow> {
  const viewer = requireRole(ctx.viewer, roles);
  const nomination = await findNomination(ctx.db, nominationId);
  if (nomination) return nomination;
  throw hiddenUnlessProvince(viewer, `Không tìm thấy hồ sơ đề nghị số ${nominationId}.`);
}

/** What a viewer is told about a nomination (or its evidence) that does not exist. */
export function hiddenUnlessProvince(viewer: Viewer, notFound: string): Error {
  if (PROVINCE_ROLES.includes(viewer.role)) return new NotFoundError(notFound);
  return new ForbiddenError(viewer.role === Role.COMMITTEE_MEMBER ? NOT_A_MEMBER : OUT_OF_SCOPE);
}

/** A COMMITTEE_MEMBER who sits on this cycle's committee (and chairs it, when `chair`). */
export async function requireCycleMember(ctx: ServiceRequest, cycleId: number, chair = false): Promise<Viewer> {
  const viewer = requireRole(ctx.viewer, [Role.COMMITTEE_MEMBER]);
  const membership = await findMembership(ctx.db, cycleId, viewer.userId);
  if (!membership) throw new ForbiddenError(NOT_A_MEMBER);
  if (chair && !membership.isChair) throw new ForbiddenError('Bạn không có quyền: chỉ Chủ tịch Hội đồng được thực hiện thao tác này.');
  return viewer;
}

/** Who may read a nomination with names: province roles, the commune's chair, the cycle's committee. */
export async function requireNominationReader(ctx: ServiceRequest, cycleId: number, communeIds: readonly number[]): Promise<Viewer> {
  const viewer = requireRole(ctx.viewer, NOMINATION_READERS);
  if (viewer.role === Role.COMMUNE_CHAIR) await requireAreaScope(ctx.db, viewer, communeIds, [Role.COMMUNE_CHAIR]);
  if (viewer.role === Role.COMMITTEE_MEMBER) await requireCycleMember(ctx, cycleId);
  return viewer;
}
