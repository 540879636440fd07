/** Award cycles: opened by the province admin with window, quotas, rubric, committee and voting settings. */
import { ConflictError, InvalidInputError } from '../../errors';
import { recordAudit } from '../access/audit';
import { requireRole } from '../access/policy';
import { Role } from '../access/roles';
import { activeUsersWithRole } from '../access/service';
import { findMembership, provinceAmong, insertCycle, insertMembers, listCycles, membersOf, type CycleRow } from './cycle-queries';
import type { ServiceRequest } from '../access/request';
import type { RubricCriterion } from './schema';
import type { ApprovalRuleCode } from './review-rules';
import { type AwardTitleCode, type DecidingLevelCode, lastClosingDay, POSTING_DAYS, TITLES, addDays, viDate } from './titles';
import { checkYear } from '../indicators/periods';
import { recordChange } from '../changes/service';

export interface CycleInput {
  title: AwardTitleCode;
  year: number;
  name?: string | null;
  nominationOpensOn: string;
  nominationClosesOn: string;
  closesOn: string;
  quotaPerCommune: number;
  quotaTotal: number;
  rubric: RubricCriterion[];
  memberIds: number[];
  chairId: number;
  approvalRule?: ApprovalRuleCode | null;
  quorumNumerator?: number | null;
  quorumDenominator?: number | null;
  decidingLevel?: DecidingLevelCode | null;
}

/** Quotas are smallint columns; no province awards more in one cycle. */
const MAX_QUOTA = 10_000;

/** Every problem of the settings at once, in Vietnamese. */
export function cycleProblems(input: CycleInput): string[] {
  const problems: string[] = [];
  const { year } = input;
  const dates = [input.nominationOpensOn, input.nominationClosesOn, input.closesOn];
  if (dates.some((d) => !d.startsWith(`${year}-`))) problems.push(`Các mốc thời gian phải thuộc năm ${year}.`);
  if (input.closesOn > lastClosingDay(year)) {
    problems.push(`Đợt xét phải kết thúc trước ngày 25/11/${year} (ngày kết thúc đang là ${viDate(input.closesOn)}).`);
  }
  if (input.nominationOpensOn > input.nominationClosesOn) problems.push('Ngày mở nhận hồ sơ phải trước ngày đóng.');
  if (addDays(input.nominationClosesOn, POSTING_DAYS) > input.closesOn) {
    problems.push(`Cần ít nhất ${POSTING_DAYS} ngày niêm yết công khai giữa ngày đóng nhận hồ sơ và ngày kết thúc đợt.`);
  }
  if (!(input.quotaPerCommune > 0) || input.quotaTotal < input.quotaPerCommune) {
    problems.push('Chỉ tiêu mỗi xã phải lớn hơn 0 và không vượt chỉ tiêu toàn tỉnh.');
  }
  if (input.quotaTotal > MAX_QUOTA) problems.push(`Chỉ tiêu toàn tỉnh tối đa ${MAX_QUOTA.toLocaleString('vi-VN')}.`);
  const codes = new Set(input.rubric.map((c) => c.code));
  if (input.rubric.length === 0 || codes.size !== input.rubric.length || input.rubric.some((c) => !(c.weight > 0))) {
    problems.push('Thang điểm cần ít nhất một tiêu chí, mã không trùng, trọng số dương.');
  }
  const n = input.quorumNumerator ?? 2;
  const d = input.quorumDenominator ?? 3;
  if (!(n > 0 && d > 0 && n <= d && d <= 100)) problems.push('Tỷ lệ túc số không hợp lệ.');
  if (new Set(input.memberIds).size < 3) problems.push('Hội đồng cần ít nhất 3 thành viên.');
  if (!input.memberIds.includes(input.chairId)) problems.push('Chủ tịch Hội đồng phải là một thành viên.');
  return problems;
}

export async function openCycle(ctx: ServiceRequest, input: CycleInput): Promise<CycleRow> {
  const viewer = requireRole(ctx.viewer, [Role.PROVINCE_ADMIN]);
  const problems = cycleProblems(input);
  if (problems.length) throw new InvalidInputError(problems.join(' '), { problems });
  const memberIds = [...new Set(input.memberIds)];
  const valid = (await activeUsersWithRole(ctx.db, Role.COMMITTEE_MEMBER, memberIds)).map((u) => u.id);
  if (valid.length !== memberIds.length) {
    throw new InvalidInputError('Thành viên Hội đồng phải là người dùng đang hoạt động có vai trò Thành viên Hội đồng Thi đua – Khen thưởng.');
  }
  const province = await provinceAmong(ctx.db, viewer.areaIds);
  if (!province) throw new InvalidInputError('Tài khoản quản trị chưa được gán tỉnh.');
  return ctx.db.transaction(async (tx) => {
    await recordChange(tx, { kind: 'awards' });
    const exists = await listCycles(tx, input.year);
    if (exists.some((c) => c.title === input.title && c.provinceId === province.id)) {
      throw new ConflictError(`Đã có đợt xét «${TITLES[input.title].label}» năm ${input.year}.`);
    }
    const cycle = await insertCycle(tx, {
      provinceId: province.id, title: input.title, year: input.year,
      name: input.name?.trim() || `${TITLES[input.title].label} năm ${input.year}`,
      nominationOpensOn: input.nominationOpensOn, nominationClosesOn: input.nominationClosesOn, closesOn: input.closesOn,
      quotaPerCommune: input.quotaPerCommune, quotaTotal: input.quotaTotal, rubric: input.rubric,
      quorumNumerator: input.quorumNumerator ?? 2, quorumDenominator: input.quorumDenominator ?? 3,
      approvalRule: input.approvalRule ?? 'MAJORITY_OF_ALL',
      decidingLevel: input.decidingLevel ?? TITLES[input.title].defaultLevel, createdBy: viewer.userId,
    });
    await insertMembers(tx, cycle.id, memberIds.map((userId) => ({ userId, isChair: userId === input.chairId })));
    await recordAudit(tx, viewer, { action: 'award_cycle.open', entity: 'award_cycle', entityId: cycle.id,
      after: { ...cycle, memberIds, chairId: input.chairId } });
    return cycle;
  });
}

/** Cycles are public facts (no personal data). */
// An omitted GraphQL argument arrives as undefined: both mean "every year".
export const cyclesOf = (ctx: ServiceRequest, year: number | null | undefined) => listCycles(ctx.db, checkYear(year) ?? null);

export const committeeOf = (ctx: ServiceRequest, cycleId: number) => membersOf(ctx.db, cycleId);

/** Who can sit on a committee, for the cycle setup form (province admin). */
export function committeeCandidatesOf(ctx: ServiceRequest) {
  requireRole(ctx.viewer, [Role.PROVINCE_ADMIN]);
  return activeUsersWithRole(ctx.db, Role.COMMITTEE_MEMBER);
}

/** Whether the signed-in user chairs the cycle's committee (the results page offers the chair's steps). */
export async function viewerChairs(ctx: ServiceRequest, cycleId: number): Promise<boolean> {
  if (ctx.viewer?.role !== Role.COMMITTEE_MEMBER) return false;
  return (await findMembership(ctx.db, cycleId, ctx.viewer.userId))?.isChair ?? false;
}
