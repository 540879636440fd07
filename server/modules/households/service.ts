/** Households of a hamlet (personal data, scoped and audited) and their "Gia đình số" criteria. */
import type { Executor } from '../../db/client';
import { InvalidInputError, NotFoundError } from '../../errors';
import { recordAudit } from '../access/audit';
import { maskName, namesMaskedFor } from '../access/masking';
import { requireAreaScope, requireRecordScope, requireRole } from '../access/policy';
import type { ServiceRequest } from '../access/request';
import { Role } from '../access/roles';
import { requireAreaByCode } from '../areas/service';
import { householdsByIds, withAggregates } from '../indicators/aggregates';
import * as q from './queries';
import type { Household } from './types';
import { recordChange } from '../changes/service';

/** Who may read a hamlet's households; PROVINCE_LEADER sees masked names only. */
export const HOUSEHOLD_READERS = [
  Role.PROVINCE_ADMIN, Role.PROVINCE_LEADER, Role.COMMUNE_CHAIR, Role.COMMUNE_OFFICER, Role.TEAM_LEADER,
] as const;
/** Who may change a household's criteria, each within their scope. */
export const HOUSEHOLD_EDITORS = [Role.PROVINCE_ADMIN, Role.COMMUNE_CHAIR, Role.COMMUNE_OFFICER, Role.TEAM_LEADER] as const;
/** Roles that need counts, not names. */

const fold = (s: string) =>
  s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase().trim();

export async function householdsOfHamlet(ctx: ServiceRequest, hamletCode: string, search: string | null): Promise<Household[]> {
  requireRole(ctx.viewer, HOUSEHOLD_READERS);
  const hamlet = await requireAreaByCode(ctx.db, hamletCode);
  if (hamlet.level !== 'hamlet') throw new InvalidInputError(`Mã "${hamletCode}" không phải thôn/xóm.`);
  const viewer = await requireAreaScope(ctx.db, ctx.viewer, [hamlet.id], HOUSEHOLD_READERS);
  const masked = namesMaskedFor(viewer);
  const rows = await q.listHouseholds(ctx.db, { hamletId: hamlet.id }, ctx.today);
  // Who read whose data: one line per read, as Decree 13/2023 expects.
  await recordAudit(ctx.db, viewer, { action: 'READ_HOUSEHOLDS', entity: 'hamlet', entityId: hamlet.code,
    after: { search: search ?? null, rows: rows.length } });
  const needle = search ? fold(search.slice(0, 100)) : '';
  return rows
    .filter((h) => !needle || fold(h.code).includes(needle) || (!masked && fold(h.headName).includes(needle)))
    .map((h) => toHousehold(h, masked, ctx.today));
}

function toHousehold(h: q.HouseholdRow, masked: boolean, today: string): Household {
  return {
    code: h.code,
    headName: masked ? maskName(h.headName) : h.headName,
    nameMasked: masked,
    members: h.members,
    isDigitalFamily: h.digitalSince !== null,
    digitalSince: h.digitalSince,
    criteria: (h.criteria ?? []).map((c) => ({ ...c, met: c.metOn !== null && c.metOn <= today && (c.lostOn === null || c.lostOn > today) })),
  };
}

/**
 * Sets the date a household first met a criterion, or clears it (metOn null: a correction), in
 * one transaction with the aggregates and the audit entry. metOn left out (undefined) is neither:
 * the caller forgot the date.
 */
export async function setHouseholdCriterion(
  ctx: ServiceRequest, householdCode: string, criterion: string, metOn: string | null | undefined,
): Promise<Household> {
  const { viewer, found: household } = await requireRecordScope(ctx.db, ctx.viewer, HOUSEHOLD_EDITORS, {
    find: () => q.findHousehold(ctx.db, householdCode), areas: (h) => [h.hamletId],
    notFound: () => new NotFoundError(`Không tìm thấy hộ có mã "${householdCode}".`),
  });
  if (!(await q.criterionExists(ctx.db, criterion))) throw new InvalidInputError(`Không có tiêu chí "${criterion}".`);
  if (metOn === undefined) throw new InvalidInputError('Cần nhập ngày đạt tiêu chí (metOn); gửi metOn: null để xóa tiêu chí.');
  if (metOn !== null && metOn > ctx.today) throw new InvalidInputError('Ngày đạt tiêu chí không được sau hôm nay.');

  await ctx.db.transaction(async (tx) => {
    const before = await q.findCriterion(tx, household.id, criterion);
    await withAggregates(tx, householdsByIds([household.id]), async () => {
      if (metOn === null) await q.deleteCriterion(tx, household.id, criterion);
      else await q.upsertCriterion(tx, household.id, criterion, metOn, viewer.username ?? `user:${viewer.userId}`);
    });
    await recordChange(tx, { kind: 'households', areaIds: [household.hamletId] });
    await recordAudit(tx, viewer, { action: 'SET_HOUSEHOLD_CRITERION', entity: 'household', entityId: household.code,
      before: { criterion, ...(before ?? { metOn: null }) }, after: { criterion, metOn } });
  });
  const [updated] = await q.listHouseholds(ctx.db, { householdId: household.id }, ctx.today);
  return toHousehold(updated!, false, ctx.today);
}

/** Households by code with their hamlet, for other modules (activities name the household helped) that check access themselves. */
export const householdRefs = (db: Executor, codes: readonly string[]) => (codes.length ? q.findHouseholdRefs(db, codes) : Promise.resolve([]));
