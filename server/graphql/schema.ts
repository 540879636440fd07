import 'reflect-metadata';
import { fileURLToPath } from 'node:url';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AccessResolver } from '../modules/access/resolver';
import { AreaResolver } from '../modules/areas/resolver';
import { HouseholdResolver } from '../modules/households/resolver';
import { AreaIndicatorResolver, LeaderboardResolver } from '../modules/indicators/resolver';
import { ActivityResolver } from '../modules/activities/resolver';
import { CampaignResolver, CampaignSummaryResolver } from '../modules/campaigns/resolver';
import { MarketResolver } from '../modules/markets/resolver';
import { QuarterReviewResolver } from '../modules/reviews/resolver';
import { TargetResolver } from '../modules/targets/resolver';
import { TeamResolver } from '../modules/teams/resolver';
import { AwardPublicResolver } from '../modules/awards/public-resolver';
import { AwardCycleResolver, AwardResolver } from '../modules/awards/resolver';
import { authChecker } from './auth-checker';

export const schemaFile = fileURLToPath(new URL('./schema.graphql', import.meta.url));

export const resolvers = [
  AreaResolver, AreaIndicatorResolver, LeaderboardResolver, AccessResolver, HouseholdResolver,
  TeamResolver, TargetResolver, ActivityResolver, QuarterReviewResolver, CampaignResolver, CampaignSummaryResolver, MarketResolver,
  AwardResolver, AwardCycleResolver, AwardPublicResolver,
] as const;

export async function buildAppSchema(): Promise<GraphQLSchema> {
  return buildSchema({ resolvers, validate: true, authChecker });
}
