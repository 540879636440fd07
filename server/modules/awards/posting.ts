/** The public posting of the proposed list (10 days, names masked) and citizens' comments on it. */
import { ConflictError, InvalidInputError } from '../../errors';
import { recordAudit } from '../access/audit';
import { type AwardsContext, loadNomination, requireNominationReader } from './guards';
import { maskName } from '../access/masking';
import { countComments, insertComment, listComments, listNominations } from './nomination-queries';
import { loadCycle } from './guards';

const MIN_COMMENT = 5;
const MAX_COMMENT = 1000;
/** A ceiling per nomination, so a script cannot flood the committee's reading list. */
const MAX_COMMENTS_PER_NOMINATION = 500;

/** Public: the nominations of a cycle on posting today, with masked names. */
export async function postedList(ctx: AwardsContext, cycleId: number) {
  await loadCycle(ctx.db, cycleId);
  const posted = await listNominations(ctx.db, cycleId, { states: ['posted'] });
  return posted.filter((n) => n.postingEndsOn && ctx.today <= n.postingEndsOn).map((n) => ({
    id: n.id, communeId: n.communeId, postedOn: n.postedOn!, postingEndsOn: n.postingEndsOn!,
    maskedName: n.teamName ?? maskName(n.nomineeName),
  }));
}

/** Anyone may comment while the nomination is on posting; comments are anonymous. */
export async function commentOnNomination(ctx: AwardsContext, nominationId: number, body: string) {
  const text = body.normalize('NFC').trim();
  if (text.length < MIN_COMMENT || text.length > MAX_COMMENT) {
    throw new InvalidInputError(`Ý kiến cần từ ${MIN_COMMENT} đến ${MAX_COMMENT} ký tự.`);
  }
  const nomination = await loadNomination(ctx.db, nominationId);
  if (nomination.state !== 'posted' || !nomination.postingEndsOn || ctx.today > nomination.postingEndsOn) {
    throw new ConflictError('Hồ sơ không trong thời gian niêm yết lấy ý kiến.');
  }
  if (await countComments(ctx.db, nominationId) >= MAX_COMMENTS_PER_NOMINATION) {
    throw new ConflictError('Hồ sơ đã nhận đủ số ý kiến tối đa.');
  }
  return ctx.db.transaction(async (tx) => {
    const [row] = await insertComment(tx, nominationId, text);
    await recordAudit(tx, ctx.viewer, { action: 'award_comment.add', entity: 'award_nomination', entityId: nominationId,
      after: { commentId: row!.id } });
    return row!;
  });
}

/** Comments as the committee reads them. */
export async function commentsOf(ctx: AwardsContext, nominationId: number) {
  const nomination = await loadNomination(ctx.db, nominationId);
  await requireNominationReader(ctx, nomination.cycleId, [nomination.communeId]);
  return listComments(ctx.db, nominationId);
}
