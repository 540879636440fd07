import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { Role } from '../access/roles';
import { Area, toArea } from '../areas/types';
import { campaignReports, campaignSummaries, createCampaign, submitCampaignReport } from './service';
import { Campaign, CampaignInput, CampaignReport, CampaignReportInput, CampaignSummary } from './types';

@Resolver(() => CampaignReport)
export class CampaignResolver {
  @Query(() => [CampaignSummary], { description: 'Các chiến dịch (của một năm) với tổng hợp báo cáo các xã' })
  campaigns(@Arg('year', () => Int, { nullable: true }) year: number | null, @Ctx() ctx: Context): Promise<CampaignSummary[]> {
    return campaignSummaries(ctx, year ?? null) as Promise<CampaignSummary[]>;
  }

  @Query(() => [CampaignReport], { description: 'Báo cáo của các xã về một chiến dịch' })
  campaignReports(@Arg('campaignId', () => Int) campaignId: number, @Ctx() ctx: Context): Promise<CampaignReport[]> {
    return campaignReports(ctx, campaignId);
  }

  @Authorized(Role.PROVINCE_ADMIN)
  @Mutation(() => Campaign)
  createCampaign(@Arg('input', () => CampaignInput) input: CampaignInput, @Ctx() ctx: Context): Promise<Campaign> {
    return createCampaign(ctx, input) as Promise<Campaign>;
  }

  @Authorized(Role.COMMUNE_OFFICER, Role.COMMUNE_CHAIR)
  @Mutation(() => CampaignReport, { description: 'Gửi (hoặc cập nhật) báo cáo chiến dịch của xã' })
  submitCampaignReport(@Arg('input', () => CampaignReportInput) input: CampaignReportInput, @Ctx() ctx: Context): Promise<CampaignReport> {
    return submitCampaignReport(ctx, input);
  }

  @FieldResolver(() => Area)
  async commune(@Root() report: CampaignReport, @Ctx() ctx: Context): Promise<Area> {
    return toArea((await ctx.loaders.areaById.load(report.communeId))!);
  }
}

@Resolver(() => CampaignSummary)
export class CampaignSummaryResolver {
  @FieldResolver(() => [Area], { description: 'Các xã, phường đã gửi báo cáo chiến dịch này' })
  async reportedCommunes(@Root() summary: CampaignSummary, @Ctx() ctx: Context): Promise<Area[]> {
    const communes = await ctx.loaders.areaById.loadMany(summary.communeIds);
    return communes.flatMap((c) => (c && !(c instanceof Error) ? [toArea(c)] : []));
  }
}
