/*
 * Support activities logged from phones. A record carries a client-generated id: a retry of the
 * same record (bad connection, offline queue) is accepted and counted once, even concurrently.
 */
import type { Db, Executor } from '../../db/client';
import { isIsoDate, MOVEMENT_START } from '../../dates';
import { ConflictError, InvalidInputError } from '../../errors';
import { recordAudit } from '../access/audit';
import { inScope, requireAreaScope, requireRole } from '../access/policy';
import type { ServiceRequest } from '../access/request';
import { Role, type Viewer } from '../access/roles';
import { campaignsByIds } from '../campaigns/service';
import { householdRefs } from '../households/service';
import { getTeam, hamletTeams, membersByIds } from '../teams/service';
import { TargetMetric } from './metrics';
import {
  type ActivityRow, activitySumsByArea, activitySumsByTeam, activitySummaryByMembers, findActivitiesByClientIds, findTeamActivities,
  insertActivities, type NewActivity,
} from './queries';
import { recordChange } from '../changes/service';

/** More than this in one record is a typing error, not a day's work. */
export const MAX_QUANTITY = 1000;
export const MAX_BATCH = 500;
const MAX_NOTE = 1000;

/** Team leaders log for their own hamlets; commune officers and chairs for any hamlet of their commune. */
export const ACTIVITY_LOGGERS: readonly Role[] = [Role.TEAM_LEADER, Role.COMMUNE_OFFICER, Role.COMMUNE_CHAIR];

const LOGGED_METRICS = new Set<string>([TargetMetric.OUTREACH_SESSIONS, TargetMetric.PEOPLE_SUPPORTED,
  TargetMetric.APP_INSTALLS, TargetMetric.LESSONS_COMPLETED]);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ActivityInput {
  clientId: string;
  hamletCode: string;
  metric: string;
  quantity: number;
  activityOn: string;
  householdCode?: string | null;
  memberId?: number | null;
  campaignId?: number | null;
  note?: string | null;
}

export interface LoggedActivity {
  record: ActivityRow;
  /** True when the record had already been received (a retry): it was not counted again. */
  duplicate: boolean;
}

/** What is wrong with one record on its own (no database needed); empty when nothing is. */
export function checkActivity(input: ActivityInput, today: string): string[] {
  const errors: string[] = [];
  if (!UUID.test(input.clientId)) errors.push('Mã bản ghi (clientId) phải là UUID do ứng dụng tạo.');
  if (input.metric === TargetMetric.NEW_DIGITAL_FAMILIES) {
    errors.push('Số Gia đình số mới được tính từ dữ liệu hộ gia đình, không nhập qua nhật ký hoạt động.');
  } else if (!LOGGED_METRICS.has(input.metric)) {
    errors.push(`Loại hoạt động "${input.metric}" không tồn tại.`);
  }
  if (!Number.isInteger(input.quantity) || input.quantity <= 0) errors.push('Số lượng phải là số nguyên dương.');
  else if (input.quantity > MAX_QUANTITY) errors.push(`Số lượng ${input.quantity} quá lớn cho một bản ghi (tối đa ${MAX_QUANTITY}): hãy kiểm tra lại.`);
  if (!isIsoDate(input.activityOn)) errors.push('Ngày hoạt động không hợp lệ.');
  else if (input.activityOn > today) errors.push(`Ngày hoạt động ${input.activityOn} ở tương lai (hôm nay là ${today}).`);
  else if (input.activityOn < MOVEMENT_START) errors.push(`Ngày hoạt động ${input.activityOn} trước khi phong trào bắt đầu (${MOVEMENT_START}).`);
  if ((input.note?.length ?? 0) > MAX_NOTE) errors.push(`Ghi chú dài quá ${MAX_NOTE} ký tự.`);
  return errors;
}

function fail(errors: { index: number; message: string }[], total: number): never {
  const prefix = (i: number) => (total > 1 ? `Bản ghi ${i + 1}: ` : '');
  throw new InvalidInputError(errors.map((e) => prefix(e.index) + e.message).join(' '), {
    errors: errors.map((e) => ({ index: e.index, message: e.message })),
  });
}

