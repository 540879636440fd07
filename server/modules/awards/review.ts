/** Committee review: open the review, declare conflicts, score and vote (locked once submitted), results. */
import { ConflictError, ForbiddenError, InvalidInputError } from '../../errors';
import { recordAudit } from '../access/audit';
import { requireRole } from '../access/policy';
import { PROVINCE_ROLES, Role } from '../access/roles';
import type { ServiceRequest } from '../access/request';
import { findNominationFor, loadCycle, loadNomination, requireCycleMember } from './guards';
import { listNominations, moveState } from './nomination-queries';
import { memberCount, saveSheet, sheetsOf, type SheetRow } from './review-queries';
import { missingScores, rankWithinQuota, tally } from './review-rules';
import type { CycleRow } from './cycle-queries';
import { addDays, POSTING_DAYS, viDate } from './titles';
import { recordChange } from '../changes/service';

/** eligible → under_review for the whole cycle, once nominations are closed. */
export async function openReview(ctx: ServiceRequest, cycleId: number) {
  const viewer = requireRole(ctx.viewer, [Role.PROVINCE_ADMIN]);
  const cycle = await loadCycle(ctx.db, cycleId);
  if (ctx.today <= cycle.nominationClosesOn) throw new ConflictError('Chưa hết hạn nhận hồ sơ: chưa thể mở phiên xét.');
  return ctx.db.transaction(async (tx) => {
    await recordChange(tx, { kind: 'awards' });
    const eligible = await listNominations(tx, cycleId, { states: ['eligible'] });
    const moved = await moveState(tx, eligible.map((n) => n.id), 'eligible', 'under_review');
    for (const n of moved) {
      await recordAudit(tx, viewer, { action: 'award_nomination.under_review', entity: 'award_nomination', entityId: n.id,
        before: { state: 'eligible' }, after: { state: 'under_review' } });
    }
    return moved;
  });
}

const isRecused = (s: SheetRow) => s.declaredConflict || s.sameCommune;

async function ownSheet(ctx: ServiceRequest, nominationId: number) {
  const nomination = await findNominationFor(ctx, nominationId, [Role.COMMITTEE_MEMBER]);
  const viewer = await requireCycleMember(ctx, nomination.cycleId);
  const cycle = await loadCycle(ctx.db, nomination.cycleId);
  if (cycle.closesOn < ctx.today) {
    throw new ConflictError(`Đợt xét đã kết thúc ngày ${viDate(cycle.closesOn)}: không thể chấm điểm, bỏ phiếu hay khai báo xung đột lợi ích nữa.`);
  }
  if (nomination.state !== 'under_review') throw new ConflictError('Hồ sơ không ở trạng thái Hội đồng đang xét.');
  const sheet = (await sheetsOf(ctx.db, [nominationId])).find((s) => s.memberId === viewer.userId)!;
  if (sheet.submitted) throw new ConflictError('Phiếu của bạn đã nộp và đã khóa, không thể sửa.');
  return { viewer, cycle, sheet };
}

/**
 * The signed-in member's own sheet for a nomination, so the page shows what was saved or submitted
 * after a reload; null for anyone who is not on the cycle's committee. Nobody reads another's sheet.
 */
export async function mySheet(ctx: ServiceRequest, nominationId: number) {
  if (ctx.viewer?.role !== Role.COMMITTEE_MEMBER) return null;
  const sheet = (await sheetsOf(ctx.db, [nominationId])).find((s) => s.memberId === ctx.viewer!.userId);
  if (!sheet) return null;
  const { rubric } = await loadCycle(ctx.db, (await loadNomination(ctx.db, nominationId)).cycleId);
  return {
    // In the rubric's order (jsonb keeps its own).
    scores: rubric.filter((c) => sheet.scores[c.code] !== undefined).map((c) => ({ code: c.code, score: sheet.scores[c.code]! })),
    vote: sheet.vote,
    submitted: sheet.submitted,
    recused: isRecused(sheet),
    autoRecused: sheet.sameCommune && !sheet.declaredConflict,
    conflictNote: sheet.conflictNote,
  };
}

export async function declareConflict(ctx: ServiceRequest, nominationId: number, note: string) {
  const { viewer, sheet } = await ownSheet(ctx, nominationId);
  const reason = note.trim();
  if (!reason) throw new InvalidInputError('Cần nêu lý do xung đột lợi ích.');
  return ctx.db.transaction(async (tx) => {
    await recordChange(tx, { kind: 'awards' });
    await saveSheet(tx, { nominationId, memberId: viewer.userId, scores: {}, vote: null, recused: true,
      conflictNote: reason.slice(0, 1000), submit: true });
    await recordAudit(tx, viewer, { action: 'award_review.recuse', entity: 'award_nomination', entityId: nominationId,
      before: { recused: sheet.declaredConflict }, after: { recused: true, note: reason } });
    return true;
  });
}

