/* Our server for the benchmarks: `tsx tests/bench/serve-ours.ts <db url> <port> <cache on|off> <pool> [workers]`. */
import { startServer } from '../../server/app';
import { openDatabase } from '../../server/db/client';
import { serveWithWorkers } from './serve-cluster.mjs';

const [url, port, cache = 'off', pool = '10', workers = '1'] = process.argv.slice(2);
await serveWithWorkers(Number(workers), port, async () => {
  const database = await openDatabase({ url: url!, maxConnections: Number(pool) });
  const server = await startServer({ db: database.db, port: Number(port), production: true, responseCache: cache === 'on' });
  process.on('SIGTERM', async () => {
    await server.close();
    await database.close();
    process.exit(0);
  });
});
