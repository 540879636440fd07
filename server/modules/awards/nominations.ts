/** Nominations by the commune chair: draft, then submit within the window and quota; listing for those allowed. */
import { ConflictError, InvalidInputError, NotFoundError } from '../../errors';
import { recordAudit } from '../access/audit';
import { requireAreaScope } from '../access/policy';
import { PROVINCE_ROLES, Role, type Viewer } from '../access/roles';
import type { Tx } from '../../db/client';
import { findCycle, type CycleRow } from './cycle-queries';
import type { ServiceRequest } from '../access/request';
import { findNominationFor, loadCycle, loadNomination, NOMINATION_READERS, requireNominationReader } from './guards';
import {
  countInQuota, findNominee, insertNomination, listNominations, moveState, type NominationRow,
} from './nomination-queries';
import { nameKey } from '../areas/name-key';
import { teamsByIds, teamsOfCommunes } from '../teams/service';
import { areaIdByCode } from './area-lookup';
import { assertTransition, type NominationState } from './states';
import { TITLES, viDate } from './titles';
import { recordChange } from '../changes/service';

export interface NominationInput {
  cycleId: number;
  /** Household code (household titles), resident code (Công dân số); a team by id, or by its name with its commune. */
  nomineeCode?: string | null;
  teamId?: number | null;
  teamName?: string | null;
  communeCode?: string | null;
  justification: string;
}

const MAX_JUSTIFICATION = 5000;

export function requireWindowOpen(cycle: CycleRow, today: string): void {
  if (today < cycle.nominationOpensOn || today > cycle.nominationClosesOn) {
    throw new ConflictError(`Ngoài thời hạn nhận hồ sơ (${viDate(cycle.nominationOpensOn)}–${viDate(cycle.nominationClosesOn)}).`);
  }
}

/** Records a state change with its audit entry, refusing an illegal one before anything changes. */
export async function transition(
  tx: Tx, viewer: Viewer | null, nomination: NominationRow, to: NominationState, extra: Partial<NominationRow> = {},
): Promise<NominationRow> {
  assertTransition(nomination.state, to);
  const [moved] = await moveState(tx, [nomination.id], nomination.state, to, extra);
  if (!moved) throw new ConflictError('Hồ sơ vừa được người khác thay đổi trạng thái. Vui lòng tải lại.');
  await recordAudit(tx, viewer, { action: `award_nomination.${to}`, entity: 'award_nomination', entityId: nomination.id,
    before: { state: nomination.state }, after: { state: to, ...extra } });
  return moved;
}

/** The team nominated: by id, or by name within the commune (any case, NFC/NFD, tone-mark placement). */
async function findTeamNominee(ctx: ServiceRequest, input: NominationInput) {
  let team;
  if (input.teamId) {
    [team] = await teamsByIds(ctx.db, [input.teamId]);
  } else {
    const communeId = input.communeCode ? await areaIdByCode(ctx.db, input.communeCode, 'commune') : null;
    const name = input.teamName?.trim();
    if (!name || !communeId) throw new InvalidInputError('Cần chọn Tổ công nghệ số cộng đồng (hoặc tên tổ và mã xã).');
    team = (await teamsOfCommunes(ctx.db, [communeId])).find((t) => nameKey(t.name) === nameKey(name));
  }
  if (!team) throw new NotFoundError('Không tìm thấy Tổ công nghệ số cộng đồng này.');
  if (!team.active) throw new InvalidInputError(`${team.name} đã ngừng hoạt động: không thể đề nghị khen thưởng.`);
  return team;
}

