/*
 * Field resolvers that type-graphql would call through its generic machinery, called directly.
 * type-graphql wraps every @FieldResolver in a handler that sorts its parameters, converts and
 * validates each @Arg asynchronously (a promise per argument, even for an enum or a date) and
 * runs middlewares; a map asks `indicator(metric:, asOf:)` of every one of its 56 communes, and
 * that machinery cost more than the indicator itself. Where it can do nothing (no middleware, no
 * @Authorized, arguments of scalar or enum types only: class-validator checks objects only), the
 * resolver method is called straight with its root, arguments, context and info. Anything else
 * keeps type-graphql's handler.
 */
import { getNamedType, type GraphQLField, GraphQLInputObjectType, GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';

type ResolverMetadata = ReturnType<typeof getMetadataStorage>['fieldResolvers'][number];
type Param = NonNullable<ResolverMetadata['params']>[number];

const DIRECT_PARAMS = new Set(['root', 'arg', 'context', 'info']);

function directResolver(metadata: ResolverMetadata, field: GraphQLField<unknown, unknown>) {
  const params = [...(metadata.params ?? [])].sort((a, b) => a.index - b.index);
  const plainArgs = field.args.every((arg) => !(getNamedType(arg.type) instanceof GraphQLInputObjectType));
  const plainRoot = params.every((p) => p.kind !== 'root' || (!p.getType && !p.propertyName));
  const plainContext = params.every((p) => p.kind !== 'context' || !p.propertyName);
  if (metadata.kind !== 'external' || metadata.middlewares?.length || metadata.roles || !plainArgs || !plainRoot || !plainContext
    || !params.every((p) => DIRECT_PARAMS.has(p.kind))) return null;
  // type-graphql's default container: one instance of each resolver class.
  const Target = metadata.target as new () => Record<string, (...args: unknown[]) => unknown>;
  const instance = new Target();
  const method = instance[metadata.methodName]!;
  const pick = (p: Param, root: unknown, args: Record<string, unknown>, context: unknown, info: unknown) =>
    p.kind === 'root' ? root : p.kind === 'arg' ? args[p.name] : p.kind === 'context' ? context : info;
  return (root: unknown, args: Record<string, unknown>, context: unknown, info: unknown) =>
    method.apply(instance, params.map((p) => pick(p, root, args, context, info)));
}

/**
 * Replaces type-graphql's handler of each simple field resolver of `schema` by a direct call.
 * Call it on a schema built without global middlewares (buildAppSchema).
 */
export function callSimpleFieldResolversDirectly(schema: GraphQLSchema): number {
  const { fieldResolvers, objectTypes } = getMetadataStorage();
  const typeNames = new Map(objectTypes.map((t) => [t.target, t.name]));
  let replaced = 0;
  for (const metadata of fieldResolvers) {
    const type = schema.getType(typeNames.get(metadata.getObjectType?.() as Function) ?? '');
    if (!(type instanceof GraphQLObjectType)) continue;
    const field = type.getFields()[metadata.schemaName];
    const resolve = field && directResolver(metadata, field);
    if (field && resolve) {
      field.resolve = resolve as GraphQLField<unknown, unknown>['resolve'];
      replaced++;
    }
  }
  return replaced;
}
