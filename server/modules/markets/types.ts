import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../../graphql/scalars';

@ObjectType({ description: 'Chợ trong danh mục Chợ số – Nông thôn số' })
export class DigitalMarket {
  @Field(() => Int) id!: number;
  communeId!: number;
  @Field(() => String) name!: string;
  @Field(() => Int, { description: 'Số tiểu thương' }) vendors!: number;
  @Field(() => Int, { description: 'Số tiểu thương có thanh toán QR' }) qrVendors!: number;
  @Field(() => Boolean, { description: 'Đã đạt chuẩn (gắn biển "Chợ số")' }) metStandard!: boolean;
  @Field(() => DateScalar, { nullable: true, description: 'Ngày gắn biển' }) standardMetOn!: string | null;
  @Field(() => Int, { description: 'Phiên bản: gửi kèm khi sửa để không ghi đè thay đổi của người khác' }) version!: number;
}

@InputType()
export class MarketInput {
  @Field(() => Int, { nullable: true, description: 'Bỏ trống khi đăng ký chợ mới' }) id?: number | null;
  @Field(() => String) communeCode!: string;
  @Field(() => String) name!: string;
  @Field(() => Int) vendors!: number;
  @Field(() => Int) qrVendors!: number;
  @Field(() => DateScalar, { nullable: true }) standardMetOn?: string | null;
  @Field(() => Int, { nullable: true, description: 'Phiên bản đã đọc; bắt buộc khi sửa, bỏ trống khi đăng ký chợ mới' }) expectedVersion?: number | null;
}
