/** The public posting of the proposed list (10 days, names masked) and citizens' comments on it. */
import { createHash } from 'node:crypto';
import { ConflictError, InvalidInputError, NotFoundError } from '../../errors';
import { recordAudit } from '../access/audit';
import { requireRole } from '../access/policy';
import type { ServiceRequest } from '../access/request';
import { Role } from '../access/roles';
import { consumeCommentAllowance } from './comment-limits';
import { findNominationFor, loadCycle, loadNomination, NOMINATION_READERS, requireCycleMember, requireNominationReader } from './guards';
import { maskName } from '../access/masking';
import { countComments, findComment, hideComment, insertComment, listComments, listNominations, lockNomination } from './nomination-queries';
import { recordChange } from '../changes/service';

const MIN_COMMENT = 5;
const MAX_COMMENT = 1000;
const MAX_REASON = 500;
/** A ceiling of visible comments per nomination, so a script cannot flood the committee's reading list. */
export const MAX_VISIBLE_COMMENTS = 500;

/** Public: the nominations of a cycle on posting today, with masked names. */
export async function postedList(ctx: ServiceRequest, cycleId: number) {
  await loadCycle(ctx.db, cycleId);
  const posted = await listNominations(ctx.db, cycleId, { states: ['posted'] });
  return posted.filter((n) => n.postingEndsOn && ctx.today <= n.postingEndsOn).map((n) => ({
    id: n.id, communeId: n.communeId, postedOn: n.postedOn!, postingEndsOn: n.postingEndsOn!,
    maskedName: n.teamName ?? maskName(n.nomineeName),
  }));
}

/** Comments per address on one posting (hidden ones count too): one script cannot fill the posting. */
export const MAX_COMMENTS_PER_ADDRESS = 10;

/** A writer's key on one nomination: a hash, so no address is stored (schema.ts). */
const authorKeyOf = (nominationId: number, ip: string | null | undefined) =>
  ip ? createHash('sha256').update(`award_comment|${nominationId}|${ip}`).digest('base64url').slice(0, 22) : null;

/**
 * Anyone may comment while the nomination is on posting; comments are anonymous. The caps are
 * checked and the comment added under a lock on the nomination's row, so concurrent comments
 * cannot pass them together.
 */
export async function commentOnNomination(ctx: ServiceRequest & { ip?: string | null }, nominationId: number, body: string) {
  const text = body.normalize('NFC').trim();
  if (text.length < MIN_COMMENT || text.length > MAX_COMMENT) {
    throw new InvalidInputError(`Ý kiến cần từ ${MIN_COMMENT} đến ${MAX_COMMENT} ký tự.`);
  }
  await consumeCommentAllowance(ctx.db, ctx.ip ?? null);
  const authorKey = authorKeyOf(nominationId, ctx.ip);
  return ctx.db.transaction(async (tx) => {
    await recordChange(tx, { kind: 'awards' });
    await lockNomination(tx, nominationId);
    const nomination = await loadNomination(tx, nominationId);
    if (nomination.state !== 'posted' || !nomination.postingEndsOn || ctx.today > nomination.postingEndsOn) {
      throw new ConflictError('Hồ sơ không trong thời gian niêm yết lấy ý kiến.');
    }
    const counts = await countComments(tx, nominationId, authorKey);
    if (counts.byAuthor >= MAX_COMMENTS_PER_ADDRESS) {
      throw new ConflictError(`Mỗi người gửi tối đa ${MAX_COMMENTS_PER_ADDRESS} ý kiến về một hồ sơ.`);
    }
    if (counts.visible >= MAX_VISIBLE_COMMENTS) throw new ConflictError('Hồ sơ đã nhận đủ số ý kiến tối đa.');
    const [row] = await insertComment(tx, nominationId, text, authorKey);
    await recordAudit(tx, ctx.viewer, { action: 'award_comment.add', entity: 'award_nomination', entityId: nominationId,
      after: { commentId: row!.id } });
    return row!;
  });
}

/**
 * The province admin, or a member of the nomination's committee, hides a comment (spam, abuse):
 * it is no longer shown nor counted against the cap. Kept, with who hid it and why (audited).
 */
export async function hideNominationComment(ctx: ServiceRequest, commentId: number, reason: string) {
  const viewer = requireRole(ctx.viewer, [Role.PROVINCE_ADMIN, Role.COMMITTEE_MEMBER]);
  const comment = await findComment(ctx.db, commentId);
  if (!comment) throw new NotFoundError(`Không tìm thấy ý kiến số ${commentId}.`);
  const nomination = await loadNomination(ctx.db, comment.nominationId);
  if (viewer.role === Role.COMMITTEE_MEMBER) await requireCycleMember(ctx, nomination.cycleId);
  const why = reason.normalize('NFC').trim();
  if (why.length < MIN_COMMENT || why.length > MAX_REASON) {
    throw new InvalidInputError(`Lý do ẩn ý kiến cần từ ${MIN_COMMENT} đến ${MAX_REASON} ký tự.`);
  }
  await ctx.db.transaction(async (tx) => {
    const [hidden] = await hideComment(tx, commentId, viewer.userId, why);
    if (!hidden) throw new ConflictError('Ý kiến này đã được ẩn trước đó.');
    await recordAudit(tx, viewer, { action: 'award_comment.hide', entity: 'award_comment', entityId: commentId,
      before: { hidden: false }, after: { hidden: true, nominationId: nomination.id, reason: why } });
  });
  return true;
}

/** Comments as the committee reads them. */
export async function commentsOf(ctx: ServiceRequest, nominationId: number) {
  const nomination = await findNominationFor(ctx, nominationId, NOMINATION_READERS);
  await requireNominationReader(ctx, nomination.cycleId, [nomination.communeId]);
  return listComments(ctx.db, nominationId);
}
