/*
 * Resolvers that type-graphql would call through its generic machinery, called directly.
 * type-graphql wraps every @Query and @FieldResolver in a handler that sorts its parameters,
 * converts and validates each @Arg asynchronously (a promise per argument, even for an enum or a
 * date) and runs middlewares; a map asks `indicator(metric:, asOf:)` of every one of its 56
 * communes, and that machinery cost more than the indicator itself. Where it can do nothing (no
 * middleware, no @Authorized, arguments of scalar or enum types only: class-validator checks
 * objects only), the method is called straight with its root, arguments, context and info.
 * Anything else, and every mutation, keeps type-graphql's handler.
 */
import { getNamedType, type GraphQLField, GraphQLInputObjectType, GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';

type Storage = ReturnType<typeof getMetadataStorage>;
type ResolverMetadata = Storage['queries'][number] | Storage['fieldResolvers'][number];

const DIRECT_PARAMS = new Set(['root', 'arg', 'context', 'info']);

function isSimple(metadata: ResolverMetadata, field: GraphQLField<unknown, unknown>): boolean {
  const params = metadata.params ?? [];
  return !metadata.middlewares?.length && !metadata.roles
    && field.args.every((arg) => !(getNamedType(arg.type) instanceof GraphQLInputObjectType))
    && params.every((p) => DIRECT_PARAMS.has(p.kind)
      && (p.kind !== 'root' || (!p.getType && !p.propertyName))
      && (p.kind !== 'context' || !p.propertyName));
}

function directResolver(metadata: ResolverMetadata) {
  const params = [...(metadata.params ?? [])].sort((a, b) => a.index - b.index);
  // type-graphql's default container: one instance of each resolver class.
  const Target = metadata.target as new () => Record<string, (...args: unknown[]) => unknown>;
  const instance = new Target();
  const method = instance[metadata.methodName]!;
  // A loop, not a closure per call: this runs for every row of a map.
  return (root: unknown, args: Record<string, unknown>, context: unknown, info: unknown) => {
    const values = new Array<unknown>(params.length);
    for (let i = 0; i < params.length; i++) {
      const p = params[i]!;
      values[i] = p.kind === 'root' ? root : p.kind === 'arg' ? args[p.name] : p.kind === 'context' ? context : info;
    }
    return method.apply(instance, values);
  };
}

function replace(type: unknown, metadata: ResolverMetadata): boolean {
  if (!(type instanceof GraphQLObjectType)) return false;
  const field = type.getFields()[metadata.schemaName];
  if (!field || !isSimple(metadata, field)) return false;
  field.resolve = directResolver(metadata) as GraphQLField<unknown, unknown>['resolve'];
  return true;
}

/**
 * Replaces type-graphql's handler of each simple query and field resolver of `schema` by a direct
 * call; returns how many. Call it on a schema built without global middlewares (buildAppSchema).
 */
export function callSimpleResolversDirectly(schema: GraphQLSchema): number {
  const { queries, fieldResolvers, objectTypes } = getMetadataStorage();
  const typeNames = new Map(objectTypes.map((t) => [t.target, t.name]));
  let replaced = 0;
  for (const metadata of queries) if (replace(schema.getQueryType(), metadata)) replaced++;
  for (const metadata of fieldResolvers) {
    if (metadata.kind !== 'external') continue;
    if (replace(schema.getType(typeNames.get(metadata.getObjectType?.() as Function) ?? ''), metadata)) replaced++;
  }
  return replaced;
}
