/** `npm start`: open the database, migrate, seed an empty one, build the web app if needed, serve. */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { startServer, webDist } from './app';
import { readConfig } from './config';
import { openDatabase } from './db/client';
import { prepareDatabase } from './setup';

const log = (message: string) => process.stdout.write(`[thi-dua-so] ${message}\n`);

function buildWebIfMissing(): Promise<void> {
  if (existsSync(`${webDist}/index.html`)) return Promise.resolve();
  log('Đang build giao diện web (lần đầu)…');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
      stdio: 'inherit',
    });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`vite build exited with ${code}`))));
  });
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
  if (!config.production) log(`Trình khám phá GraphQL ngoại tuyến: ${server.url}/explorer`);

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
