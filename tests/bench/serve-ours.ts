/* Our server for the benchmarks: `tsx tests/bench/serve-ours.ts <db url> <port> <cache on|off> <pool>`. */
import { startServer } from '../../server/app';
import { openDatabase } from '../../server/db/client';

const [url, port, cache = 'off', pool = '10'] = process.argv.slice(2);
const database = await openDatabase({ url: url!, maxConnections: Number(pool) });
const server = await startServer({ db: database.db, port: Number(port), production: true, responseCache: cache === 'on' });
console.log(`ready ${server.url}`);
process.on('SIGTERM', async () => {
  await server.close();
  await database.close();
  process.exit(0);
});
