import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { Role } from '../access/roles';
import { Area, toArea } from '../areas/types';
import { teamLoaders } from './loaders';
import { addMember, createTeam, editMember, editTeam, getTeam, listCommuneTeams, listMyTeams } from './service';
import { CreateTeamInput, MemberInput, Team, TeamMember, UpdateTeamInput } from './types';

const toTeam = (row: object) => Object.assign(new Team(), row);

@Resolver(() => Team)
export class TeamResolver {
  @Query(() => Team, { description: 'Một tổ công nghệ số (trong phạm vi người dùng)' })
  async team(@Arg('id', () => Int) id: number, @Ctx() ctx: Context): Promise<Team> {
    return toTeam(await getTeam(ctx, id));
  }

  @Query(() => [Team], { description: 'Các tổ công nghệ số của một xã' })
  async teams(@Arg('communeCode', () => String) communeCode: string, @Ctx() ctx: Context): Promise<Team[]> {
    return (await listCommuneTeams(ctx, communeCode)).map(toTeam);
  }

  @Query(() => [Team], { description: 'Các tổ thuộc phạm vi người dùng (tổ trưởng: tổ của mình)' })
  async myTeams(@Ctx() ctx: Context): Promise<Team[]> {
    return (await listMyTeams(ctx)).map(toTeam);
  }

  @Authorized(Role.PROVINCE_ADMIN, Role.COMMUNE_CHAIR)
  @Mutation(() => Team, { description: 'Thành lập tổ công nghệ số cộng đồng' })
  async createTeam(@Arg('input', () => CreateTeamInput) input: CreateTeamInput, @Ctx() ctx: Context): Promise<Team> {
    return toTeam(await createTeam(ctx, input));
  }

  @Authorized(Role.PROVINCE_ADMIN, Role.COMMUNE_CHAIR)
  @Mutation(() => Team)
  async updateTeam(
    @Arg('id', () => Int) id: number,
    @Arg('input', () => UpdateTeamInput) input: UpdateTeamInput,
    @Ctx() ctx: Context,
  ): Promise<Team> {
    return toTeam(await editTeam(ctx, id, input));
  }

  @Authorized(Role.PROVINCE_ADMIN, Role.COMMUNE_CHAIR, Role.COMMUNE_OFFICER)
  @Mutation(() => TeamMember)
  async addTeamMember(
    @Arg('teamId', () => Int) teamId: number,
    @Arg('input', () => MemberInput) input: MemberInput,
    @Ctx() ctx: Context,
  ): Promise<TeamMember> {
    return (await addMember(ctx, teamId, input)) as TeamMember;
  }

  @Authorized(Role.PROVINCE_ADMIN, Role.COMMUNE_CHAIR, Role.COMMUNE_OFFICER)
  @Mutation(() => TeamMember)
  async updateTeamMember(
    @Arg('id', () => Int) id: number,
    @Arg('input', () => MemberInput) input: MemberInput,
    @Ctx() ctx: Context,
  ): Promise<TeamMember> {
    return (await editMember(ctx, id, input)) as TeamMember;
  }

  @FieldResolver(() => Area)
  async commune(@Root() team: Team, @Ctx() ctx: Context): Promise<Area> {
    return toArea((await ctx.loaders.areaById.load(team.communeId))!);
  }

  @FieldResolver(() => [Area], { description: 'Các thôn/xóm tổ phụ trách' })
  async hamlets(@Root() team: Team, @Ctx() ctx: Context): Promise<Area[]> {
    const rows = await ctx.loaders.areaById.loadMany(team.hamletIds);
    return rows.flatMap((r) => (r && !(r instanceof Error) ? [toArea(r)] : []));
  }

  // Names and phones are personal data: the public is refused, signed-in users outside the team's
  // scope get an empty list.
  @Authorized()
  @FieldResolver(() => [TeamMember], { description: 'Thành viên: rỗng với người ngoài phạm vi (dữ liệu cá nhân)' })
  async memberList(@Root() team: Team, @Ctx() ctx: Context): Promise<TeamMember[]> {
    return (await teamLoaders(ctx).membersByTeam.load(team.id)) as TeamMember[];
  }
}
