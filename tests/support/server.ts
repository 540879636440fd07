import { type RunningServer, startServer } from '../../server/app';
import type { Db } from '../../server/db/client';

export interface GraphQLResponse<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export interface TestServer extends RunningServer {
  query<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
}

export async function startTestServer(db: Db): Promise<TestServer> {
  const running = await startServer({ db, port: 0 });
  return {
    ...running,
    async query(query, variables) {
      const response = await fetch(`${running.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return response.json();
    },
  };
}
