/** GraphQL types of the awards module. */
import { Field, Float, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../../graphql/scalars';
import { STATE_LABELS, type NominationState as State } from './states';
import { CERTIFICATE_KIND, TITLES } from './titles';
import type { CycleRow } from './cycle-queries';
import type { NominationRow } from './nomination-queries';
import type { EligibilityCheckRecord } from './schema';
import { personNameFor } from '../access/masking';
import type { Viewer } from '../access/roles';

export enum AwardTitle { GIA_DINH_SO_TIEU_BIEU = 'GIA_DINH_SO_TIEU_BIEU', CONG_DAN_SO_DIEN_HINH = 'CONG_DAN_SO_DIEN_HINH',
  TO_CDS_TIEU_BIEU = 'TO_CDS_TIEU_BIEU', GIA_DINH_HOC_TAP_SO = 'GIA_DINH_HOC_TAP_SO' }
export enum ApprovalRule { MAJORITY_OF_ALL = 'MAJORITY_OF_ALL', NINETY_PERCENT_OF_ALL = 'NINETY_PERCENT_OF_ALL' }
export enum DecidingLevel { COMMUNE_CHAIR = 'COMMUNE_CHAIR', PROVINCIAL_COUNCIL = 'PROVINCIAL_COUNCIL' }
export enum NominationState { draft = 'draft', submitted = 'submitted', eligible = 'eligible', ineligible = 'ineligible',
  under_review = 'under_review', posted = 'posted', approved = 'approved', rejected = 'rejected' }
export enum Ballot { FOR = 'FOR', AGAINST = 'AGAINST' }
export enum VerificationStatus { VALID = 'VALID', REVOKED = 'REVOKED', UNKNOWN = 'UNKNOWN' }
registerEnumType(AwardTitle, { name: 'AwardTitle', description: 'Danh hiệu' });
registerEnumType(ApprovalRule, { name: 'ApprovalRule', description: 'Quá bán tổng số thành viên, hoặc 90% tổng số thành viên' });
registerEnumType(DecidingLevel, { name: 'DecidingLevel', description: 'Cấp quyết định: Chủ tịch UBND xã (Giấy khen) hoặc Hội đồng tỉnh (Bằng khen)' });
registerEnumType(NominationState, { name: 'NominationState' });
registerEnumType(Ballot, { name: 'Ballot' });
registerEnumType(VerificationStatus, { name: 'VerificationStatus' });

@ObjectType()
@InputType('RubricCriterionInput')
export class RubricCriterion {
  @Field(() => String) code!: string;
  @Field(() => String) label!: string;
  @Field(() => Float) weight!: number;
}

@ObjectType({ description: 'Đợt xét khen thưởng' })
export class AwardCycle {
  @Field(() => Int) id!: number;
  @Field(() => AwardTitle) title!: AwardTitle;
  @Field(() => String) titleLabel!: string;
  @Field(() => Int) year!: number;
  @Field(() => String) name!: string;
  @Field(() => DateScalar) nominationOpensOn!: string;
  @Field(() => DateScalar) nominationClosesOn!: string;
  @Field(() => DateScalar) closesOn!: string;
  @Field(() => Int) quotaPerCommune!: number;
  @Field(() => Int) quotaTotal!: number;
  @Field(() => [RubricCriterion]) rubric!: RubricCriterion[];
  @Field(() => Int) quorumNumerator!: number;
  @Field(() => Int) quorumDenominator!: number;
  @Field(() => ApprovalRule) approvalRule!: ApprovalRule;
  @Field(() => DecidingLevel) decidingLevel!: DecidingLevel;
  @Field(() => String, { description: 'Giấy khen hoặc Bằng khen' }) certificateKind!: string;
}

export const toCycle = (row: CycleRow): AwardCycle => Object.assign(new AwardCycle(), row, {
  titleLabel: TITLES[row.title].label, certificateKind: CERTIFICATE_KIND[row.decidingLevel],
});

@ObjectType({ description: 'Thành viên Hội đồng của đợt xét' })
export class CommitteeMember {
  @Field(() => String) fullName!: string;
  @Field(() => Boolean) isChair!: boolean;
}

@ObjectType({ description: 'Người dùng có thể cử vào Hội đồng (vai trò Thành viên Hội đồng Thi đua – Khen thưởng)' })
export class CommitteeCandidate {
  @Field(() => Int) id!: number;
  @Field(() => String) username!: string;
  @Field(() => String) fullName!: string;
}

@ObjectType({ description: 'Chỉ tiêu đề nghị đã dùng: của xã và toàn tỉnh' })
export class AwardQuota {
  @Field(() => Int) communeUsed!: number;
  @Field(() => Int) quotaPerCommune!: number;
  @Field(() => Int) totalUsed!: number;
  @Field(() => Int) quotaTotal!: number;
}

@ObjectType({ description: 'Giấy khen / Bằng khen của một hồ sơ' })
export class NominationCertificate {
  @Field(() => String) code!: string;
  @Field(() => DateScalar, { nullable: true }) revokedOn!: string | null;
  @Field(() => String, { description: 'Tệp PDF (cần đăng nhập)' }) pdfUrl!: string;
}

@ObjectType()
export class EligibilityCheck {
  @Field(() => String) rule!: string;
  @Field(() => String) label!: string;
  @Field(() => String, { description: 'PASSED (đạt), FAILED (không đạt), NO_DATA (chưa có dữ liệu) hoặc NOT_APPLICABLE (không áp dụng)' }) status!: string;
  @Field(() => String) reason!: string;
  @Field(() => String, { description: 'Minh chứng (ngày, số liệu) dạng JSON' }) evidence!: string;
}

@ObjectType({ description: 'Hồ sơ đề nghị khen thưởng' })
export class Nomination {
  @Field(() => Int) id!: number;
  @Field(() => Int) cycleId!: number;
  communeId!: number;
  @Field(() => Int, { nullable: true, description: 'Tổ công nghệ số (danh hiệu Tổ tiêu biểu)' }) teamId!: number | null;
  @Field(() => NominationState) state!: NominationState;
  @Field(() => String) stateLabel!: string;
  @Field(() => String) nomineeName!: string;
  @Field(() => String) justification!: string;
  @Field(() => [EligibilityCheck], { nullable: true }) eligibility!: EligibilityCheck[] | null;
  @Field(() => DateScalar, { nullable: true }) eligibilityCheckedOn!: string | null;
  @Field(() => DateScalar, { nullable: true }) postedOn!: string | null;
  @Field(() => DateScalar, { nullable: true }) postingEndsOn!: string | null;
}

/** A nomination as `viewer` may see it: a person's name masked for the roles that see counts only. */
export const toNomination = (row: NominationRow, viewer: Viewer | null): Nomination => Object.assign(new Nomination(), row, {
  nomineeName: row.teamId === null ? personNameFor(viewer, row.nomineeName) : row.nomineeName,
  state: row.state as NominationState,
  stateLabel: STATE_LABELS[row.state as State],
  eligibility: row.eligibility?.map((c) => ({ ...c, evidence: JSON.stringify(c.evidence) })) ?? null,
});

@ObjectType()
export class EvidenceItem {
  @Field(() => Int) id!: number;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => String, { nullable: true }) mimeType!: string | null;
  @Field(() => Int, { nullable: true }) byteSize!: number | null;
  @Field(() => String, { nullable: true, description: 'Đường dẫn ảnh (cần đăng nhập)' }) url!: string | null;
}

