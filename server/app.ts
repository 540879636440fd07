/** The HTTP server: GraphQL API, GeoJSON boundaries and the built SPA on one port. */
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import compression from 'compression';
import express from 'express';
import { type Db, onTransactionEnd } from './db/client';
import { createContext, type Context } from './graphql/context';
import { formatError } from './graphql/errors';
import { graphqlResponseCache, ResponseCache, type ResponseCacheOptions, urlResponseCache } from './graphql/response-cache';
import { buildAppSchema } from './graphql/schema';
import { geoRouter } from './modules/areas/geo-route';
import { todayInVietnam } from './modules/indicators/periods';

export const webDist = fileURLToPath(new URL('../web/dist', import.meta.url));

export interface ServerOptions {
  db: Db;
  port: number;
  production?: boolean;
  /** Cache of public read responses, invalidated by every transaction and mutation (false: off). */
  responseCache?: boolean | ResponseCacheOptions;
}

export interface RunningServer {
  url: string;
  server: Server;
  /** The response cache, when on (hit and miss counters). */
  cache: ResponseCache | null;
  close(): Promise<void>;
}

export async function startServer({ db, port, production = false, responseCache = true }: ServerOptions): Promise<RunningServer> {
  const cache = responseCache ? new ResponseCache(responseCache === true ? {} : responseCache) : null;
  const stopInvalidating = cache ? onTransactionEnd(db, () => cache.invalidate()) : () => {};
  const cached = (handler: (c: ResponseCache) => express.RequestHandler): express.RequestHandler =>
    cache ? handler(cache) : (_req, _res, next) => next();
  const app = express();
  const httpServer = createServer(app);
  const apollo = new ApolloServer<Context>({
    schema: await buildAppSchema(),
    introspection: !production,
    includeStacktraceInErrorResponses: false,
    formatError,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginLandingPageDisabled()],
  });
  await apollo.start();

  app.disable('x-powered-by');
  app.use(compression());
  app.get('/healthz', (_req, res) => void res.json({ ok: true }));
  app.use('/api/geo', cached(urlResponseCache), geoRouter(db));
  app.use(
    '/graphql',
    express.json({ limit: '100kb' }),
    cached((c) => graphqlResponseCache(c, todayInVietnam)),
    expressMiddleware(apollo, { context: async () => createContext(db) }),
  );
  if (!production) {
    app.get('/explorer', (_req, res) => res.sendFile('explorer.html', { root: webDist }));
  }
  app.use(express.static(webDist, { index: false, maxAge: '1h' }));
  app.get('/{*path}', (_req, res) => {
    if (existsSync(`${webDist}/index.html`)) res.sendFile('index.html', { root: webDist });
    else res.status(503).type('text').send('Giao diện web chưa được build: chạy "npm run build:web".');
  });

  await new Promise<void>((resolve) => httpServer.listen(port, resolve));
  const { port: actualPort } = httpServer.address() as AddressInfo;
  return {
    url: `http://localhost:${actualPort}`,
    server: httpServer,
    cache,
    close: async () => {
      stopInvalidating();
      await apollo.stop();
    },
  };
}
