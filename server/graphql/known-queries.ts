/*
 * Queries Apollo has already parsed, validated (with our limits) and run compiled without errors,
 * by operation name and query text. An anonymous POST that repeats one is executed from its
 * compiled form directly (server/graphql/http-handler.ts): Apollo's request pipeline costs about
 * 65 µs of CPU per request, more than the SQL of a small public read such as an area's series
 * (docs/benchmarks.md). The response cache skips everything for a repeated anonymous read; this
 * skips only what cannot change between two requests of the same text (parsing, validation,
 * operation choice) and still executes against the current data.
 *
 * Everything else goes through Apollo: a text seen for the first time, a signed-in viewer, a GET,
 * a request with `extensions`, and any execution that ends with an error (Apollo runs it again and
 * words the error; anonymous queries write nothing, so running one twice changes nothing).
 * What Apollo checks per request still holds: a body is only read when it is sent as
 * application/json (server/http/json-body.ts), which no cross-site form can send without a CORS
 * preflight (Apollo's CSRF prevention asks no more of a POST); the limits on depth, cost, aliases and
 * tokens depend on the text alone and were checked when it was first seen. Someone filling the
 * table with texts of their own only sends later texts through Apollo, more slowly, not wrongly.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { ExecutionResult } from 'graphql';
import type { CompiledQuery } from 'graphql-jit';
import { answerText } from './executor';
import { tooLargeText } from './response-size';
import { isAnonymous } from './response-cache';

/** A body as sent by clients; only its GraphQL fields are read. */
interface RequestBody {
  query?: unknown;
  operationName?: unknown;
  variables?: unknown;
  extensions?: unknown;
}

const keyOf = (query: string, operationName: string | null | undefined) => `${operationName ?? ''}\n${query}`;

/** Apollo answers these `accept` values with `application/json; charset=utf-8`, as we do. */
const acceptsJson = (accept: string | undefined) => !accept || accept === '*/*' || accept === 'application/json';

export const KNOWN_QUERY_CONTENT_TYPE = 'application/json; charset=utf-8';

export class KnownQueries {
  private readonly byKey = new Map<string, CompiledQuery>();

  /** At most `limit` texts are remembered (the web app sends a few dozen); later ones stay on Apollo. */
  constructor(private readonly limit = 500) {}

  /** Called by the executor after a compiled query of this text ran without errors. */
  remember(query: string, operationName: string | null | undefined, compiled: CompiledQuery): void {
    if (this.byKey.size < this.limit) this.byKey.set(keyOf(query, operationName), compiled);
  }

  /** The compiled query for this request, when it may skip Apollo's pipeline. */
  find(body: unknown, headers: IncomingHttpHeaders): CompiledQuery | undefined {
    const request = body as RequestBody | undefined;
    if (!request || typeof request.query !== 'string' || request.extensions !== undefined) return undefined;
    // What Apollo would refuse with a 400 stays Apollo's to refuse.
    const { operationName, variables } = request;
    if (operationName != null && typeof operationName !== 'string') return undefined;
    if (variables != null && (typeof variables !== 'object' || Array.isArray(variables))) return undefined;
    if (!isAnonymous(headers) || !acceptsJson(headers.accept)) return undefined;
    return this.byKey.get(keyOf(request.query, operationName));
  }
}

/**
 * The answer of a known query as Apollo would write it (`{"data":…}` by the query's own serializer,
 * or RESPONSE_TOO_LARGE in its place), or null when it ended with errors and must go through Apollo.
 */
export async function answerKnownQuery(compiled: CompiledQuery, body: unknown, context: unknown): Promise<string | null> {
  const variables = (body as RequestBody).variables;
  const result = (await compiled.query(undefined, context, (variables ?? {}) as Record<string, unknown>)) as ExecutionResult;
  if (result.errors) return null;
  const text = answerText(compiled.stringify({ data: result.data }));
  return tooLargeText(text) ?? text;
}
