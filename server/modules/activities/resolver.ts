import { Arg, Authorized, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { Role } from '../access/roles';
import { logActivities, teamActivities } from './service';
import { ActivityInput, LoggedActivity, SupportActivity } from './types';

const LOGGERS = [Role.TEAM_LEADER, Role.COMMUNE_OFFICER, Role.COMMUNE_CHAIR];

@Resolver(() => SupportActivity)
export class ActivityResolver {
  @Authorized(...LOGGERS)
  @Mutation(() => LoggedActivity, { description: 'Ghi nhận một hoạt động hỗ trợ; gửi lại cùng clientId được tính một lần' })
  async logActivity(@Arg('input', () => ActivityInput) input: ActivityInput, @Ctx() ctx: Context): Promise<LoggedActivity> {
    const [result] = await logActivities(ctx, [input]);
    return result as LoggedActivity;
  }

  @Authorized(...LOGGERS)
  @Mutation(() => [LoggedActivity], { description: 'Gửi nhiều bản ghi (hàng đợi ngoại tuyến): hợp lệ tất cả hoặc không ghi gì' })
  async logActivities(@Arg('inputs', () => [ActivityInput]) inputs: ActivityInput[], @Ctx() ctx: Context): Promise<LoggedActivity[]> {
    return (await logActivities(ctx, inputs)) as LoggedActivity[];
  }

  @Query(() => [SupportActivity], { description: 'Nhật ký hoạt động của tổ: ngày hoạt động gần nhất trước; cùng ngày thì bản ghi nhận sau trước' })
  async teamActivities(
    @Arg('teamId', () => Int) teamId: number,
    @Arg('limit', () => Int, { defaultValue: 50 }) limit: number,
    @Arg('before', () => Int, { nullable: true, description: 'Trang tiếp: id của bản ghi cuối trang trước' }) before: number | null,
    @Ctx() ctx: Context,
  ): Promise<SupportActivity[]> {
    return (await teamActivities(ctx, teamId, limit, before ?? undefined)) as SupportActivity[];
  }
}
