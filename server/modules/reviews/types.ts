import { Field, Float, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../../graphql/scalars';
import { Area } from '../areas/types';
import { IndicatorValue } from '../indicators/types';
import { TargetMetric } from '../activities/metrics';

@ObjectType({ description: 'Một quý đã sơ kết: số liệu được chốt tại ngày cuối quý' })
export class QuarterReview {
  @Field(() => String) period!: string;
  @Field(() => DateScalar) asOf!: string;
  @Field(() => String) closedAt!: string;
}

@ObjectType({ description: 'Tỷ lệ Gia đình số của một địa bàn ở hai quý đã sơ kết' })
export class QuarterAreaChange {
  @Field(() => Area) area!: Area;
  @Field(() => IndicatorValue) before!: IndicatorValue;
  @Field(() => IndicatorValue) after!: IndicatorValue;
  @Field(() => Float, { nullable: true, description: 'Mức thay đổi tỷ lệ (after − before)' }) change!: number | null;
}

@ObjectType({ description: 'Chỉ tiêu và kết quả (tính tối đa bằng chỉ tiêu) của các xã ở hai quý đã sơ kết' })
export class QuarterMetricChange {
  @Field(() => TargetMetric) metric!: TargetMetric;
  @Field(() => Int) targetBefore!: number;
  @Field(() => Int) achievedBefore!: number;
  @Field(() => Int) targetAfter!: number;
  @Field(() => Int) achievedAfter!: number;
}

@ObjectType({ description: 'So sánh hai quý đã sơ kết' })
export class QuarterComparison {
  @Field(() => QuarterReview) from!: QuarterReview;
  @Field(() => QuarterReview) to!: QuarterReview;
  @Field(() => [QuarterAreaChange], { description: 'Địa bàn được so sánh, rồi các địa bàn con' }) areas!: QuarterAreaChange[];
  @Field(() => [QuarterMetricChange]) metrics!: QuarterMetricChange[];
}
