import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { Role } from '../access/roles';
import { Area, toArea } from '../areas/types';
import type { MarketRow } from './queries';
import { listMarkets, saveMarket } from './service';
import { DigitalMarket, MarketInput } from './types';

const toMarket = (row: MarketRow) => Object.assign(new DigitalMarket(), row, { metStandard: row.standardMetOn !== null });

@Resolver(() => DigitalMarket)
export class MarketResolver {
  @Query(() => [DigitalMarket], { description: 'Danh mục chợ số của một xã, một tỉnh, hoặc tất cả' })
  async markets(@Arg('areaCode', () => String, { nullable: true }) areaCode: string | null, @Ctx() ctx: Context): Promise<DigitalMarket[]> {
    return (await listMarkets(ctx, areaCode)).map(toMarket);
  }

  @Authorized(Role.PROVINCE_ADMIN, Role.COMMUNE_CHAIR, Role.COMMUNE_OFFICER)
  @Mutation(() => DigitalMarket, { description: 'Đăng ký hoặc cập nhật một chợ' })
  async saveMarket(@Arg('input', () => MarketInput) input: MarketInput, @Ctx() ctx: Context): Promise<DigitalMarket> {
    return toMarket(await saveMarket(ctx, input));
  }

  @FieldResolver(() => Area)
  async commune(@Root() market: DigitalMarket, @Ctx() ctx: Context): Promise<Area> {
    return toArea((await ctx.loaders.areaById.load(market.communeId))!);
  }
}
