import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../../graphql/scalars';

export enum CampaignKind {
  SUMMER = 'SUMMER',
  SCHOOL_START = 'SCHOOL_START',
  DIGITAL_TRANSFORMATION_DAY = 'DIGITAL_TRANSFORMATION_DAY',
}
registerEnumType(CampaignKind, { name: 'CampaignKind', description: 'Mùa hè; khai giảng (tháng 9–10); Ngày Chuyển đổi số 10/10' });

@ObjectType({ description: 'Chiến dịch thanh niên tình nguyện phổ cập kỹ năng số' })
export class Campaign {
  @Field(() => Int) id!: number;
  @Field(() => CampaignKind) kind!: CampaignKind;
  @Field(() => Int) year!: number;
  @Field(() => String) name!: string;
  @Field(() => DateScalar) startsOn!: string;
  @Field(() => DateScalar) endsOn!: string;
}

@ObjectType({ description: 'Chiến dịch với tổng hợp báo cáo của các xã' })
export class CampaignSummary {
  @Field(() => Campaign) campaign!: Campaign;
  @Field(() => Int, { description: 'Số xã, phường đã gửi báo cáo chiến dịch này (mỗi xã một báo cáo)' }) communesReported!: number;
  /** The communes that reported (resolved to areas by `reportedCommunes`). */
  communeIds!: number[];
  @Field(() => Int) volunteers!: number;
  @Field(() => Int) peopleSupported!: number;
  @Field(() => Int) sessions!: number;
}

@ObjectType({ description: 'Báo cáo của một xã về một chiến dịch' })
export class CampaignReport {
  @Field(() => Int) id!: number;
  @Field(() => Int) campaignId!: number;
  communeId!: number;
  @Field(() => Int) volunteers!: number;
  @Field(() => Int) peopleSupported!: number;
  @Field(() => Int) sessions!: number;
  @Field(() => String) content!: string;
  @Field(() => String, { nullable: true, description: 'Bài học kinh nghiệm' }) lessonsLearnt!: string | null;
  @Field(() => String) updatedAt!: string;
}

@InputType()
export class CampaignInput {
  @Field(() => CampaignKind) kind!: CampaignKind;
  @Field(() => Int) year!: number;
  @Field(() => String) name!: string;
  @Field(() => DateScalar) startsOn!: string;
  @Field(() => DateScalar) endsOn!: string;
}

@InputType()
export class CampaignReportInput {
  @Field(() => Int) campaignId!: number;
  @Field(() => String) communeCode!: string;
  @Field(() => Int) volunteers!: number;
  @Field(() => Int) peopleSupported!: number;
  @Field(() => Int) sessions!: number;
  @Field(() => String) content!: string;
  @Field(() => String, { nullable: true }) lessonsLearnt?: string | null;
}
