import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Area } from '../areas/types';
import { DateScalar } from '../../graphql/scalars';

@ObjectType({ simpleResolvers: true, description: 'Giá trị chỉ số: tử số / mẫu số; value từ 0 đến 1, null khi mẫu số bằng 0' })
export class IndicatorValue {
  @Field(() => Float, { nullable: true })
  value!: number | null;

  @Field(() => Int)
  numerator!: number;

  @Field(() => Int)
  denominator!: number;

  @Field(() => Boolean, { description: 'Ẩn với người xem công khai: ô nhỏ (1–4 hộ; chỉ số theo người: 1–4 hộ hoặc 1–4 người) hoặc ô ẩn kèm để không suy ra được ô nhỏ bằng phép trừ; value null, tử số và mẫu số 0' })
  suppressed!: boolean;
}

@ObjectType({ simpleResolvers: true, description: 'Giá trị chỉ số tại một ngày (cuối tháng)' })
export class IndicatorPoint extends IndicatorValue {
  @Field(() => DateScalar)
  date!: string;
}

@ObjectType({ simpleResolvers: true, description: 'Số thôn/xóm đạt "Xóm số" trên tổng số' })
export class DigitalHamletCount {
  @Field(() => Int)
  count!: number;

  @Field(() => Int)
  total!: number;

  @Field(() => Float, { nullable: true, description: 'Ngưỡng tỷ lệ Gia đình số để đạt Xóm số' })
  threshold!: number | null;

  @Field(() => Boolean, { description: 'Địa bàn bị ẩn với người xem công khai (ô nhỏ hoặc ô ẩn kèm): count và total bằng 0' })
  suppressed!: boolean;
}

@ObjectType({ simpleResolvers: true, description: 'Số hộ đáp ứng một tiêu chí của bộ tiêu chí Gia đình số đang áp dụng' })
export class CriterionProgress {
  @Field(() => String)
  code!: string;

  @Field(() => String)
  label!: string;

  @Field(() => Int)
  households!: number;

  @Field(() => Int)
  met!: number;

  @Field(() => Float, { nullable: true })
  share!: number | null;

  @Field(() => Boolean, { description: 'Ẩn với người xem công khai: ô nhỏ (1–4 hộ; chỉ số theo người: 1–4 hộ hoặc 1–4 người) hoặc ô ẩn kèm để không suy ra được ô nhỏ bằng phép trừ; value null, tử số và mẫu số 0' })
  suppressed!: boolean;
}

@ObjectType({ simpleResolvers: true, description: 'Một dòng bảng xếp hạng' })
export class LeaderboardEntry {
  @Field(() => Int, { nullable: true, description: 'Thứ hạng; null = chưa xếp hạng' })
  rank!: number | null;

  @Field(() => Boolean)
  ranked!: boolean;

  @Field(() => Area)
  area!: Area;

  @Field(() => Float, { nullable: true, description: 'Tỷ lệ, hoặc mức tăng tỷ lệ khi có improvementSince' })
  value!: number | null;

  @Field(() => Int)
  numerator!: number;

  @Field(() => Int)
  denominator!: number;

  @Field(() => Int, { nullable: true, description: 'Thứ hạng cuối quý trước' })
  previousRank!: number | null;

  @Field(() => Boolean, { description: 'Thôn/xóm đạt Xóm số tại ngày xét' })
  isDigitalHamlet!: boolean;

  @Field(() => Boolean, { description: 'Ẩn với người xem công khai: ô nhỏ (1–4 hộ; chỉ số theo người: 1–4 hộ hoặc 1–4 người) hoặc ô ẩn kèm để không suy ra được ô nhỏ bằng phép trừ; value null, tử số và mẫu số 0' })
  suppressed!: boolean;
}
