import { IsOptional, Length, Matches } from 'class-validator';
import { GraphQLJSON } from 'graphql-scalars';
import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../../graphql/scalars';
import { Role } from './roles';

@ObjectType({ description: 'Tài khoản người dùng (không bao giờ kèm mật khẩu hay mã băm)' })
export class User {
  id!: number;

  @Field(() => String)
  username!: string;

  @Field(() => String)
  fullName!: string;

  @Field(() => Role)
  role!: Role;

  @Field(() => Boolean)
  active!: boolean;

  @Field(() => [String], { description: 'Mã các địa bàn được giao (tỉnh, xã hoặc thôn/xóm)' })
  areaCodes!: string[];

  @Field(() => String, { description: 'Thời điểm tạo (ISO 8601, UTC)' })
  createdAt!: string;
}

@InputType({ description: 'Tài khoản mới' })
export class CreateUserInput {
  @Field(() => String, { description: 'Chữ thường, số, dấu chấm, gạch dưới, gạch ngang; 3–40 ký tự' })
  @Matches(/^[a-z0-9._-]{3,40}$/, { message: 'Tên đăng nhập chỉ gồm chữ thường không dấu, số, ".", "_", "-" (3–40 ký tự).' })
  username!: string;

  @Field(() => String)
  @Length(2, 120, { message: 'Họ tên phải từ 2 đến 120 ký tự.' })
  fullName!: string;

  @Field(() => Role)
  role!: Role;

  @Field(() => String, { description: 'Mật khẩu ban đầu (ít nhất 10 ký tự)' })
  password!: string;

  @Field(() => [String], { description: 'Tỉnh cho vai trò cấp tỉnh và Hội đồng; một xã cho vai trò cấp xã; các thôn/xóm cho tổ trưởng' })
  areaCodes!: string[];
}

@InputType({ description: 'Lọc nhật ký thao tác' })
export class AuditFilterInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 100)
  username?: string | null;

  @Field(() => String, { nullable: true, description: 'Loại đối tượng, ví dụ household, user, session' })
  @IsOptional()
  @Length(1, 100)
  entity?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200)
  entityId?: string | null;

  @Field(() => String, { nullable: true, description: 'Thao tác, ví dụ SET_HOUSEHOLD_CRITERION' })
  @IsOptional()
  @Length(1, 100)
  action?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Từ ngày (giờ Việt Nam), tính cả ngày này' })
  from?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Đến ngày (giờ Việt Nam), tính cả ngày này' })
  to?: string | null;
}

@ObjectType({ description: 'Một dòng nhật ký: ai, lúc nào, từ đâu, đối tượng nào, trước và sau' })
export class AuditEntry {
  @Field(() => Int)
  id!: number;

  @Field(() => String, { description: 'Thời điểm (ISO 8601, UTC)' })
  at!: string;

  @Field(() => String, { nullable: true, description: 'Người thực hiện; null khi chưa đăng nhập' })
  username!: string | null;

  @Field(() => String, { nullable: true })
  ip!: string | null;

  @Field(() => String)
  action!: string;

  @Field(() => String)
  entity!: string;

  @Field(() => String, { nullable: true })
  entityId!: string | null;

  @Field(() => GraphQLJSON, { nullable: true })
  before!: unknown;

  @Field(() => GraphQLJSON, { nullable: true })
  after!: unknown;
}

@ObjectType({ description: 'Một trang nhật ký và tổng số dòng khớp bộ lọc' })
export class AuditPage {
  @Field(() => Int)
  total!: number;

  @Field(() => [AuditEntry])
  entries!: AuditEntry[];
}
