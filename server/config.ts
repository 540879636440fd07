/** Configuration from the environment, read in one place. */
export interface Config {
  port: number;
  databaseUrl?: string;
  pgliteDataDir: string;
  production: boolean;
  /** Seed the demo data into an empty database. */
  seedDemo: boolean;
  /** Express "trust proxy" (hops or subnets) when behind a reverse proxy; false otherwise. */
  trustProxy: boolean | number | string;
  /** Response cache of public reads: its budget (RESPONSE_CACHE_MB, default 64); RESPONSE_CACHE=off disables it. */
  responseCache: false | { maxBytes: number };
  /** PostgreSQL pool size (DATABASE_POOL_SIZE). */
  poolSize: number;
  /** statement_timeout of the serving processes' PostgreSQL sessions, ms (DATABASE_STATEMENT_TIMEOUT_MS; 0: none). */
  statementTimeoutMs: number;
  /** Queries compiled by graphql-jit (GRAPHQL_JIT=off runs everything on graphql-js). */
  compiledQueries: boolean;
  /** Processes serving the API (WORKERS, PostgreSQL only; server/cluster.ts). */
  workers: number;
  /** Largest answer of one GraphQL request in bytes (MAX_RESPONSE_BYTES, default 5 MB; server/graphql/response-size.ts). */
  maxResponseBytes: number;
  /**
   * The address the public reaches the site at (PUBLIC_BASE_URL, no trailing slash), printed and
   * QR-encoded on certificates for their verification page. Never taken from request headers.
   */
  publicBaseUrl: string;
}

/** PUBLIC_BASE_URL as given (an http or https address, without query or fragment), else http://localhost:<port>. */
export function publicBaseUrlOf(value: string | undefined, port: number): string {
  if (!value) return `http://localhost:${port}`;
  let url: URL | null = null;
  try {
    url = new URL(value);
  } catch {
    url = null;
  }
  if (!url || !['http:', 'https:'].includes(url.protocol) || url.search || url.hash || url.username || url.password) {
    throw new Error(`PUBLIC_BASE_URL không hợp lệ: "${value}" (cần địa chỉ http:// hoặc https://, ví dụ https://thiduaso.caobang.gov.vn).`);
  }
  return url.href.replace(/\/+$/, '');
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 4000);
  return {
    port,
    databaseUrl: env.DATABASE_URL || undefined,
    pgliteDataDir: env.PGLITE_DATA_DIR ?? '.data/pglite',
    production: env.NODE_ENV === 'production',
    seedDemo: env.SEED_DEMO !== 'false',
    trustProxy: !env.TRUST_PROXY ? false : /^\d+$/.test(env.TRUST_PROXY) ? Number(env.TRUST_PROXY) : env.TRUST_PROXY,
    responseCache: env.RESPONSE_CACHE === 'off' ? false
      : { maxBytes: Math.round((/^\d+(\.\d+)?$/.test(env.RESPONSE_CACHE_MB ?? '') ? Number(env.RESPONSE_CACHE_MB) : 64) * 1024 * 1024) },
    poolSize: Number(env.DATABASE_POOL_SIZE ?? 10),
    statementTimeoutMs: /^\d+$/.test(env.DATABASE_STATEMENT_TIMEOUT_MS ?? '') ? Number(env.DATABASE_STATEMENT_TIMEOUT_MS) : 15_000,
    compiledQueries: env.GRAPHQL_JIT !== 'off',
    workers: /^[1-9]\d*$/.test(env.WORKERS ?? '') ? Number(env.WORKERS) : 1,
    maxResponseBytes: /^[1-9]\d*$/.test(env.MAX_RESPONSE_BYTES ?? '') ? Number(env.MAX_RESPONSE_BYTES) : 5 * 1024 * 1024,
    publicBaseUrl: publicBaseUrlOf(env.PUBLIC_BASE_URL, port),
  };
}
