/*
 * GET and POST /graphql on plain node:http (server/http/read-endpoint.ts), straight into Apollo's
 * executeHTTPGraphQLRequest: the interface Apollo's own integrations are built on.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type ApolloServer, HeaderMap, type HTTPGraphQLResponse } from '@apollo/server';
import type { Db } from '../db/client';
import { rethrowIfDatabaseUnavailable } from '../errors';
import { readJsonBody } from '../http/json-body';
import { type EndpointFrame, readEndpoint } from '../http/read-endpoint';
import { clearedSessionCookie, readSessionToken, sessionCookie, type SessionCookieControl } from '../modules/access/cookie';
import type { LoginLimiter } from '../modules/access/login-limits';
import { viewerFromSession } from '../modules/access/service';
import { todayInVietnam } from '../dates';
import { type Context, createContext } from './context';
import { answerKnownQuery, KNOWN_QUERY_CONTENT_TYPE, type KnownQueries } from './known-queries';
import { type GraphqlCachePlan, planGraphqlRequest, type ResponseCache } from './response-cache';

export interface GraphqlHttpOptions extends EndpointFrame {
  apollo: ApolloServer<Context>;
  production: boolean;
  /** The client's address as Express computes it under the "trust proxy" setting. */
  clientIp: (req: IncomingMessage) => string | null;
  loginLimiter: LoginLimiter;
  cache: ResponseCache | null;
  /** Queries that may skip Apollo's pipeline when repeated (null: every request goes through Apollo). */
  known: KnownQueries | null;
}

export const isGraphqlPath = (url: string | undefined) => url === '/graphql' || url?.startsWith('/graphql?') === true;

/** The session cookie of one request, for the resolvers that sign in and out (a class: no closures per request). */
class RequestCookie implements SessionCookieControl {
  readonly token: string | null;
  constructor(req: IncomingMessage, private readonly res: ServerResponse, private readonly secure: boolean) {
    this.token = readSessionToken(req.headers.cookie);
  }
  set(token: string, expiresAt: Date) {
    this.res.appendHeader('Set-Cookie', sessionCookie(token, expiresAt, this.secure));
  }
  clear() {
    this.res.appendHeader('Set-Cookie', clearedSessionCookie(this.secure));
  }
}

function requestHeaders(req: IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

async function writeResponse(res: ServerResponse, response: HTTPGraphQLResponse): Promise<string | null> {
  for (const [name, value] of response.headers) res.setHeader(name, value);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === 'complete') {
    res.end(response.body.string);
    return response.body.string;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
  return null;
}

export function graphqlHttpHandler(options: GraphqlHttpOptions) {
  const { apollo, cache, known, production } = options;

  async function answer(req: IncomingMessage, res: ServerResponse, db: Db) {
    const body = req.method === 'POST' ? await readJsonBody(req) : undefined;
    const plan: GraphqlCachePlan = cache && req.method === 'POST'
      ? planGraphqlRequest(cache, body, req.headers, todayInVietnam()) : { invalidateAfter: false };
    if (plan.hit) {
      res.setHeader('X-Cache', 'HIT');
      res.setHeader('content-type', plan.hit.contentType);
      res.end(plan.hit.body);
      return;
    }
    if (plan.pending) res.setHeader('X-Cache', 'MISS');
    const context = async () => {
      const session = new RequestCookie(req, res, production);
      // Apollo answers a failed context with the error's own status: 503 when the database is unreachable.
      const viewer = session.token ? await viewerFromSession(db, session.token, options.clientIp(req)).catch(rethrowIfDatabaseUnavailable) : null;
      return createContext(db, viewer, { ip: () => options.clientIp(req), session, loginLimiter: options.loginLimiter });
    };
    const compiled = known?.find(body, req.headers);
    const answered = compiled ? await answerKnownQuery(compiled, body, await context()) : null;
    let sent: string | null;
    if (answered !== null) {
      res.setHeader('content-type', KNOWN_QUERY_CONTENT_TYPE);
      res.end(answered);
      sent = answered;
    } else {
      const queryAt = req.url!.indexOf('?');
      const response = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method!.toUpperCase(), headers: requestHeaders(req), search: queryAt < 0 ? '' : req.url!.slice(queryAt), body },
        context,
      });
      sent = await writeResponse(res, response);
    }
    if (plan.pending && sent !== null && res.statusCode === 200) {
      cache!.store(plan.pending, { body: sent, contentType: String(res.getHeader('content-type') ?? '') });
    }
    if (plan.invalidateAfter) cache!.invalidate();
  }

  return readEndpoint(options, answer);
}
