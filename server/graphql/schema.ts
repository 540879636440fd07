import 'reflect-metadata';
import { fileURLToPath } from 'node:url';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AreaResolver } from '../modules/areas/resolver';
import { AwardPublicResolver } from '../modules/awards/public-resolver';
import { AwardResolver } from '../modules/awards/resolver';
import { AreaIndicatorResolver, LeaderboardResolver } from '../modules/indicators/resolver';
import { authChecker } from './auth-checker';

export const schemaFile = fileURLToPath(new URL('./schema.graphql', import.meta.url));

export const resolvers = [AreaResolver, AreaIndicatorResolver, LeaderboardResolver, AwardResolver, AwardPublicResolver] as const;

export function buildAppSchema(): Promise<GraphQLSchema> {
  return buildSchema({ resolvers, validate: true, authChecker });
}
