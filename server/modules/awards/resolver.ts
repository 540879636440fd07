/** GraphQL for the signed-in steps: cycles, nominations, eligibility, review, decision. */
import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { PROVINCE_ROLES, Role } from '../access/roles';
import { Area, toArea } from '../areas/types';
import {
  addEvidenceNote, certificateOfNomination, checkCycleEligibility, closeReview, commentsOf, committeeCandidatesOf, committeeOf,
  createNomination, cycleResults, cyclesOf, declareConflict, evidenceOf, hideNominationComment, mySheet, nominationById, nominationsOf, openCycle,
  openReview, quotaOf, recordDecision, revokeCertificate, submitNomination, submitReview, SUGGESTION_READERS, suggestedCandidates,
  viewerChairs,
} from './service';
import {
  AwardCycle, AwardCycleInput, AwardDecision, AwardQuota, Ballot, CitizenComment, CommitteeCandidate, CommitteeMember, MyReviewSheet,
  NominationCertificate, DecisionInput, EvidenceItem, Nomination, NominationInput,
  NominationResult, ReviewInput, SuggestedCandidate, toCycle, toNomination, toSuggestion,
} from './types';

const READERS = [...PROVINCE_ROLES, Role.COMMUNE_CHAIR, Role.COMMITTEE_MEMBER];

@Resolver(() => Nomination)
export class AwardResolver {
  @Query(() => [AwardCycle], { description: 'Các đợt xét khen thưởng (công khai)' })
  async awardCycles(@Arg('year', () => Int, { nullable: true }) year: number | null, @Ctx() ctx: Context) {
    return (await cyclesOf(ctx, year)).map(toCycle);
  }

  @Authorized(Role.PROVINCE_ADMIN)
  @Query(() => [CommitteeCandidate], { description: 'Người có thể cử vào Hội đồng của một đợt xét' })
  awardCommitteeCandidates(@Ctx() ctx: Context) {
    return committeeCandidatesOf(ctx);
  }

  @Authorized(Role.COMMUNE_CHAIR, ...PROVINCE_ROLES)
  @Query(() => AwardQuota, { description: 'Chỉ tiêu đề nghị đã dùng của xã và toàn tỉnh' })
  awardQuota(@Arg('cycleId', () => Int) cycleId: number, @Arg('communeCode', () => String) communeCode: string, @Ctx() ctx: Context) {
    return quotaOf(ctx, cycleId, communeCode);
  }

  @Authorized(...READERS)
  @Query(() => [Nomination])
  async nominations(@Arg('cycleId', () => Int) cycleId: number,
    @Arg('communeCode', () => String, { nullable: true }) communeCode: string | null, @Ctx() ctx: Context) {
    return (await nominationsOf(ctx, cycleId, communeCode)).map((n) => toNomination(n, ctx.viewer));
  }

  @Authorized(...READERS)
  @Query(() => Nomination)
  async nomination(@Arg('id', () => Int) id: number, @Ctx() ctx: Context) {
    return toNomination(await nominationById(ctx, id), ctx.viewer);
  }

  @Authorized(...SUGGESTION_READERS)
  @Query(() => [SuggestedCandidate], { description: 'Ứng viên gợi ý từ dữ liệu theo dõi' })
  async suggestedCandidates(@Arg('cycleId', () => Int) cycleId: number, @Arg('communeCode', () => String) communeCode: string,
    @Ctx() ctx: Context) {
    return (await suggestedCandidates(ctx, cycleId, communeCode)).map(toSuggestion);
  }

  @Authorized(...PROVINCE_ROLES, Role.COMMITTEE_MEMBER)
  @Query(() => [NominationResult])
  async awardResults(@Arg('cycleId', () => Int) cycleId: number, @Ctx() ctx: Context) {
    return (await cycleResults(ctx, cycleId)).map((r) => ({ ...r, nomination: toNomination(r.nomination, ctx.viewer) }));
  }

  @FieldResolver(() => [EvidenceItem])
  async evidence(@Root() n: Nomination, @Ctx() ctx: Context) {
    return (await evidenceOf(ctx, n.id)).map((e) => ({ ...e, url: e.mimeType ? `/api/awards/evidence/${e.id}` : null }));
  }

  @FieldResolver(() => Area, { nullable: true })
  async commune(@Root() n: Nomination, @Ctx() ctx: Context) {
    const row = await ctx.loaders.areaById.load(n.communeId);
    return row && toArea(row);
  }

  @FieldResolver(() => NominationCertificate, { nullable: true, description: 'Giấy khen / Bằng khen, khi đã có quyết định' })
  async certificate(@Root() n: Nomination, @Ctx() ctx: Context) {
    const row = await certificateOfNomination(ctx, n);
    return row && { ...row, pdfUrl: `/api/awards/certificates/${row.code}.pdf` };
  }

  @FieldResolver(() => MyReviewSheet, { nullable: true, description: 'Phiếu của chính thành viên Hội đồng đang đăng nhập' })
  async myReview(@Root() n: Nomination, @Ctx() ctx: Context) {
    const sheet = await mySheet(ctx, n.id);
    return sheet && { ...sheet, vote: sheet.vote as Ballot | null };
  }

  @FieldResolver(() => [CitizenComment], { description: 'Ý kiến người dân trong thời gian niêm yết' })
  async comments(@Root() n: Nomination, @Ctx() ctx: Context) {
    return (await commentsOf(ctx, n.id)).map((c) => ({ ...c, createdAt: c.createdAt.toISOString() }));
  }

