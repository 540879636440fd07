/** Public GraphQL of the awards: the posted list and its comments, the honour roll, certificate verification. */
import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { Area, toArea } from '../areas/types';
import { commentOnNomination, honourRoll, postedList, verifyCertificate } from './service';
import { CertificateVerification, HonourEntry, PostedNomination } from './types';

@Resolver(() => PostedNomination)
export class AwardPublicResolver {
  @Query(() => [PostedNomination], { description: 'Danh sách đề nghị đang niêm yết công khai 10 ngày' })
  postedNominations(@Arg('cycleId', () => Int) cycleId: number, @Ctx() ctx: Context) {
    return postedList(ctx, cycleId);
  }

  @FieldResolver(() => Area, { nullable: true })
  async commune(@Root() n: PostedNomination, @Ctx() ctx: Context) {
    const row = await ctx.loaders.areaById.load(n.communeId);
    return row && toArea(row);
  }

  @Mutation(() => Boolean, { description: 'Ý kiến của người dân (ẩn danh) về hồ sơ đang niêm yết' })
  async commentOnNomination(@Arg('nominationId', () => Int) id: number, @Arg('body', () => String) body: string,
    @Ctx() ctx: Context) {
    await commentOnNomination(ctx, id, body);
    return true;
  }

  @Query(() => [HonourEntry], { description: 'Bảng vàng theo năm và xã' })
  honourRoll(@Arg('year', () => Int) year: number, @Arg('communeCode', () => String, { nullable: true }) communeCode: string | null,
    @Ctx() ctx: Context) {
    return honourRoll(ctx, year, communeCode);
  }

  @Query(() => CertificateVerification, { description: 'Xác minh giấy khen theo mã (trang /xac-minh/<mã>)' })
  verifyCertificate(@Arg('code', () => String) code: string, @Ctx() ctx: Context) {
    return verifyCertificate(ctx, code);
  }
}