@ObjectType()
export class CitizenComment {
  @Field(() => Int) id!: number;
  @Field(() => String) body!: string;
  @Field(() => String) createdAt!: string;
}

@ObjectType({ description: 'Ứng viên gợi ý từ dữ liệu theo dõi, kèm kết quả kiểm tra điều kiện' })
export class SuggestedCandidate {
  @Field(() => String, { description: 'Mã hộ, mã nhân khẩu, hoặc mã số của tổ' }) code!: string;
  @Field(() => String) name!: string;
  @Field(() => DateScalar, { nullable: true, description: 'Là Gia đình số từ / đạt kỹ năng số từ / tổ thành lập ngày' }) since!: string | null;
  @Field(() => Int) residentsPassed!: number;
  @Field(() => Int, { nullable: true, description: 'Tổ công nghệ số (danh hiệu Tổ tiêu biểu)' }) teamId!: number | null;
  @Field(() => [EligibilityCheck]) eligibility!: EligibilityCheck[];
}

export const toSuggestion = (s: { code: string; name: string; since: string | null; residentsPassed: number; teamId: number | null;
  eligibility: EligibilityCheckRecord[] }): SuggestedCandidate => Object.assign(new SuggestedCandidate(), s, {
  eligibility: s.eligibility.map((c) => ({ ...c, evidence: JSON.stringify(c.evidence) })),
});

@ObjectType({ description: 'Kết quả xét của Hội đồng cho một hồ sơ' })
export class NominationResult {
  @Field(() => Nomination) nomination!: Nomination;
  @Field(() => Int) voters!: number;
  @Field(() => Int) recused!: number;
  @Field(() => Int) ballots!: number;
  @Field(() => Int) votesFor!: number;
  @Field(() => Int) votesAgainst!: number;
  @Field(() => Boolean) quorumMet!: boolean;
  @Field(() => Boolean) approved!: boolean;
  @Field(() => Float, { nullable: true }) score!: number | null;
  @Field(() => Int, { nullable: true }) rank!: number | null;
  @Field(() => Boolean) withinQuota!: boolean;
}

@ObjectType()
export class ScoreEntry {
  @Field(() => String) code!: string;
  @Field(() => Float) score!: number;
}

