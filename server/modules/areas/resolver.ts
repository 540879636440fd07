import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { daysOfItemField } from '../../graphql/lookahead';
import { getAreaByCode, listAreasUnder } from './service';
import { Area, AreaLevel, toArea } from './types';

@Resolver(() => Area)
export class AreaResolver {
  @Query(() => Area, { nullable: true, description: 'Địa bàn theo mã đơn vị hành chính' })
  async area(@Arg('code', () => String) code: string, @Ctx() ctx: Context): Promise<Area | null> {
    const row = await getAreaByCode(ctx.db, code);
    return row && toArea(row);
  }

  @Query(() => [Area], { description: 'Danh sách địa bàn, lọc theo địa bàn cha và/hoặc cấp' })
  async areas(
    @Arg('parentCode', () => String, { nullable: true }) parentCode: string | null,
    @Arg('level', () => AreaLevel, { nullable: true }) level: AreaLevel | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Area[]> {
    const areas = (await listAreasUnder(ctx.db, parentCode ?? undefined, level ?? undefined)).map(toArea);
    // The items' indicators in one statement before they resolve, so that none waits on its own.
    const days = daysOfItemField(info, 'indicator', ctx.today);
    const ids = areas.map((a) => a.id);
    // For the public, also whether each is hidden among its siblings (small cells and complements).
    await Promise.all([ctx.loaders.counts.preload(ids, days),
      ctx.viewer === null && days.length ? ctx.loaders.publicCells.preload(ids) : undefined]);
    return areas;
  }

  @FieldResolver(() => Area, { nullable: true })
  async parent(@Root() area: Area, @Ctx() ctx: Context): Promise<Area | null> {
    if (area.parentId === null) return null;
    const row = await ctx.loaders.areaById.load(area.parentId);
    return row && toArea(row);
  }

  @FieldResolver(() => [Area])
  async children(@Root() area: Area, @Ctx() ctx: Context): Promise<Area[]> {
    // No preload here: the children of many parents batch their indicators together (CountsStore).
    return (await ctx.loaders.childrenByParentId.load(area.id)).map(toArea);
  }
}
