import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { DateScalar } from '../../graphql/scalars';
import { Role } from '../access/roles';
import { Area, toArea } from '../areas/types';
import type { AreaSummary } from '../areas/queries';
import type { TeamRow } from '../teams/queries';
import { Team } from '../teams/types';
import {
  atRisk, communeProgress, provinceProgress, teamLeaderboard, teamProgress, teamsProgress,
} from './progress';
import { communeTargetPlan, setCommuneTarget, setTeamTarget } from './service';
import {
  AreaProgress, AtRiskList, CommuneTargetInput, CommuneTargetPlan, Target, TargetChange, TeamProgress, TeamRankEntry,
  TeamTargetInput,
} from './types';

const toTeam = (row: TeamRow) => Object.assign(new Team(), row);
const toTarget = <T extends object>(row: T) => Object.assign(new Target(), row);
const teamOut = (p: { owner: TeamRow; period: string; targets: object[]; completion: object; atRisk: boolean }) =>
  ({ ...p, team: toTeam(p.owner), targets: p.targets.map(lineOut) }) as unknown as TeamProgress;
const areaOut = (p: { owner: AreaSummary; period: string; targets: object[]; completion: object; atRisk: boolean }) =>
  ({ ...p, area: toArea(p.owner), targets: p.targets.map(lineOut) }) as unknown as AreaProgress;
const lineOut = (l: object & { target?: object | null }) => ({ ...l, target: l.target ? toTarget(l.target) : null });

@Resolver(() => Target)
export class TargetResolver {
  @Authorized(Role.PROVINCE_ADMIN)
  @Mutation(() => TargetChange, { description: 'Tỉnh giao (hoặc sửa) chỉ tiêu cho xã; sửa phải kèm expectedVersion' })
  async setCommuneTarget(@Arg('input', () => CommuneTargetInput) input: CommuneTargetInput, @Ctx() ctx: Context): Promise<TargetChange> {
    const { target, warnings } = await setCommuneTarget(ctx, input);
    return { target: toTarget(target), warnings };
  }

  @Authorized(Role.COMMUNE_CHAIR)
  @Mutation(() => TargetChange, { description: 'Xã giao (hoặc sửa) chỉ tiêu cho tổ; sửa phải kèm expectedVersion' })
  async setTeamTarget(@Arg('input', () => TeamTargetInput) input: TeamTargetInput, @Ctx() ctx: Context): Promise<TargetChange> {
    const { target, warnings } = await setTeamTarget(ctx, input);
    return { target: toTarget(target), warnings };
  }

  @Query(() => CommuneTargetPlan, { description: 'Bảng giao chỉ tiêu của xã trong kỳ, kèm cảnh báo thiếu chỉ tiêu' })
  async communeTargetPlan(
    @Arg('communeCode', () => String) communeCode: string,
    @Arg('period', () => String) period: string,
    @Ctx() ctx: Context,
  ): Promise<CommuneTargetPlan> {
    const plan = await communeTargetPlan(ctx, communeCode, period);
    return {
      commune: toArea(plan.commune),
      period: plan.period,
      allocations: plan.allocations.map((a) => ({ ...a, communeTarget: a.communeTarget && toTarget(a.communeTarget) })),
      teamTargets: plan.teamTargets.map(toTarget),
    };
  }

  @Query(() => TeamProgress, { description: 'Tiến độ chỉ tiêu của một tổ' })
  async teamProgress(
    @Arg('teamId', () => Int) teamId: number,
    @Arg('period', () => String) period: string,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf: string | null,
    @Ctx() ctx: Context,
  ): Promise<TeamProgress> {
    return teamOut(await teamProgress(ctx, teamId, period, asOf ?? ctx.today));
  }

  @Query(() => [TeamProgress], { description: 'Tiến độ chỉ tiêu các tổ của một xã' })
  async teamsProgress(
    @Arg('communeCode', () => String) communeCode: string,
    @Arg('period', () => String) period: string,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf: string | null,
    @Ctx() ctx: Context,
  ): Promise<TeamProgress[]> {
    return (await teamsProgress(ctx, communeCode, period, asOf ?? ctx.today)).map(teamOut);
  }

  @Query(() => AreaProgress, { description: 'Tiến độ chỉ tiêu tỉnh giao cho xã' })
  async communeProgress(
    @Arg('communeCode', () => String) communeCode: string,
    @Arg('period', () => String) period: string,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf: string | null,
    @Ctx() ctx: Context,
  ): Promise<AreaProgress> {
    return areaOut(await communeProgress(ctx, communeCode, period, asOf ?? ctx.today));
  }

  @Query(() => AreaProgress, { description: 'Tiến độ toàn tỉnh: tổng chỉ tiêu các xã theo từng chỉ số' })
  async provinceProgress(
    @Arg('provinceCode', () => String) provinceCode: string,
    @Arg('period', () => String) period: string,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf: string | null,
    @Ctx() ctx: Context,
  ): Promise<AreaProgress> {
    return areaOut(await provinceProgress(ctx, provinceCode, period, asOf ?? ctx.today));
  }

  @Query(() => AtRiskList, { description: 'Cảnh báo sớm: tổ và xã có nguy cơ không đạt chỉ tiêu theo nhịp hiện tại' })
  async atRisk(
    @Arg('period', () => String) period: string,
    @Arg('provinceCode', () => String, { defaultValue: '04' }) provinceCode: string,
    @Arg('communeCode', () => String, { nullable: true }) communeCode: string | null,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf: string | null,
    @Ctx() ctx: Context,
  ): Promise<AtRiskList> {
    const list = await atRisk(ctx, { period, provinceCode, communeCode: communeCode ?? undefined, asOf: asOf ?? ctx.today });
    return { teams: list.teams.map(teamOut), communes: list.communes.map(areaOut) };
  }

  @Query(() => [TeamRankEntry], { description: 'Bảng xếp hạng hoàn thành chỉ tiêu của các tổ (công khai)' })
  async teamLeaderboard(
    @Arg('period', () => String) period: string,
    @Arg('communeCode', () => String, { nullable: true }) communeCode: string | null,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf: string | null,
    @Ctx() ctx: Context,
  ): Promise<TeamRankEntry[]> {
    const rows = await teamLeaderboard(ctx, { period, communeCode: communeCode ?? undefined, asOf: asOf ?? ctx.today });
    return rows.map((r) => ({ ...r, team: toTeam(r.team) }));
  }

  @FieldResolver(() => Area, { nullable: true, description: 'Xã được giao (chỉ tiêu của xã)' })
  async commune(@Root() target: Target, @Ctx() ctx: Context): Promise<Area | null> {
    if (target.communeId === null) return null;
    const row = await ctx.loaders.areaById.load(target.communeId);
    return row && toArea(row);
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Tổ được giao (chỉ tiêu của tổ)' })
  teamId(@Root() target: Target): number | null {
    return target.teamId;
  }
}