@ObjectType({ description: 'Phiếu của chính thành viên Hội đồng đang đăng nhập (phiếu là bí mật: không ai khác xem được)' })
export class MyReviewSheet {
  @Field(() => [ScoreEntry]) scores!: ScoreEntry[];
  @Field(() => Ballot, { nullable: true }) vote!: Ballot | null;
  @Field(() => Boolean, { description: 'Đã nộp: phiếu đã khóa' }) submitted!: boolean;
  @Field(() => Boolean, { description: 'Không chấm, không bỏ phiếu hồ sơ này (tự khai báo hoặc tự động)' }) recused!: boolean;
  @Field(() => Boolean, { description: 'Tự động: thành viên công tác tại xã của người được đề nghị' }) autoRecused!: boolean;
  @Field(() => String, { nullable: true }) conflictNote!: string | null;
}

@ObjectType({ description: 'Hồ sơ đang niêm yết công khai (tên đã che)' })
export class PostedNomination {
  @Field(() => Int) id!: number;
  communeId!: number;
  @Field(() => String) maskedName!: string;
  @Field(() => DateScalar) postedOn!: string;
  @Field(() => DateScalar) postingEndsOn!: string;
}

@ObjectType({ description: 'Một dòng Bảng vàng (tên đã che)' })
export class HonourEntry {
  @Field(() => String) code!: string;
  @Field(() => AwardTitle) title!: AwardTitle;
  @Field(() => String) titleLabel!: string;
  @Field(() => String) kind!: string;
  @Field(() => Int) year!: number;
  @Field(() => String) communeName!: string;
  @Field(() => String) maskedName!: string;
  @Field(() => String) decisionNumber!: string;
  @Field(() => DateScalar) decidedOn!: string;
}

@ObjectType()
export class CertificateVerification {
  @Field(() => VerificationStatus) status!: VerificationStatus;
  @Field(() => String) message!: string;
  @Field(() => HonourEntry, { nullable: true }) entry!: HonourEntry | null;
  @Field(() => DateScalar, { nullable: true }) revokedOn!: string | null;
  @Field(() => String, { nullable: true }) revokedReason!: string | null;
}

@ObjectType()
export class AwardDecision {
  @Field(() => Int) id!: number;
  @Field(() => String) number!: string;
  @Field(() => DateScalar) decidedOn!: string;
  @Field(() => String) signer!: string;
  @Field(() => [String]) certificateCodes!: string[];
}

@InputType()
export class AwardCycleInput {
  @Field(() => AwardTitle) title!: AwardTitle;
  @Field(() => Int) year!: number;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => DateScalar) nominationOpensOn!: string;
  @Field(() => DateScalar) nominationClosesOn!: string;
  @Field(() => DateScalar) closesOn!: string;
  @Field(() => Int) quotaPerCommune!: number;
  @Field(() => Int) quotaTotal!: number;
  @Field(() => [RubricCriterion]) rubric!: RubricCriterion[];
  @Field(() => [Int]) memberIds!: number[];
  @Field(() => Int) chairId!: number;
  @Field(() => ApprovalRule, { nullable: true }) approvalRule?: ApprovalRule | null;
  @Field(() => Int, { nullable: true }) quorumNumerator?: number | null;
  @Field(() => Int, { nullable: true }) quorumDenominator?: number | null;
  @Field(() => DecidingLevel, { nullable: true }) decidingLevel?: DecidingLevel | null;
}

@InputType()
export class NominationInput {
  @Field(() => Int) cycleId!: number;
  @Field(() => String, { nullable: true, description: 'Mã hộ (danh hiệu hộ gia đình) hoặc mã nhân khẩu' }) nomineeCode?: string | null;
  @Field(() => Int, { nullable: true, description: 'Tổ công nghệ số cộng đồng (danh hiệu Tổ tiêu biểu)' }) teamId?: number | null;
  @Field(() => String, { nullable: true, description: 'Hoặc tên tổ, kèm mã xã' }) teamName?: string | null;
  @Field(() => String, { nullable: true }) communeCode?: string | null;
  @Field(() => String) justification!: string;
}

@InputType()
export class ScoreInput {
  @Field(() => String) code!: string;
  @Field(() => Float) score!: number;
}

@InputType()
export class ReviewInput {
  @Field(() => Int) nominationId!: number;
  @Field(() => [ScoreInput]) scores!: ScoreInput[];
  @Field(() => Ballot) vote!: Ballot;
  @Field(() => Boolean, { description: 'true: nộp và khóa phiếu; false: lưu nháp' }) submit!: boolean;
}

@InputType()
export class DecisionInput {
  @Field(() => Int) cycleId!: number;
  @Field(() => String, { nullable: true }) communeCode?: string | null;
  @Field(() => String) number!: string;
  @Field(() => DateScalar) decidedOn!: string;
  @Field(() => String) signer!: string;
  @Field(() => [Int], { nullable: true }) rejectIds?: number[] | null;
}
