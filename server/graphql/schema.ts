import 'reflect-metadata';
import { fileURLToPath } from 'node:url';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AreaResolver } from '../modules/areas/resolver';
import { AreaIndicatorResolver, LeaderboardResolver } from '../modules/indicators/resolver';

export const schemaFile = fileURLToPath(new URL('./schema.graphql', import.meta.url));

export const resolvers = [AreaResolver, AreaIndicatorResolver, LeaderboardResolver] as const;

export function buildAppSchema(): Promise<GraphQLSchema> {
  return buildSchema({ resolvers, validate: true });
}
