import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { DateScalar } from '../../graphql/scalars';
import { HOUSEHOLD_EDITORS, HOUSEHOLD_READERS, householdsOfHamlet, setHouseholdCriterion } from './service';
import { Household } from './types';

@Resolver()
export class HouseholdResolver {
  @Authorized(...HOUSEHOLD_READERS)
  @Query(() => [Household], { description: 'Các hộ của một thôn/xóm (trong phạm vi được giao); search theo tên chủ hộ hoặc mã hộ' })
  households(
    @Arg('hamletCode', () => String) hamletCode: string,
    @Arg('search', () => String, { nullable: true }) search: string | null,
    @Ctx() ctx: Context,
  ): Promise<Household[]> {
    return householdsOfHamlet(ctx, hamletCode, search);
  }

  @Authorized(...HOUSEHOLD_EDITORS)
  @Mutation(() => Household, { description: 'Ghi ngày hộ đạt một tiêu chí; metOn = null để xóa (đính chính)' })
  setHouseholdCriterion(
    @Arg('householdCode', () => String) householdCode: string,
    @Arg('criterion', () => String) criterion: string,
    // Left out: undefined (an error), unlike null (remove the criterion).
    @Arg('metOn', () => DateScalar, { nullable: true }) metOn: string | null | undefined,
    @Ctx() ctx: Context,
  ): Promise<Household> {
    return setHouseholdCriterion(ctx, householdCode, criterion, metOn);
  }
}
