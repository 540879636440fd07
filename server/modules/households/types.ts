import { Field, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../../graphql/scalars';

@ObjectType({ description: 'Tình trạng một tiêu chí Gia đình số của một hộ' })
export class CriterionStatus {
  @Field(() => String)
  code!: string;

  @Field(() => String)
  label!: string;

  @Field(() => Boolean, { description: 'Đang đáp ứng (đã đạt và chưa mất)' })
  met!: boolean;

  @Field(() => DateScalar, { nullable: true, description: 'Ngày đạt lần đầu' })
  metOn!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Ngày không còn đáp ứng' })
  lostOn!: string | null;

  @Field(() => String, { nullable: true, description: 'Người xác nhận' })
  verifiedBy!: string | null;
}

@ObjectType({ description: 'Hộ gia đình (dữ liệu cá nhân: chỉ trong phạm vi được giao; tên bị che với vai trò chỉ cần số liệu)' })
export class Household {
  @Field(() => String)
  code!: string;

  @Field(() => String, { description: 'Họ tên chủ hộ; dạng "Nguyễn V. A." với vai trò chỉ cần số liệu' })
  headName!: string;

  @Field(() => Boolean, { description: 'Họ tên chủ hộ đã bị che' })
  nameMasked!: boolean;

  @Field(() => Int, { description: 'Số nhân khẩu' })
  members!: number;

  @Field(() => Boolean, { description: 'Là Gia đình số hôm nay' })
  isDigitalFamily!: boolean;

  @Field(() => DateScalar, { nullable: true, description: 'Là Gia đình số từ ngày' })
  digitalSince!: string | null;

  @Field(() => [CriterionStatus])
  criteria!: CriterionStatus[];
}
