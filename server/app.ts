/** The HTTP server: GraphQL API, GeoJSON boundaries and the built SPA on one port. */
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import compression from 'compression';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import proxyaddr from 'proxy-addr';
import { onCommitElsewhere, onTransactionEnd } from './db/changes';
import type { Db } from './db/client';
import type { Context } from './graphql/context';
import { formatError } from './graphql/errors';
import { compiledGateway, stringifyResult } from './graphql/executor';
import { graphqlHttpHandler, isGraphqlPath } from './graphql/http-handler';
import { KnownQueries } from './graphql/known-queries';
import { armor, parseOptions } from './graphql/limits';
import { ResponseCache, type ResponseCacheOptions } from './graphql/response-cache';
import { buildAppSchema } from './graphql/schema';
import { apiSecurityHeaders, securityHeaders } from './http/security-headers';
import { readSessionToken } from './modules/access/cookie';
import { DEFAULT_LOGIN_LIMITS, LoginLimiter, type LoginLimitOptions } from './modules/access/login-limits';
import { dummyHash } from './modules/access/passwords';
import { viewerFromSession } from './modules/access/service';
import { geoEndpoint, isGeoPath } from './modules/areas/geo-endpoint';
import { awardsRouter } from './modules/awards/routes';

export const webDist = fileURLToPath(new URL('../web/dist', import.meta.url));
export const explorerDist = fileURLToPath(new URL('../web/dist-explorer', import.meta.url));

const BUILDING_PAGE = `<!doctype html><html lang="vi"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><meta http-equiv="refresh" content="2">
<title>Thi đua số — đang khởi động</title></head>
<body style="font-family: system-ui, sans-serif; margin: 3rem auto; max-width: 36rem; padding: 0 1rem; color: #1f2933">
<h1 style="font-size: 1.4rem">Thi đua số đang khởi động…</h1>
<p>Giao diện web đang được build (chỉ lần chạy đầu tiên, khoảng mười giây). Trang sẽ tự tải lại.</p>
<p style="color: #52606d">Nếu trang này không tự mở sau một phút, chạy <code>npm run build:web</code>.</p></body></html>`;

export interface ServerOptions {
  /**
   * The database, or its promise: a first start serves at once (503 STARTING_UP from the data
   * routes, the SPA's files) while the database is created and seeded elsewhere.
   */
  db: Db | Promise<Db>;
  port: number;
  production?: boolean;
  /** Express "trust proxy": set it when a reverse proxy sets X-Forwarded-For, so req.ip is the client. */
  trustProxy?: boolean | number | string;
  loginLimits?: LoginLimitOptions;
  /** Cache of public read responses, invalidated by every transaction and mutation (false: off). */
  responseCache?: boolean | ResponseCacheOptions;
  /** Queries compiled by graphql-jit (server/graphql/executor.ts); false: everything on graphql-js. */
  compiledQueries?: boolean;
  /** While it returns a message, data routes answer 503 with it (first start, demo data loading). */
  startingUp?: () => string | null;
  /** The site's public address for certificates' verification links (config PUBLIC_BASE_URL); default http://localhost:<port>. */
  publicBaseUrl?: string;
}

export interface RunningServer {
  url: string;
  server: Server;
  /** The response cache, when on (hit and miss counters). */
  cache: ResponseCache | null;
  close(): Promise<void>;
}

