/** `npm start`: open the database, migrate, seed an empty one, build the web app if needed, serve. */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { explorerDist, startServer, webDist } from './app';
import { readConfig } from './config';
import { openDatabase } from './db/client';
import { prepareDatabase } from './setup';

const log = (message: string) => process.stdout.write(`[thi-dua-so] ${message}\n`);

function viteBuild(env: NodeJS.ProcessEnv = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
      stdio: 'inherit',
      env: { ...process.env, ...env },
    });
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

async function main() {
  const started = Date.now();
  const config = readConfig();
  const web = buildWebIfMissing();
  log(config.databaseUrl ? 'Kết nối PostgreSQL (DATABASE_URL)…' : `Mở CSDL nhúng PGlite tại ${config.pgliteDataDir}…`);
  const database = await openDatabase({
    url: config.databaseUrl, dataDir: config.pgliteDataDir, maxConnections: config.poolSize,
  });
  const { seeded } = await prepareDatabase(database, {
    seedDemo: config.seedDemo,
    onProgress: (step, done, total) => log(`${step}: ${done}/${total}`),
  });
  if (seeded) log('Đã nạp dữ liệu mẫu tỉnh Cao Bằng.');
  await web;
  const server = await startServer({ db: database.db, port: config.port, production: config.production,
    trustProxy: config.trustProxy, responseCache: config.responseCache });
  log(`Sẵn sàng sau ${((Date.now() - started) / 1000).toFixed(1)} giây: ${server.url}`);
  if (!config.production) {
    log(`Trình khám phá GraphQL ngoại tuyến: ${server.url}/explorer`);
    buildExplorerInBackground();
  }

  const shutdown = async () => {
    await server.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
