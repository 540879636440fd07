/** The HTTP server: GraphQL API, GeoJSON boundaries and the built SPA on one port. */
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import compression from 'compression';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import type { Db } from './db/client';
import { rethrowIfDatabaseUnavailable } from './errors';
import { tagReads } from './graphql/cache-tags';
import { type Context, createContext } from './graphql/context';
import { databaseUnavailablePlugin, formatError } from './graphql/errors';
import { compiledGateway, stringifyResult } from './graphql/executor';
import { armor, parseOptions } from './graphql/limits';
import { cachingStringifyResult, ResponseCache, type ResponseCacheOptions, responseCachePlugin } from './graphql/response-cache';
import { responseSizeLimit } from './graphql/response-size';
import { buildAppSchema } from './graphql/schema';
import { apiErrors, apiHeaders, apiNotFound, jsonBody, startingUpGate } from './http/api';
import { apiSecurityHeaders, securityHeaders } from './http/security-headers';
import { clearedSessionCookie, readSessionToken, sessionCookie } from './modules/access/cookie';
import { DEFAULT_LOGIN_LIMITS, LoginLimiter, type LoginLimitOptions } from './modules/access/login-limits';
import { dummyHash } from './modules/access/passwords';
import { viewerFromSession } from './modules/access/service';
import { geoEndpoint } from './modules/areas/geo-endpoint';
import { awardsRouter } from './modules/awards/routes';
import { onChange } from './modules/changes/service';

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
  /**
   * Cache of public read responses (server/graphql/response-cache.ts), invalidated by the change
   * events of committed writes (false: off).
   */
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
  const httpServer = createServer(app);
  const limits = armor();
  const schema = tagReads(await buildAppSchema());
  const stringify = compiledQueries ? stringifyResult : (value: unknown) => `${JSON.stringify(value)}\n`;
  const apollo = new ApolloServer<Context>({
    ...(compiledQueries ? { gateway: compiledGateway(schema) } : { schema }),
    stringifyResult: cache ? cachingStringifyResult(stringify) : stringify,
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
      ApolloServerPluginCacheControlDisabled(), databaseUnavailablePlugin, ...limits.plugins, responseSizeLimit(),
      ...(cache ? [responseCachePlugin(cache)] : [])],
  });
  await apollo.start();
  const loginLimiter = new LoginLimiter(loginLimits, database);
  // Computed once now, so even the first sign-in with an unknown username costs one verification only.
  await dummyHash();

  let openDb: Db | null = null;
  let awards: express.Router | null = null;
  // The routes that read the database, once it is open (until then the starting-up gate answers).
  const mount = async (db: Db) => {
    if (cache) stopInvalidating = await onChange(db, (changes) => cache.invalidate(changes));
    awards = awardsRouter(db, (req) => req.res?.locals.viewer ?? null, publicBaseUrl);
    openDb = db;
  };
  const db = () => openDb!;

  app.disable('x-powered-by');
  // Answers are not hashed for an ETag: API answers are no-store, the SPA's files have their own.
  app.set('etag', false);
  app.set('trust proxy', trustProxy);

  // The API: its own security headers (no document policy), compression, 503 while starting up.
  const compress = compression();
  const api = [
    apiHeaders(apiSecurityHeaders(production)),
    // Only a client that accepts compression gets it; for the others the middleware would only add work.
    (req: Request, res: Response, next: NextFunction) => (req.headers['accept-encoding'] ? compress(req, res, next) : next()),
    startingUpGate(startingUp, () => openDb !== null),
  ];
  app.use('/graphql', ...api, ...jsonBody(), expressMiddleware(apollo, {
    context: async ({ req, res }) => {
      const token = readSessionToken(req.headers.cookie);
      // The database unreachable while reading the session: the same clean 503 as a resolver's.
      const viewer = token ? await viewerFromSession(db(), token, req.ip ?? null).catch(rethrowIfDatabaseUnavailable) : null;
      return createContext(db(), viewer, {
        ip: req.ip ?? null,
        loginLimiter,
        anonymous: viewer === null && !req.headers.authorization,
        session: {
          token,
          set: (value, expiresAt) => void res.append('Set-Cookie', sessionCookie(value, expiresAt, production)),
          clear: () => void res.append('Set-Cookie', clearedSessionCookie(production)),
        },
      });
    },
  }), apiErrors);
  app.use('/api/geo', ...api, geoEndpoint(db, cache, (req) => !readSessionToken(req.headers.cookie) && !req.headers.authorization), apiErrors);

  if (!production) {
    // The offline explorer (development only) is a self-contained page with its own inline code.
    app.use('/explorer', helmet({ contentSecurityPolicy: false }), express.static(explorerDist, { index: 'explorer.html' }),
      (_req: Request, res: Response) => void res.status(503).type('text').send(
        'Trình khám phá GraphQL đang được build (lần đầu mất vài phút), hoặc chưa build: "npm run build:explorer".'));
  }
  app.use(securityHeaders(production));
  app.use(compression());
  app.get('/healthz', (_req, res) => void res.json({ ok: startingUp() === null }));
  app.use('/api', startingUpGate(startingUp, () => openDb !== null));
  app.use('/api/awards', async (req, res, next) => {
    try {
      const token = readSessionToken(req.headers.cookie);
      res.locals.viewer = token ? await viewerFromSession(db(), token, req.ip ?? null) : null;
      next();
    } catch (error) {
      next(error);
    }
  }, (req, res, next) => awards!(req, res, next));
  app.use('/api/awards', apiErrors);
  app.use('/api', apiNotFound);

  if (database instanceof Promise) database.then(mount, () => {});
  else await mount(database);
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