export async function startServer({
  db: database, port, production = false, trustProxy = false, loginLimits = DEFAULT_LOGIN_LIMITS, responseCache = true,
  compiledQueries = true, startingUp = () => null, publicBaseUrl = `http://localhost:${port}`,
}: ServerOptions): Promise<RunningServer> {
  const cache = responseCache ? new ResponseCache(responseCache === true ? {} : responseCache) : null;
  let stopInvalidating = async () => {};
  const app = express();
  // GraphQL and GeoJSON are served on plain node:http (server/http/read-endpoint.ts), the rest by Express.
  type Endpoint = (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  let graphql: Endpoint | null = null;
  let geo: Endpoint | null = null;
  const httpServer = createServer((req, res) => {
    const endpoint = isGraphqlPath(req.url) ? graphql : isGeoPath(req.url) ? geo : null;
    if (endpoint) void endpoint(req, res);
    else app(req, res);
  });
  const limits = armor();
  const schema = await buildAppSchema();
  const knownQueries = compiledQueries ? new KnownQueries() : null;
  const apollo = new ApolloServer<Context>({
    ...(compiledQueries ? { gateway: compiledGateway(schema, knownQueries), stringifyResult } : { schema }),
    introspection: !production,
    includeStacktraceInErrorResponses: false,
    formatError,
    // Apollo's CSRF prevention stays on (the default): a request must be JSON or carry a custom header.
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    validationRules: limits.validationRules,
    parseOptions,
    // No cache-control hints are used (our response cache decides what is public), and the default
    // cache-control plugin wraps every field resolver: a measurable share of a leaderboard's CPU.
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(), ...limits.plugins],
  });
  await apollo.start();
  const loginLimiter = new LoginLimiter(loginLimits);
  // Computed once now, so even the first sign-in with an unknown username costs one verification only.
  await dummyHash();

  app.disable('x-powered-by');
  app.set('trust proxy', trustProxy);
  if (!production) {
    // The offline explorer (development only) is a self-contained page with its own inline code.
    app.use('/explorer', helmet({ contentSecurityPolicy: false }), express.static(explorerDist, { index: 'explorer.html' }),
      (_req: Request, res: Response) => void res.status(503).type('text').send(
        'Trình khám phá GraphQL đang được build (lần đầu mất vài phút), hoặc chưa build: "npm run build:explorer".'));
  }
  app.use(securityHeaders(production));
  app.use(compression());
  app.get('/healthz', (_req, res) => void res.json({ ok: startingUp() === null }));
  app.use('/api', (_req: Request, res: Response, next: NextFunction) => {
    const message = startingUp();
    if (message === null) return next();
    res.status(503).set('Retry-After', '2').json({ errors: [{ message: `${message}…`, extensions: { code: 'STARTING_UP' } }] });
  });
  // The routes that read the database, mounted once it is open (until then startingUp() answers).
  const dataRoutes = (db: Db) => {
    const router = express.Router();
    router.use('/api/awards', async (req, res, next) => {
      try {
        const token = readSessionToken(req.headers.cookie);
        res.locals.viewer = token ? await viewerFromSession(db, token, req.ip ?? null) : null;
        next();
      } catch (error) {
        next(error);
      }
    }, awardsRouter(db, (req) => req.res?.locals.viewer ?? null, publicBaseUrl));
    return router;
  };
  let routes: express.Router | null = null;
  let openDb: Db | null = null;
  const mount = async (db: Db) => {
    if (cache) {
      const stopLocal = onTransactionEnd(db, () => cache.invalidate());
      const stopElsewhere = await onCommitElsewhere(db, () => cache.invalidate());
      stopInvalidating = async () => {
        stopLocal();
        await stopElsewhere();
      };
    }
    routes = dataRoutes(db);
    openDb = db;
  };
  const trust = app.get('trust proxy fn') as Parameters<typeof proxyaddr>[1];
  const frame = { headers: apiSecurityHeaders(production), startingUp, database: () => openDb };
  graphql = graphqlHttpHandler({ ...frame, apollo, production, cache, known: knownQueries, loginLimiter, clientIp: (req) => proxyaddr(req, trust) ?? null });
  geo = geoEndpoint(frame, cache);
  if (database instanceof Promise) database.then(mount, () => {});
  else await mount(database);
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (routes) return routes(req, res, next);
    if (!/^\/api(\/|$)/.test(req.path)) return next();
    res.status(503).set('Retry-After', '2').json({ errors: [{ message: 'Đang khởi động…', extensions: { code: 'STARTING_UP' } }] });
  });
  app.use(express.static(webDist, { index: false, maxAge: '1h' }));
  app.get('/{*path}', (_req, res) => {
    if (existsSync(`${webDist}/index.html`)) res.sendFile('index.html', { root: webDist });
    // First start: `npm start` is building the web app; the page reloads itself until it is there.
    else res.status(503).set('Retry-After', '2').type('html').send(BUILDING_PAGE);
  });

  await new Promise<void>((resolve) => httpServer.listen(port, resolve));
  const { port: actualPort } = httpServer.address() as AddressInfo;
  return {
    url: `http://localhost:${actualPort}`,
    server: httpServer,
    cache,
    close: async () => {
      await stopInvalidating();
      await apollo.stop();
    },
  };
}
