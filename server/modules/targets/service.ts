/** Assigning targets: province → commune, commune → team, with optimistic concurrency on edits. */
import type { Db, Executor } from '../../db/client';
import { ConflictError, InvalidInputError, NotFoundError } from '../../errors';
import { recordAudit } from '../access/audit';
import { requireAreaScope } from '../access/policy';
import type { ServiceRequest } from '../access/request';
import { Role, type Viewer } from '../access/roles';
import { requireCommune } from '../areas/service';
import { requireTeamOfChair, TEAM_READERS } from '../teams/service';
import { parsePeriod } from './pace';
import {
  findTarget, findTargetByOwner, findTargets, findTeamTargetsOfCommunes, insertTarget, type TargetRow, updateTargetIfVersion,
} from './queries';
import type { CommuneTargetInput, TeamTargetInput } from './types';
import { TargetMetric } from '../activities/metrics';
import { recordChange } from '../changes/service';

const MAX_TARGET = 1_000_000;
const nf = new Intl.NumberFormat('vi-VN');

export function requirePeriod(period: string) {
  const range = parsePeriod(period);
  if (!range) throw new InvalidInputError(`Kỳ "${period}" không hợp lệ: dùng quý (ví dụ 2025-Q4) hoặc năm (ví dụ 2025).`);
  return range;
}

interface Owner { communeId: number | null; teamId: number | null; ownerCommuneId: number }

async function saveTarget(db: Db, viewer: Viewer, owner: Owner,
  input: { period: string; metric: TargetMetric; value: number; expectedVersion?: number | null }): Promise<TargetRow> {
  requirePeriod(input.period);
  if (!Number.isInteger(input.value) || input.value <= 0 || input.value > MAX_TARGET) {
    throw new InvalidInputError(`Chỉ tiêu phải là số nguyên dương, tối đa ${nf.format(MAX_TARGET)}.`);
  }
  const key = { period: input.period, metric: input.metric, communeId: owner.communeId, teamId: owner.teamId };
  return db.transaction(async (tx) => {
    let id: number;
    let before: TargetRow | null = null;
    if (input.expectedVersion == null) {
      const inserted = await insertTarget(tx, { ...key, value: input.value, userId: viewer.userId });
      if (inserted === null) {
        const current = await findTargetByOwner(tx, key);
        throw new ConflictError('Chỉ tiêu này đã được giao (có thể do người khác vừa giao). Hãy tải lại và sửa chỉ tiêu hiện có.',
          { currentVersion: current?.version, currentValue: current?.value });
      }
      id = inserted;
    } else {
      before = await findTargetByOwner(tx, key);
      if (!before) throw new NotFoundError('Chưa có chỉ tiêu này để sửa: hãy giao mới.');
      id = before.id;
      if (!(await updateTargetIfVersion(tx, id, input.expectedVersion, input.value, viewer.userId))) {
        const current = await findTarget(tx, id);
        throw new ConflictError(
          `Chỉ tiêu đã được người khác sửa (hiện là ${nf.format(current?.value ?? 0)}, phiên bản ${current?.version}). ` +
          'Thay đổi của bạn chưa được lưu: hãy tải lại rồi sửa lại nếu cần.',
          { currentVersion: current?.version, currentValue: current?.value },
        );
      }
    }
    const after = (await findTarget(tx, id))!;
    await recordChange(tx, { kind: 'targets', areaIds: [owner.ownerCommuneId] });
    await recordAudit(tx, viewer, { action: before ? 'target.update' : 'target.create', entity: 'target', entityId: id, before, after });
    return after;
  });
}

/** The province assigns a commune its target. */
export async function setCommuneTarget({ db, viewer }: ServiceRequest, input: CommuneTargetInput) {
  const commune = await requireCommune(db, input.communeCode);
  const v = await requireAreaScope(db, viewer, [commune.id], [Role.PROVINCE_ADMIN]);
  const target = await saveTarget(db, v, { communeId: commune.id, teamId: null, ownerCommuneId: commune.id }, input);
  return { target, warnings: await allocationWarnings(db, commune.id, input.period, [input.metric]) };
}

/** The commune chair assigns one of the commune's teams its target. */
export async function setTeamTarget({ db, viewer }: ServiceRequest, input: TeamTargetInput) {
  const { viewer: v, team } = await requireTeamOfChair(db, viewer, input.teamId);
  if (!team.active) throw new InvalidInputError(`Tổ "${team.name}" đã ngừng hoạt động: không giao chỉ tiêu mới.`);
  const target = await saveTarget(db, v, { communeId: null, teamId: team.id, ownerCommuneId: team.communeId }, input);
  return { target, warnings: await allocationWarnings(db, team.communeId, input.period, [input.metric]) };
}

export interface Allocation {
  metric: TargetMetric;
  communeTarget: TargetRow | null;
  teamTargetsSum: number;
  shortfall: number;
  warning: string | null;
}

/** Per metric: the commune's target against the sum of its teams' targets. */
export async function allocations(db: Executor, communeId: number, period: string) {
  const [own, teamTargets] = await Promise.all([
    findTargets(db, { periods: [period], communeIds: [communeId] }),
    findTeamTargetsOfCommunes(db, [communeId], period),
  ]);
  const rows: Allocation[] = Object.values(TargetMetric).map((metric) => {
    const communeTarget = own.find((t) => t.metric === metric) ?? null;
    const teamTargetsSum = teamTargets.filter((t) => t.metric === metric).reduce((s, t) => s + t.value, 0);
    const shortfall = communeTarget ? Math.max(0, communeTarget.value - teamTargetsSum) : 0;
    const warning = shortfall > 0
      ? `Tổng chỉ tiêu giao cho các tổ (${nf.format(teamTargetsSum)}) thấp hơn chỉ tiêu của xã (${nf.format(communeTarget!.value)}): còn thiếu ${nf.format(shortfall)}.`
      : null;
    return { metric, communeTarget, teamTargetsSum, shortfall, warning };
  });
  return { allocations: rows, teamTargets };
}

async function allocationWarnings(db: Executor, communeId: number, period: string, metrics: TargetMetric[]): Promise<string[]> {
  const { allocations: rows } = await allocations(db, communeId, period);
  return rows.filter((r) => metrics.includes(r.metric) && r.warning).map((r) => r.warning!);
}

/** The commune's assignment table for a period. */
export async function communeTargetPlan({ db, viewer }: ServiceRequest, communeCode: string, period: string) {
  const commune = await requireCommune(db, communeCode);
  await requireAreaScope(db, viewer, [commune.id], TEAM_READERS.filter((r) => r !== Role.TEAM_LEADER));
  requirePeriod(period);
  return { commune, period, ...(await allocations(db, commune.id, period)) };
}

/** Targets of periods by owner, for other modules (reviews, awards) that check access themselves. */
export const targetsOf = (db: Executor, q: Parameters<typeof findTargets>[1]) => findTargets(db, q);

/** Every team target of the communes' teams (all communes: null) in a period, for other modules. */
export const teamTargetsOfCommunes = (db: Executor, communeIds: readonly number[] | null, period: string) =>
  findTeamTargetsOfCommunes(db, communeIds, period);
