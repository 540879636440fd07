/** `npm start`: open the database, migrate, seed an empty one, build the web app if needed, serve. */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { setPriority } from 'node:os';
import { fileURLToPath } from 'node:url';
import { isClusterWorker, runWorkers } from './cluster';
import { type Config, readConfig } from './config';
import { prepareDatabase } from './setup';

// Paths of app.ts, known here without importing it: main starts the database's worker and the web
// build before it imports the HTTP server (Apollo, type-graphql, every module: seconds of work).
const webDist = fileURLToPath(new URL('../web/dist', import.meta.url));
const explorerDist = fileURLToPath(new URL('../web/dist-explorer', import.meta.url));

const log = (message: string) => process.stdout.write(`[thi-dua-so] ${message}\n`);

function viteBuild(env: NodeJS.ProcessEnv = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
      stdio: 'inherit',
      env: { ...process.env, ...env },
    });
    // Below the database's worker: on a first start both run at once, and the data comes first
    // (the build's bundler threads would otherwise take CPU from the seed on a two-core machine).
    try { if (child.pid) setPriority(child.pid, 10); } catch { /* not permitted: build at normal priority */ }
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`vite build exited with ${code}`))));
  });
}

function buildWebIfMissing(): Promise<void> {
  if (existsSync(`${webDist}/index.html`)) return Promise.resolve();
  log('Đang build giao diện web (lần đầu)…');
  return viteBuild();
}

/** The explorer takes minutes to bundle: built in the background once the app is serving. */
function buildExplorerInBackground() {
  if (existsSync(`${explorerDist}/explorer.html`)) return;
  log('Đang build trình khám phá GraphQL ở chế độ nền (vài phút)…');
  viteBuild({ EXPLORER: '1' }).then(
    () => log('Trình khám phá GraphQL đã sẵn sàng.'),
    (error) => log(`Không build được trình khám phá GraphQL: ${error.message}`),
  );
}

// Counted from the process's start, so that importing the server is in the figures too.
const seconds = () => process.uptime().toFixed(1);

function onShutdown(stop: () => Promise<void>) {
  const shutdown = async () => {
    await stop();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

/**
 * An uncaught exception ends the process (Node's default, kept: after one, the process's state is
 * unknown). Logged first with the process's id; in a worker the primary then replaces it
 * (server/cluster.ts). The single PGlite process has no primary: whatever started it (systemd,
 * a container's restart policy) restarts it.
 */
function logUncaught(role: string) {
  process.on('uncaughtExceptionMonitor', (error, origin) => {
    log(`${role} ${process.pid}: lỗi không được xử lý (${origin}), tiến trình dừng: ${error?.stack ?? error}`);
  });
}

/** What the server takes from the configuration, the same in one process or in each of WORKERS. */
const serverOptions = ({ port, production, trustProxy, responseCache, compiledQueries, publicBaseUrl }: Config) =>
  ({ port, production, trustProxy, responseCache, compiledQueries, publicBaseUrl });

/** One of the WORKERS processes: the primary has prepared the database. */
async function serveAsWorker(config: Config) {
  const { openDatabase } = await import('./db/client');
  const { startServer } = await import('./app');
  logUncaught('Tiến trình phục vụ');
  const database = await openDatabase({ url: config.databaseUrl, maxConnections: config.poolSize, statementTimeoutMs: config.statementTimeoutMs });
  const server = await startServer({ db: database.db, ...serverOptions(config) });
  onShutdown(async () => {
    await server.close();
    await database.close();
  });
}

/** PostgreSQL: prepare the database here, then fork the WORKERS processes that serve (1 by default). */
async function serveWithWorkers(config: Config) {
  const web = buildWebIfMissing();
  log('Kết nối PostgreSQL (DATABASE_URL)…');
  const { database, seeded } = await prepareDatabase(config, (name, done, total) => log(`${name}: ${done}/${total} (${seconds()} giây)`));
  await database.close();
  if (seeded) log('Đã nạp dữ liệu mẫu tỉnh Cao Bằng.');
  await web.catch((error: Error) => log(`Không build được giao diện web: ${error.message}`));
  const workers = await runWorkers(config.workers, log);
  log(`Đang phục vụ bằng ${config.workers} tiến trình sau ${seconds()} giây: http://localhost:${config.port}`);
  logUncaught('Tiến trình chính');
  onShutdown(() => workers.stop());
}

async function main() {
  const config = readConfig();
  if (isClusterWorker) return serveAsWorker(config);
  // PostgreSQL: a primary that replaces a worker that dies, even with one worker.
  if (config.databaseUrl) return serveWithWorkers(config);
  if (config.workers > 1) log('WORKERS > 1 cần DATABASE_URL (CSDL nhúng chỉ mở được trong một tiến trình): chạy một tiến trình.');
  logUncaught('Tiến trình');
  const web = buildWebIfMissing();
  log(`Mở CSDL nhúng PGlite tại ${config.pgliteDataDir}…`);
  // Serves at once: until the database is open (and, on a first start, the demo data is in) the
  // API answers 503 with the current step, and the web app waits and retries.
  let step: string | null = 'Đang mở cơ sở dữ liệu';
  const prepared = prepareDatabase(config, (name, done, total) => {
    step = `Đang nạp dữ liệu mẫu: ${name} (${done}/${total})`;
    log(`${name}: ${done}/${total} (${seconds()} giây)`);
  });
  const { startServer } = await import('./app');
  const server = await startServer({ db: prepared.then((p) => p.database.db), ...serverOptions(config), startingUp: () => step });
  log(`Đang phục vụ sau ${seconds()} giây: ${server.url}`);
  const { database, seeded } = await prepared;
  step = null;
  log(seeded ? `Đã nạp dữ liệu mẫu tỉnh Cao Bằng; dữ liệu sẵn sàng sau ${seconds()} giây.` : `Cơ sở dữ liệu sẵn sàng sau ${seconds()} giây.`);
  await web.catch((error: Error) => log(`Không build được giao diện web: ${error.message}`));
  if (!config.production) {
    log(`Trình khám phá GraphQL ngoại tuyến: ${server.url}/explorer`);
    buildExplorerInBackground();
  }

  onShutdown(async () => {
    await server.close();
    await database.close();
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