/** Checks every record against the data (hamlet, team, campaign, household, member); all or nothing. */
async function resolveActivities(db: Executor, viewer: Viewer, inputs: readonly ActivityInput[]): Promise<NewActivity[]> {
  const errors: { index: number; message: string }[] = [];
  const hamlets = new Map((await hamletTeams(db, [...new Set(inputs.map((i) => i.hamletCode))])).map((h) => [h.code, h]));
  const campaignIds = [...new Set(inputs.flatMap((i) => (i.campaignId ? [i.campaignId] : [])))];
  const campaigns = new Map((await campaignsByIds(db, campaignIds)).map((c) => [c.id, c]));
  const householdCodes = [...new Set(inputs.flatMap((i) => (i.householdCode ? [i.householdCode] : [])))];
  const households = new Map((await householdRefs(db, householdCodes)).map((h) => [h.code, h]));
  const memberIds = [...new Set(inputs.flatMap((i) => (i.memberId ? [i.memberId] : [])))];
  const members = new Map((await membersByIds(db, memberIds)).map((m) => [m.id, m]));

  const rows = inputs.map((input, index) => {
    const err = (message: string) => errors.push({ index, message });
    const hamlet = hamlets.get(input.hamletCode);
    if (!hamlet) err(`Không tìm thấy thôn/xóm có mã "${input.hamletCode}".`);
    else if (hamlet.teamId === null) err(`Thôn/xóm ${input.hamletCode} chưa có tổ công nghệ số cộng đồng.`);
    const campaign = input.campaignId ? campaigns.get(input.campaignId) : undefined;
    if (input.campaignId && !campaign) err(`Không tìm thấy chiến dịch #${input.campaignId}.`);
    if (campaign && input.activityOn < campaign.startsOn) err(`Ngày hoạt động ${input.activityOn} trước khi chiến dịch "${campaign.name}" bắt đầu (${campaign.startsOn}).`);
    if (campaign && input.activityOn > campaign.endsOn) err(`Ngày hoạt động ${input.activityOn} sau khi chiến dịch "${campaign.name}" kết thúc (${campaign.endsOn}).`);
    const household = input.householdCode ? households.get(input.householdCode) : undefined;
    if (input.householdCode && (!household || household.hamletId !== hamlet?.hamletId)) {
      err(`Không tìm thấy hộ "${input.householdCode}" trong thôn/xóm ${input.hamletCode}.`);
    }
    const member = input.memberId ? members.get(input.memberId) : undefined;
    if (input.memberId && (!member || member.teamId !== hamlet?.teamId)) err(`Thành viên #${input.memberId} không thuộc tổ của thôn/xóm này.`);
    return {
      clientId: input.clientId.toLowerCase(), teamId: hamlet?.teamId ?? 0, hamletId: hamlet?.hamletId ?? 0,
      memberId: input.memberId ?? null, campaignId: input.campaignId ?? null, metric: input.metric, quantity: input.quantity,
      activityOn: input.activityOn, householdId: household?.id ?? null, note: input.note?.trim() || null,
    };
  });
  if (errors.length) fail(errors, inputs.length);
  await requireAreaScope(db, viewer, [...new Set(rows.map((r) => r.hamletId))], ACTIVITY_LOGGERS);
  return rows;
}

/**
 * A client id already stored for a record outside the sender's scope is not a retry of theirs
 * (a copied or guessed id): the answer must not show that record (its note, its hamlet), and the
 * whole batch is refused, so the transaction writes nothing. A retry of a record in the sender's
 * own area is answered with the stored record, as before.
 */
