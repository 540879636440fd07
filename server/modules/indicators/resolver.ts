import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { DateScalar } from '../../graphql/scalars';
import { Area } from '../areas/types';
import { Metric } from './metrics';
import { criteriaOf, digitalHamletsOf, indicatorOf, leaderboardFor, seriesOf } from './service';
import { CriterionProgress, DigitalHamletCount, IndicatorPoint, IndicatorValue, LeaderboardEntry } from './types';

@Resolver(() => Area)
export class AreaIndicatorResolver {
  @FieldResolver(() => IndicatorValue, { description: 'Chỉ số tại ngày asOf (mặc định hôm nay)' })
  indicator(
    @Root() area: Area,
    @Arg('metric', () => Metric) metric: Metric,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf: string | null,
    @Ctx() ctx: Context,
  ): IndicatorValue | Promise<IndicatorValue> {
    return indicatorOf(ctx, area.id, metric, asOf ?? ctx.today);
  }

  @FieldResolver(() => [IndicatorPoint], { description: 'Chuỗi theo tháng: mỗi cuối tháng, điểm cuối là ngày to' })
  series(
    @Root() area: Area,
    @Arg('metric', () => Metric) metric: Metric,
    @Arg('from', () => DateScalar) from: string,
    @Arg('to', () => DateScalar) to: string,
    @Ctx() ctx: Context,
  ): Promise<IndicatorPoint[]> {
    return seriesOf(ctx, area.id, metric, from, to);
  }

  @FieldResolver(() => DigitalHamletCount)
  digitalHamlets(
    @Root() area: Area,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf: string | null,
    @Ctx() ctx: Context,
  ): Promise<DigitalHamletCount> {
    return digitalHamletsOf(ctx, area.id, asOf ?? ctx.today);
  }

  @FieldResolver(() => [CriterionProgress], { description: 'Tiến độ từng tiêu chí của bộ tiêu chí đang áp dụng' })
  criteria(
    @Root() area: Area,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf: string | null,
    @Ctx() ctx: Context,
  ): Promise<CriterionProgress[]> {
    return criteriaOf(ctx, area.id, asOf ?? ctx.today);
  }
}

@Resolver()
export class LeaderboardResolver {
  @Query(() => [LeaderboardEntry], { description: 'Bảng xếp hạng các địa bàn con của parentCode' })
  leaderboard(
    @Arg('parentCode', () => String) parentCode: string,
    @Arg('metric', () => Metric) metric: Metric,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf: string | null,
    @Arg('improvementSince', () => DateScalar, { nullable: true }) improvementSince: string | null,
    @Ctx() ctx: Context,
  ): Promise<LeaderboardEntry[]> {
    return leaderboardFor(ctx, { parentCode, metric, asOf: asOf ?? ctx.today, improvementSince: improvementSince ?? undefined });
  }
}
