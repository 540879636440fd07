import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../../graphql/scalars';
import { TargetMetric } from './metrics';

@ObjectType({ description: 'Hoạt động hỗ trợ do thành viên tổ ghi nhận' })
export class SupportActivity {
  @Field(() => Int) id!: number;
  @Field(() => String, { description: 'Mã bản ghi do điện thoại tạo (UUID): gửi lại không bị tính hai lần' }) clientId!: string;
  @Field(() => Int) teamId!: number;
  @Field(() => String) hamletCode!: string;
  @Field(() => TargetMetric) metric!: TargetMetric;
  @Field(() => Int) quantity!: number;
  @Field(() => DateScalar) activityOn!: string;
  @Field(() => Int, { nullable: true }) memberId!: number | null;
  @Field(() => Int, { nullable: true }) campaignId!: number | null;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => String) recordedAt!: string;
}

@ObjectType({ description: 'Kết quả ghi nhận: bản ghi, và đã nhận trước đó hay chưa (gửi lại)' })
export class LoggedActivity {
  @Field(() => SupportActivity) record!: SupportActivity;
  @Field(() => Boolean, { description: 'true: bản ghi đã nhận từ trước, không tính thêm' }) duplicate!: boolean;
}

@InputType()
export class ActivityInput {
  @Field(() => String, { description: 'UUID do ứng dụng tạo cho bản ghi' }) clientId!: string;
  @Field(() => String) hamletCode!: string;
  @Field(() => TargetMetric) metric!: TargetMetric;
  @Field(() => Int) quantity!: number;
  @Field(() => DateScalar) activityOn!: string;
  @Field(() => String, { nullable: true, description: 'Mã hộ được hỗ trợ (không bắt buộc)' }) householdCode?: string | null;
  @Field(() => Int, { nullable: true }) memberId?: number | null;
  @Field(() => Int, { nullable: true, description: 'Chiến dịch thanh niên tình nguyện (nếu có)' }) campaignId?: number | null;
  @Field(() => String, { nullable: true }) note?: string | null;
}
