/*
 * How Apollo executes operations. Queries run compiled by graphql-jit, once per document: a map or
 * a leaderboard asks the same fields (and the same literal arguments) of every row, which
 * graphql-js re-reads and re-coerces row by row. The rest runs on graphql-js as before:
 * mutations and subscriptions (writes stay on the reference implementation), introspection, and
 * queries with input-object arguments (graphql-jit's known differences are in input-object
 * defaults and missing fields). A bad variable gets graphql-js's error either way.
 *
 * Plugged in through Apollo's gateway interface, its documented way to bring an executor.
 */
import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import {
  type DocumentNode, execute, type ExecutionResult, type FormattedExecutionResult, getNamedType, getVariableValues, GraphQLError, GraphQLInputObjectType, type GraphQLSchema,
  type OperationDefinitionNode, printSchema, TypeInfo, typeFromAST, visit, visitWithTypeInfo, BREAK,
} from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';

/** Whether an operation may run compiled: a query without input objects and without introspection. */
export function isCompilable(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): boolean {
  if (operation.operation !== 'query') return false;
  let compilable = true;
  const typeInfo = new TypeInfo(schema);
  visit(document, visitWithTypeInfo(typeInfo, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') {
        compilable = false;
        return BREAK;
      }
      return undefined;
    },
    Argument() {
      const type = typeInfo.getArgument()?.type;
      if (!type || getNamedType(type) instanceof GraphQLInputObjectType) {
        compilable = false;
        return BREAK;
      }
      return undefined;
    },
    VariableDefinition(node) {
      const type = typeFromAST(schema, node.type);
      if (!type || getNamedType(type) instanceof GraphQLInputObjectType) {
        compilable = false;
        return BREAK;
      }
      return undefined;
    },
  }));
  return compilable;
}

/**
 * graphql-jit's errors are frozen look-alikes of GraphQLError: made real ones here, so Apollo's
 * plugins (GraphQL Armor rewrites messages) and error formatting treat them as graphql-js's.
 */
function asGraphQLError(error: GraphQLError): GraphQLError {
  const { message, path, originalError, extensions, locations } = error;
  return Object.assign(new GraphQLError(message, { path, originalError, extensions }), { locations });
}

/** How a compiled query writes its answer: a JSON serializer made for its shape (fast-json-stringify). */
const serializers = new WeakMap<object, (result: ExecutionResult) => string>();

/**
 * Apollo's `stringifyResult`: an answer of a compiled query without errors is written by its own
 * serializer (a map's answer in a third of JSON.stringify's time, byte for byte the same), the
 * rest by JSON.stringify; either way the bytes Apollo's default would send.
 */
export function stringifyResult(value: FormattedExecutionResult): string {
  const serialize = value.data && !value.errors && !value.extensions ? serializers.get(value.data) : undefined;
  return answerText(serialize ? serialize({ data: value.data }) : JSON.stringify(value));
}

/** An answer as Apollo writes it by default (its prettyJSONStringify): the JSON, then a newline. */
const answerText = (json: string) => `${json}\n`;

/**
 * The compiled form of an operation, or null when it runs on graphql-js. With its own JSON
 * serializer where graphql-jit can make one: not for answers holding a custom scalar (Date).
 */
export function compileOperation(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): CompiledQuery | null {
  if (!isCompilable(schema, document, operation)) return null;
  const name = operation.name?.value;
  const withSerializer = compileQuery(schema, document, name, { customJSONSerializer: true });
  if (isCompiledQuery(withSerializer)) return withSerializer;
  const plain = compileQuery(schema, document, name);
  return isCompiledQuery(plain) ? plain : null;
}

export function compiledExecutor(schema: GraphQLSchema): GatewayExecutor {
  // Apollo hands back the same DocumentNode for the same query (its document store), so compiled
  // queries live as long as Apollo keeps the document.
  const compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery | null>>();
  const compiledFor = (document: DocumentNode, operation: OperationDefinitionNode): CompiledQuery | null => {
    let byName = compiled.get(document);
    if (!byName) compiled.set(document, (byName = new Map()));
    const name = operation.name?.value ?? '';
    if (!byName.has(name)) byName.set(name, compileOperation(schema, document, operation));
    return byName.get(name)!;
  };

  return async ({ document, operation, request, context }) => {
    const query = operation ? compiledFor(document, operation) : null;
    if (!query) {
      return execute({ schema, document, contextValue: context, variableValues: request.variables, operationName: request.operationName });
    }
    const result = (await query.query(undefined, context, request.variables ?? {})) as ExecutionResult;
    if (!result.errors) {
      // Without a serializer of its own, graphql-jit's stringify is JSON.stringify: nothing to gain.
      if (result.data && query.stringify !== JSON.stringify) serializers.set(result.data, query.stringify);
      return result;
    }
    // No data at all: graphql-jit refused the variables. graphql-js's words for it, as elsewhere.
    if (result.data === undefined) {
      const variables = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {});
      if (variables.errors) return { errors: variables.errors };
    }
    return { ...result, errors: result.errors.map(asGraphQLError) };
  };
}

/** The executor as an Apollo gateway serving this one schema (no federation involved). */
export function compiledGateway(schema: GraphQLSchema): GatewayInterface {
  const executor = compiledExecutor(schema);
  return {
    load: async () => ({ executor }),
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return () => {};
    },
    stop: async () => {},
  };
}