async function refuseForeignDuplicates(
  tx: Executor, viewer: Viewer, rows: readonly NewActivity[], inserted: ReadonlySet<string>, stored: ReadonlyMap<string, ActivityRow>,
): Promise<void> {
  const earlier = rows.flatMap((row, index) => (inserted.has(row.clientId) ? [] : [{ index, record: stored.get(row.clientId)! }]));
  const outside = new Set<number>();
  for (const hamletId of new Set(earlier.map((e) => e.record.hamletId))) {
    if (!(await inScope(tx, viewer, [hamletId]))) outside.add(hamletId);
  }
  const foreign = earlier.filter((e) => outside.has(e.record.hamletId)).map((e) => e.index);
  if (foreign.length === 0) return;
  const prefix = (i: number) => (rows.length > 1 ? `Bản ghi ${i + 1}: ` : '');
  const message = 'Mã bản ghi (clientId) đã được dùng cho một bản ghi khác: hãy tạo mã mới.';
  throw new ConflictError(foreign.map((i) => prefix(i) + message).join(' '), {
    reason: 'CLIENT_ID_TAKEN', errors: foreign.map((index) => ({ index, message })),
  });
}

/** Logs records (one, or an offline queue's batch): all valid or none written; retries count once. */
export async function logActivities({ db, viewer, today }: ServiceRequest, inputs: readonly ActivityInput[]): Promise<LoggedActivity[]> {
  const v = requireRole(viewer, ACTIVITY_LOGGERS);
  if (inputs.length > MAX_BATCH) throw new InvalidInputError(`Gửi tối đa ${MAX_BATCH} bản ghi mỗi lần.`);
  if (inputs.length === 0) return [];
  const errors = inputs.flatMap((input, index) => checkActivity(input, today).map((message) => ({ index, message })));
  if (errors.length) fail(errors, inputs.length);
  const rows = await resolveActivities(db, v, inputs);
  const unique = [...new Map(rows.map((r) => [r.clientId, r])).values()];

  return db.transaction(async (tx) => {
    const inserted = new Set(await insertActivities(tx, unique, v.userId));
    if (inserted.size > 0) {
      const hamletIds = unique.filter((r) => inserted.has(r.clientId)).map((r) => r.hamletId);
      await recordChange(tx, { kind: 'activities', areaIds: [...new Set(hamletIds)] });
    }
    const stored = new Map((await findActivitiesByClientIds(tx, unique.map((r) => r.clientId))).map((r) => [r.clientId, r]));
    await refuseForeignDuplicates(tx, v, rows, inserted, stored);
    if (inserted.size > 0) {
      const fresh = [...inserted].map((id) => stored.get(id)!);
      await recordAudit(tx, v, {
        action: 'activity.log', entity: 'support_activity', entityId: fresh.length === 1 ? fresh[0]!.id : null,
        after: fresh.length === 1 ? fresh[0] : { count: fresh.length, ids: fresh.map((r) => r.id) },
      });
    }
    const seen = new Set<string>();
    return rows.map((r) => {
      const duplicate = !inserted.has(r.clientId) || seen.has(r.clientId);
      seen.add(r.clientId);
      return { record: stored.get(r.clientId)!, duplicate };
    });
  });
}

/** A team's activity log, newest first. */
export async function teamActivities(request: ServiceRequest, teamId: number, limit: number, before?: number) {
  const { db } = request;
  await getTeam(request, teamId);
  return findTeamActivities(db, teamId, Math.min(Math.max(limit, 1), 200), before);
}

/**
 * Per team member: the records they logged between two days (inclusive). For other modules (the
 * awards' ambassador rule), which check access themselves.
 */
export function memberActivitySummaries(db: Executor, memberIds: readonly number[], from: string, to: string) {
  return memberIds.length ? activitySummaryByMembers(db, memberIds, from, to) : Promise.resolve([]);
}

/** What teams logged per metric between two days (inclusive), for targets' progress (which checks access itself). */
export const loggedByTeam = (db: Executor, teamIds: readonly number[], from: string, to: string) =>
  activitySumsByTeam(db, teamIds, from, to);

/** What was logged in the hamlets under each area, per metric, between two days (inclusive). */
export const loggedByArea = (db: Executor, areaIds: readonly number[], from: string, to: string) =>
  activitySumsByArea(db, areaIds, from, to);
