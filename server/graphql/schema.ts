import 'reflect-metadata';
import { fileURLToPath } from 'node:url';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AccessResolver } from '../modules/access/resolver';
import { AreaResolver } from '../modules/areas/resolver';
import { HouseholdResolver } from '../modules/households/resolver';
import { AreaIndicatorResolver, LeaderboardResolver } from '../modules/indicators/resolver';
import { authChecker } from './auth-checker';

export const schemaFile = fileURLToPath(new URL('./schema.graphql', import.meta.url));

export const resolvers = [AreaResolver, AreaIndicatorResolver, LeaderboardResolver, AccessResolver, HouseholdResolver] as const;

export function buildAppSchema(): Promise<GraphQLSchema> {
  return buildSchema({ resolvers, validate: true, authChecker });
}
