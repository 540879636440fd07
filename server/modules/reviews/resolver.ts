import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { Role } from '../access/roles';
import { toArea } from '../areas/types';
import { closeQuarter, compareQuarters, listReviews } from './service';
import { QuarterComparison, QuarterReview } from './types';

@Resolver()
export class QuarterReviewResolver {
  @Authorized(Role.PROVINCE_ADMIN)
  @Mutation(() => QuarterReview, { description: 'Sơ kết quý: chốt số liệu chỉ số, chỉ tiêu và kết quả tại ngày cuối quý' })
  closeQuarter(@Arg('period', () => String) period: string, @Ctx() ctx: Context): Promise<QuarterReview> {
    return closeQuarter(ctx, period);
  }

  @Query(() => [QuarterReview], { description: 'Các quý đã sơ kết, mới nhất trước' })
  quarterReviews(@Ctx() ctx: Context): Promise<QuarterReview[]> {
    return listReviews(ctx);
  }

  @Query(() => QuarterComparison, { description: 'So sánh hai quý đã sơ kết cho một địa bàn và các địa bàn con' })
  async compareQuarters(
    @Arg('from', () => String) from: string,
    @Arg('to', () => String) to: string,
    @Arg('areaCode', () => String) areaCode: string,
    @Ctx() ctx: Context,
  ): Promise<QuarterComparison> {
    const result = await compareQuarters(ctx, { from, to, areaCode });
    return { ...result, areas: result.areas.map((a) => ({ ...a, area: toArea(a.area) })) } as QuarterComparison;
  }
}
