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
import { type Db, onTransactionEnd } from './db/client';
import { createContext, type Context } from './graphql/context';
import { formatError } from './graphql/errors';
import { armor } from './graphql/limits';
import { graphqlResponseCache, ResponseCache, type ResponseCacheOptions, urlResponseCache } from './graphql/response-cache';
import { buildAppSchema } from './graphql/schema';
import { clearedSessionCookie, readSessionToken, sessionCookie, type SessionCookieControl } from './modules/access/cookie';
import { DEFAULT_LOGIN_LIMITS, LoginLimiter, type LoginLimitOptions } from './modules/access/login-limits';
import { dummyHash } from './modules/access/passwords';
import { viewerFromSession } from './modules/access/service';
import { geoRouter } from './modules/areas/geo-route';
import { awardsRouter } from './modules/awards/routes';
import { todayInVietnam } from './modules/indicators/periods';

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
  /** While it returns a message, data routes answer 503 with it (first start, demo data loading). */
  startingUp?: () => string | null;
}

export interface RunningServer {
  url: string;
  server: Server;
  /** The response cache, when on (hit and miss counters). */
  cache: ResponseCache | null;
  close(): Promise<void>;
}

/** The session cookie of one request, for the resolvers that sign in and out. */
function cookieControl(req: Request, res: Response, secure: boolean): SessionCookieControl {
  return {
    token: readSessionToken(req.headers.cookie),
    set: (token, expiresAt) => void res.append('Set-Cookie', sessionCookie(token, expiresAt, secure)),
    clear: () => void res.append('Set-Cookie', clearedSessionCookie(secure)),
  };
}

/*
 * Security headers (helmet) for everything served. The CSP allows the SPA's own scripts and
 * styles, inline styles (Leaflet positions its tiles and markers with style attributes), and
 * images from data: and blob: URLs (Leaflet icons, exported charts).
 */
const securityHeaders = (production: boolean) => helmet({
  contentSecurityPolicy: {
    useDefaults: true,
    directives: {
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'style-src': ["'self'", "'unsafe-inline'"],
      'img-src': ["'self'", 'data:', 'blob:'],
      'connect-src': ["'self'"],
      'object-src': ["'none'"],
      'frame-ancestors': ["'none'"],
      'upgrade-insecure-requests': production ? [] : null,
    },
  },
  // HSTS only means something over HTTPS, i.e. in production behind TLS.
  strictTransportSecurity: production ? { maxAge: 31_536_000, includeSubDomains: true } : false,
});

/** Body too large or not JSON: a GraphQL-shaped error in Vietnamese rather than Express's HTML page. */
function bodyErrors(error: { status?: number; type?: string }, _req: Request, res: Response, next: NextFunction) {
  if (!error || typeof error.status !== 'number') return next(error);
  const tooLarge = error.type === 'entity.too.large';
  res.status(error.status).json({ errors: [{
    message: tooLarge ? 'Yêu cầu quá lớn (tối đa 100 KB).' : 'Yêu cầu không hợp lệ: nội dung phải là JSON.',
    extensions: { code: tooLarge ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST' },
  }] });
}

export async function startServer({
  db: database, port, production = false, trustProxy = false, loginLimits = DEFAULT_LOGIN_LIMITS, responseCache = true,
  startingUp = () => null,
}: ServerOptions): Promise<RunningServer> {
  const cache = responseCache ? new ResponseCache(responseCache === true ? {} : responseCache) : null;
  let stopInvalidating = () => {};
  const cached = (handler: (c: ResponseCache) => express.RequestHandler): express.RequestHandler =>
    cache ? handler(cache) : (_req, _res, next) => next();
  const app = express();
  const httpServer = createServer(app);
  const limits = armor();
  const apollo = new ApolloServer<Context>({
    schema: await buildAppSchema(),
    introspection: !production,
    includeStacktraceInErrorResponses: false,
    formatError,
    // Apollo's CSRF prevention stays on (the default): a request must be JSON or carry a custom header.
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    validationRules: limits.validationRules,
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
  app.use(['/graphql', '/api'], (_req: Request, res: Response, next: NextFunction) => {
    const message = startingUp();
    if (message === null) return next();
    res.status(503).set('Retry-After', '2').json({ errors: [{ message: `${message}…`, extensions: { code: 'STARTING_UP' } }] });
  });
  // The routes that read the database, mounted once it is open (until then startingUp() answers).
  const dataRoutes = (db: Db) => {
    const router = express.Router();
    router.use('/api/geo', cached(urlResponseCache), geoRouter(db));
    router.use('/api/awards', async (req, res, next) => {
      try {
        const token = readSessionToken(req.headers.cookie);
        res.locals.viewer = token ? await viewerFromSession(db, token, req.ip ?? null) : null;
        next();
      } catch (error) {
        next(error);
      }
    }, awardsRouter(db, (req) => req.res?.locals.viewer ?? null));
    router.use(
      '/graphql',
      express.json({ limit: '100kb' }),
      cached((c) => graphqlResponseCache(c, todayInVietnam)),
      expressMiddleware(apollo, {
        context: async ({ req, res }) => {
          const ip = req.ip ?? req.socket.remoteAddress ?? null;
          const session = cookieControl(req, res, production);
          const viewer = session.token ? await viewerFromSession(db, session.token, ip) : null;
          return createContext(db, viewer, { ip, session, loginLimiter });
        },
      }),
    );
    router.use('/graphql', bodyErrors);
    return router;
  };
  let routes: express.Router | null = null;
  const mount = (db: Db) => {
    if (cache) stopInvalidating = onTransactionEnd(db, () => cache.invalidate());
    routes = dataRoutes(db);
  };
  if (database instanceof Promise) database.then(mount, () => {});
  else mount(database);
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (routes) return routes(req, res, next);
    if (!/^\/(graphql|api)(\/|$)/.test(req.path)) return next();
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
      stopInvalidating();
      await apollo.stop();
    },
  };
}