export async function submitReview(
  ctx: ServiceRequest, nominationId: number, scores: Record<string, number>, vote: 'FOR' | 'AGAINST', submit: boolean,
) {
  const { viewer, cycle, sheet } = await ownSheet(ctx, nominationId);
  if (isRecused(sheet)) {
    throw new ForbiddenError(sheet.sameCommune && !sheet.declaredConflict
      ? 'Bạn công tác tại xã của người được đề nghị nên tự động được đánh dấu xung đột lợi ích: không được chấm và bỏ phiếu.'
      : 'Bạn đã khai báo xung đột lợi ích với hồ sơ này: không được chấm và bỏ phiếu.');
  }
  const missing = missingScores(cycle.rubric, scores);
  if (submit && missing.length) throw new InvalidInputError(`Chưa chấm hoặc điểm ngoài 0–10: ${missing.join(', ')}.`);
  const known = Object.fromEntries(cycle.rubric.map((c) => [c.code, scores[c.code]]).filter(([, v]) => v !== undefined));
  return ctx.db.transaction(async (tx) => {
    await recordChange(tx, { kind: 'awards' });
    const saved = await saveSheet(tx, { nominationId, memberId: viewer.userId, scores: known, vote, recused: false,
      conflictNote: null, submit });
    if (!saved) throw new ConflictError('Phiếu của bạn đã nộp và đã khóa, không thể sửa.');
    // The ballot is secret: the audit keeps that a sheet was filed, not how the member voted.
    await recordAudit(tx, viewer, { action: submit ? 'award_review.submit' : 'award_review.draft',
      entity: 'award_nomination', entityId: nominationId, after: { submitted: submit } });
    return true;
  });
}

export async function resultsOf(db: ServiceRequest['db'], cycle: CycleRow) {
  const nominations = await listNominations(db, cycle.id, { states: ['under_review', 'posted', 'approved', 'rejected'] });
  const sheets = await sheetsOf(db, nominations.map((n) => n.id));
  const members = await memberCount(db, cycle.id);
  const settings = { members, quorum: { numerator: cycle.quorumNumerator, denominator: cycle.quorumDenominator },
    approvalRule: cycle.approvalRule };
  const tallied = nominations.map((n) => {
    const own = sheets.filter((s) => s.nominationId === n.id)
      .map((s) => ({ recused: isRecused(s), submitted: s.submitted, vote: s.vote, scores: s.scores }));
    const t = tally(cycle.rubric, own, settings);
    return { nomination: n, id: n.id, communeId: n.communeId, ...t };
  });
  const ranked = new Map(rankWithinQuota(tallied, cycle.quotaPerCommune, cycle.quotaTotal).map((r) => [r.item.id, r]));
  return tallied.map((t) => ({ ...t, rank: ranked.get(t.id)?.rank ?? null, withinQuota: ranked.get(t.id)?.withinQuota ?? false }));
}

export async function cycleResults(ctx: ServiceRequest, cycleId: number) {
  if (ctx.viewer?.role === Role.COMMITTEE_MEMBER) await requireCycleMember(ctx, cycleId);
  else requireRole(ctx.viewer, PROVINCE_ROLES);
  return resultsOf(ctx.db, await loadCycle(ctx.db, cycleId));
}

/** The chair closes the review: approved within quota → posted for 10 days; the others → rejected. */
export async function closeReview(ctx: ServiceRequest, cycleId: number) {
  const viewer = await requireCycleMember(ctx, cycleId, true);
  const cycle = await loadCycle(ctx.db, cycleId);
  const results = (await resultsOf(ctx.db, cycle)).filter((r) => r.nomination.state === 'under_review');
  const short = results.filter((r) => !r.quorumMet);
  if (short.length) {
    throw new ConflictError(`Chưa đủ túc số phiếu cho ${short.length} hồ sơ: ${short.map((r) => r.nomination.nomineeName).join(', ')}.`);
  }
  const postedOn = ctx.today;
  const postingEndsOn = addDays(postedOn, POSTING_DAYS);
  return ctx.db.transaction(async (tx) => {
    await recordChange(tx, { kind: 'awards' });
    const toPost = results.filter((r) => r.approved && r.withinQuota).map((r) => r.id);
    const toReject = results.filter((r) => !(r.approved && r.withinQuota)).map((r) => r.id);
    const posted = await moveState(tx, toPost, 'under_review', 'posted', { postedOn, postingEndsOn });
    const rejected = await moveState(tx, toReject, 'under_review', 'rejected');
    for (const n of [...posted, ...rejected]) {
      const r = results.find((x) => x.id === n.id)!;
      await recordAudit(tx, viewer, { action: `award_nomination.${n.state}`, entity: 'award_nomination', entityId: n.id,
        before: { state: 'under_review' },
        after: { state: n.state, votesFor: r.votesFor, ballots: r.ballots, score: r.score, rank: r.rank } });
    }
    return { posted, rejected };
  });
}
