import { Field, Float, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { TargetMetric } from '../activities/metrics';
import { Area } from '../areas/types';
import { Team } from '../teams/types';

export enum PaceStatus {
  NOT_STARTED = 'NOT_STARTED',
  ON_TRACK = 'ON_TRACK',
  AT_RISK = 'AT_RISK',
  MET = 'MET',
  MISSED = 'MISSED',
}
registerEnumType(PaceStatus, { name: 'PaceStatus', description: 'Chưa bắt đầu, đúng tiến độ, có nguy cơ không đạt, đã đạt, không đạt' });

@ObjectType({ description: 'Chỉ tiêu giao cho xã (tỉnh giao) hoặc cho tổ (xã giao) trong một kỳ' })
export class Target {
  @Field(() => Int) id!: number;
  @Field(() => String, { description: 'Kỳ: quý (2025-Q4) hoặc năm (2025)' }) period!: string;
  @Field(() => TargetMetric) metric!: TargetMetric;
  @Field(() => Int) value!: number;
  @Field(() => Int, { description: 'Phiên bản: gửi kèm khi sửa để không ghi đè thay đổi của người khác' }) version!: number;
  @Field(() => String) updatedAt!: string;
  communeId!: number | null;
  teamId!: number | null;
}

@ObjectType({ description: 'Kết quả lưu chỉ tiêu, kèm cảnh báo nếu có' })
export class TargetChange {
  @Field(() => Target) target!: Target;
  @Field(() => [String], { description: 'Ví dụ: tổng chỉ tiêu các tổ thấp hơn chỉ tiêu của xã' }) warnings!: string[];
}

@InputType()
export class CommuneTargetInput {
  @Field(() => String) communeCode!: string;
  @Field(() => String) period!: string;
  @Field(() => TargetMetric) metric!: TargetMetric;
  @Field(() => Int) value!: number;
  @Field(() => Int, { nullable: true, description: 'Phiên bản đã đọc; bỏ trống khi giao mới' }) expectedVersion?: number | null;
}

@InputType()
export class TeamTargetInput {
  @Field(() => Int) teamId!: number;
  @Field(() => String) period!: string;
  @Field(() => TargetMetric) metric!: TargetMetric;
  @Field(() => Int) value!: number;
  @Field(() => Int, { nullable: true, description: 'Phiên bản đã đọc; bỏ trống khi giao mới' }) expectedVersion?: number | null;
}

@ObjectType({ description: 'Phân bổ chỉ tiêu của xã cho các tổ theo một chỉ số' })
export class TargetAllocation {
  @Field(() => TargetMetric) metric!: TargetMetric;
  @Field(() => Target, { nullable: true, description: 'Chỉ tiêu tỉnh giao cho xã' }) communeTarget!: Target | null;
  @Field(() => Int, { description: 'Tổng chỉ tiêu xã giao cho các tổ' }) teamTargetsSum!: number;
  @Field(() => Int, { description: 'Phần còn thiếu so với chỉ tiêu của xã (0 nếu đủ)' }) shortfall!: number;
  @Field(() => String, { nullable: true }) warning!: string | null;
}

@ObjectType({ description: 'Bảng giao chỉ tiêu của xã: chỉ tiêu xã, chỉ tiêu từng tổ, cảnh báo' })
export class CommuneTargetPlan {
  @Field(() => Area) commune!: Area;
  @Field(() => String) period!: string;
  @Field(() => [TargetAllocation]) allocations!: TargetAllocation[];
  @Field(() => [Target], { description: 'Chỉ tiêu các tổ trong kỳ' }) teamTargets!: Target[];
}

@ObjectType({ description: 'Tiến độ một chỉ tiêu: đã đạt, dự báo cuối kỳ theo nhịp hiện tại' })
export class TargetProgress {
  @Field(() => TargetMetric) metric!: TargetMetric;
  @Field(() => Target, { nullable: true, description: 'Chỉ tiêu (null khi là tổng của nhiều chỉ tiêu)' }) target!: Target | null;
  @Field(() => Int) targetValue!: number;
  @Field(() => Int) achieved!: number;
  @Field(() => Float, { description: 'Tỷ lệ hoàn thành, tối đa 1' }) completion!: number;
  @Field(() => Float, { description: 'Phần thời gian của kỳ đã trôi qua, 0–1' }) elapsedShare!: number;
  @Field(() => Float, { nullable: true, description: 'Dự báo cuối kỳ theo nhịp hiện tại' }) projected!: number | null;
  @Field(() => PaceStatus) status!: PaceStatus;
}

@ObjectType({ description: 'Tỷ lệ hoàn thành chỉ tiêu (TARGET_COMPLETION): đạt (tối đa bằng chỉ tiêu) / tổng chỉ tiêu' })
export class Completion {
  @Field(() => Float, { nullable: true }) value!: number | null;
  @Field(() => Int) numerator!: number;
  @Field(() => Int) denominator!: number;
}

@ObjectType()
export class TeamProgress {
  @Field(() => Team) team!: Team;
  @Field(() => String) period!: string;
  @Field(() => [TargetProgress]) targets!: TargetProgress[];
  @Field(() => Completion) completion!: Completion;
  @Field(() => Boolean, { description: 'Có chỉ tiêu có nguy cơ không đạt' }) atRisk!: boolean;
}

@ObjectType()
export class AreaProgress {
  @Field(() => Area) area!: Area;
  @Field(() => String) period!: string;
  @Field(() => [TargetProgress]) targets!: TargetProgress[];
  @Field(() => Completion) completion!: Completion;
  @Field(() => Boolean) atRisk!: boolean;
}

@ObjectType({ description: 'Danh sách cảnh báo sớm: các tổ và xã có nguy cơ không đạt chỉ tiêu' })
export class AtRiskList {
  @Field(() => [TeamProgress]) teams!: TeamProgress[];
  @Field(() => [AreaProgress]) communes!: AreaProgress[];
}

@ObjectType({ description: 'Một dòng bảng xếp hạng hoàn thành chỉ tiêu của các tổ' })
export class TeamRankEntry {
  @Field(() => Int, { nullable: true, description: 'null = chưa xếp hạng (chưa được giao chỉ tiêu)' }) rank!: number | null;
  @Field(() => Team) team!: Team;
  @Field(() => Completion) completion!: Completion;
}
