import { type RunningServer, type ServerOptions, startServer } from '../../server/app';
import type { Db } from '../../server/db/client';

export interface GraphQLResponse<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export interface TestClient {
  query<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  /** The raw HTTP response of a GraphQL request (headers, status). */
  post(body: unknown, headers?: Record<string, string>): Promise<Response>;
  /** The session cookie this client sends (`name=value`), or null for an anonymous client. */
  cookie: string | null;
}

export interface TestServer extends RunningServer, TestClient {
  /** Signs in through the API and returns a client that sends the session cookie; throws when refused. */
  signIn(username: string, password: string): Promise<TestClient>;
  /** A client that sends the given cookie. */
  client(cookie: string | null): TestClient;
}

/** The `name=value` of a Set-Cookie header (attributes dropped). */
export const cookiePair = (setCookie: string | null) => setCookie?.split(';')[0] ?? null;

export async function startTestServer(db: Db, options: Partial<Omit<ServerOptions, 'db' | 'port'>> = {}): Promise<TestServer> {
  const running = await startServer({
    db, port: 0, loginLimits: { perAccountAndIp: 1000, perIpPerDay: 100_000, perAccountPerDay: 100_000, windowSeconds: 60, blockSeconds: 60 }, ...options,
  });
  const client = (cookie: string | null): TestClient => {
    const post = (body: unknown, headers: Record<string, string> = {}) => fetch(`${running.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}), ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return {
      cookie,
      post,
      async query(query, variables) {
        return (await post({ query, variables })).json();
      },
    };
  };
  const anonymous = client(null);
  return {
    ...running,
    ...anonymous,
    client,
    async signIn(username, password) {
      const response = await anonymous.post({
        query: 'mutation ($u: String!, $p: String!) { signIn(username: $u, password: $p) { username } }',
        variables: { u: username, p: password },
      });
      const body = (await response.json()) as GraphQLResponse<unknown>;
      const cookie = cookiePair(response.headers.get('set-cookie'));
      if (body.errors || !cookie) throw new Error(`sign-in as ${username} refused: ${JSON.stringify(body.errors)}`);
      return client(cookie);
    },
  };
}