export async function createNomination(ctx: ServiceRequest, input: NominationInput): Promise<NominationRow> {
  const cycle = await loadCycle(ctx.db, input.cycleId);
  const kind = TITLES[cycle.title].nominee;
  const justification = input.justification.trim();
  if (justification.length < 10 || justification.length > MAX_JUSTIFICATION) {
    throw new InvalidInputError(`Lý do đề nghị cần từ 10 đến ${MAX_JUSTIFICATION} ký tự.`);
  }
  let nominee: { householdId: number | null; residentId: number | null; teamId: number | null; teamName: string | null;
    name: string; communeId: number };
  if (kind === 'team') {
    const team = await findTeamNominee(ctx, input);
    nominee = { householdId: null, residentId: null, teamId: team.id, teamName: team.name, name: team.name, communeId: team.communeId };
  } else {
    const found = input.nomineeCode ? await findNominee(ctx.db, kind, input.nomineeCode.trim()) : null;
    if (!found) throw new NotFoundError(kind === 'household' ? 'Không tìm thấy hộ gia đình với mã này.' : 'Không tìm thấy người dân với mã này.');
    nominee = { ...found, householdId: kind === 'household' ? found.householdId : null, teamId: null, teamName: null };
  }
  const viewer = await requireAreaScope(ctx.db, ctx.viewer, [nominee.communeId], [Role.COMMUNE_CHAIR]);
  requireWindowOpen(cycle, ctx.today);
  return ctx.db.transaction(async (tx) => {
    await recordChange(tx, { kind: 'awards' });
    const row = await insertNomination(tx, {
      cycleId: cycle.id, communeId: nominee.communeId, householdId: nominee.householdId, residentId: nominee.residentId,
      teamId: nominee.teamId, teamName: nominee.teamName, nomineeName: nominee.name, justification, nominatedBy: viewer.userId,
    }).catch((error: unknown) => {
      if (String((error as { cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code) === '23505') {
        throw new ConflictError(kind === 'team' ? 'Tổ này đã có hồ sơ đề nghị trong đợt xét.' : 'Người/hộ này đã có hồ sơ đề nghị trong đợt xét.');
      }
      throw error;
    });
    await recordAudit(tx, viewer, { action: 'award_nomination.draft', entity: 'award_nomination', entityId: row.id, after: row });
    return row;
  });
}

/** Submits a draft: window open, and the commune's and the province's quota not yet full (counted under a cycle lock). */
export async function submitNomination(ctx: ServiceRequest, nominationId: number): Promise<NominationRow> {
  const nomination = await findNominationFor(ctx, nominationId, [Role.COMMUNE_CHAIR]);
  await requireAreaScope(ctx.db, ctx.viewer, [nomination.communeId], [Role.COMMUNE_CHAIR]);
  assertTransition(nomination.state, 'submitted');
  return ctx.db.transaction(async (tx) => {
    await recordChange(tx, { kind: 'awards' });
    const cycle = (await findCycle(tx, nomination.cycleId, true))!;
    requireWindowOpen(cycle, ctx.today);
    const used = await countInQuota(tx, cycle.id, nomination.communeId);
    if (used.commune >= cycle.quotaPerCommune) {
      throw new ConflictError(`Xã đã dùng hết chỉ tiêu đề nghị (${cycle.quotaPerCommune} hồ sơ).`);
    }
    if (used.total >= cycle.quotaTotal) throw new ConflictError(`Đợt xét đã đủ chỉ tiêu toàn tỉnh (${cycle.quotaTotal} hồ sơ).`);
    return transition(tx, ctx.viewer, nomination, 'submitted');
  });
}

export async function nominationsOf(ctx: ServiceRequest, cycleId: number, communeCode: string | null) {
  const communeId = communeCode ? await areaIdByCode(ctx.db, communeCode, 'commune') : null;
  if (communeCode && !communeId) throw new NotFoundError(`Không tìm thấy xã mã ${communeCode}.`);
  const viewer = ctx.viewer;
  if (viewer?.role === Role.COMMUNE_CHAIR && communeId === null) {
    throw new InvalidInputError('Chủ tịch UBND xã cần chọn xã của mình.');
  }
  await requireNominationReader(ctx, cycleId, communeId ? [communeId] : []);
  if (viewer && PROVINCE_ROLES.includes(viewer.role) && !(await findCycle(ctx.db, cycleId))) {
    throw new NotFoundError(`Không tìm thấy đợt xét khen thưởng số ${cycleId}.`);
  }
  return listNominations(ctx.db, cycleId, communeId ? { communeIds: [communeId] } : {});
}

export async function nominationById(ctx: ServiceRequest, nominationId: number) {
  const nomination = await findNominationFor(ctx, nominationId, NOMINATION_READERS);
  await requireNominationReader(ctx, nomination.cycleId, [nomination.communeId]);
  return nomination;
}

/** How much of the quota the commune and the province have used (sent and not turned down). */
export async function quotaOf(ctx: ServiceRequest, cycleId: number, communeCode: string) {
  const communeId = await areaIdByCode(ctx.db, communeCode, 'commune');
  if (!communeId) throw new NotFoundError(`Không tìm thấy xã mã ${communeCode}.`);
  await requireAreaScope(ctx.db, ctx.viewer, [communeId], [Role.COMMUNE_CHAIR, ...PROVINCE_ROLES]);
  const cycle = await loadCycle(ctx.db, cycleId);
  const used = await countInQuota(ctx.db, cycle.id, communeId);
  return { communeUsed: used.commune, quotaPerCommune: cycle.quotaPerCommune, totalUsed: used.total, quotaTotal: cycle.quotaTotal };
}