  @Authorized(Role.PROVINCE_ADMIN)
  @Mutation(() => AwardCycle)
  async openAwardCycle(@Arg('input', () => AwardCycleInput) input: AwardCycleInput, @Ctx() ctx: Context) {
    return toCycle(await openCycle(ctx, input));
  }

  @Authorized(Role.COMMUNE_CHAIR)
  @Mutation(() => Nomination)
  async createNomination(@Arg('input', () => NominationInput) input: NominationInput, @Ctx() ctx: Context) {
    return toNomination(await createNomination(ctx, input), ctx.viewer);
  }

  @Authorized(Role.COMMUNE_CHAIR)
  @Mutation(() => Nomination)
  async submitNomination(@Arg('id', () => Int) id: number, @Ctx() ctx: Context) {
    return toNomination(await submitNomination(ctx, id), ctx.viewer);
  }

  @Authorized(Role.COMMUNE_CHAIR)
  @Mutation(() => Int, { description: 'Thêm minh chứng dạng văn bản; ảnh gửi qua POST /api/awards/nominations/:id/photos' })
  addNominationEvidence(@Arg('nominationId', () => Int) id: number, @Arg('note', () => String) note: string, @Ctx() ctx: Context) {
    return addEvidenceNote(ctx, id, note);
  }

  @Authorized(Role.PROVINCE_ADMIN)
  @Mutation(() => [Nomination], { description: 'Kiểm tra điều kiện các hồ sơ đã gửi từ dữ liệu theo dõi' })
  async checkAwardEligibility(@Arg('cycleId', () => Int) cycleId: number, @Ctx() ctx: Context) {
    const results = await checkCycleEligibility(ctx, cycleId);
    return Promise.all(results.map(async (r) => toNomination(await nominationById(ctx, r.id), ctx.viewer)));
  }

  @Authorized(Role.PROVINCE_ADMIN)
  @Mutation(() => [Nomination])
  async openAwardReview(@Arg('cycleId', () => Int) cycleId: number, @Ctx() ctx: Context) {
    return (await openReview(ctx, cycleId)).map((n) => toNomination(n, ctx.viewer));
  }

  @Authorized(Role.COMMITTEE_MEMBER)
  @Mutation(() => Boolean)
  declareConflictOfInterest(@Arg('nominationId', () => Int) id: number, @Arg('note', () => String) note: string, @Ctx() ctx: Context) {
    return declareConflict(ctx, id, note);
  }

  @Authorized(Role.COMMITTEE_MEMBER)
  @Mutation(() => Boolean)
  submitAwardReview(@Arg('input', () => ReviewInput) input: ReviewInput, @Ctx() ctx: Context) {
    const scores = Object.fromEntries(input.scores.map((s) => [s.code, s.score]));
    return submitReview(ctx, input.nominationId, scores, input.vote, input.submit);
  }

  @Authorized(Role.COMMITTEE_MEMBER)
  @Mutation(() => [Nomination], { description: 'Chủ tịch Hội đồng kết thúc phiên xét: niêm yết 10 ngày hoặc không khen thưởng' })
  async closeAwardReview(@Arg('cycleId', () => Int) cycleId: number, @Ctx() ctx: Context) {
    const { posted, rejected } = await closeReview(ctx, cycleId);
    return [...posted, ...rejected].map((n) => toNomination(n, ctx.viewer));
  }

  @Authorized(Role.COMMUNE_CHAIR, Role.COMMITTEE_MEMBER)
  @Mutation(() => AwardDecision)
  async recordAwardDecision(@Arg('input', () => DecisionInput) input: DecisionInput, @Ctx() ctx: Context) {
    const { decision, certificates } = await recordDecision(ctx, input);
    return { ...decision, certificateCodes: certificates.map((c) => c.code) };
  }

  @Authorized(Role.PROVINCE_ADMIN)
  @Mutation(() => Boolean)
  revokeAwardCertificate(@Arg('code', () => String) code: string, @Arg('reason', () => String) reason: string, @Ctx() ctx: Context) {
    return revokeCertificate(ctx, code, reason);
  }

  @Authorized(Role.PROVINCE_ADMIN, Role.COMMITTEE_MEMBER)
  @Mutation(() => Boolean, { description: 'Ẩn một ý kiến người dân (quấy rối, spam): không còn hiển thị, không tính vào số ý kiến tối đa' })
  hideNominationComment(@Arg('id', () => Int) id: number, @Arg('reason', () => String) reason: string, @Ctx() ctx: Context) {
    return hideNominationComment(ctx, id, reason);
  }
}

@Resolver(() => AwardCycle)
export class AwardCycleResolver {
  @Authorized(...READERS)
  @FieldResolver(() => [CommitteeMember], { description: 'Hội đồng của đợt xét (cần đăng nhập)' })
  committee(@Root() cycle: AwardCycle, @Ctx() ctx: Context) {
    return committeeOf(ctx, cycle.id);
  }

  @FieldResolver(() => Boolean, { description: 'Người đang đăng nhập là Chủ tịch Hội đồng của đợt xét' })
  viewerIsChair(@Root() cycle: AwardCycle, @Ctx() ctx: Context) {
    return viewerChairs(ctx, cycle.id);
  }
}
