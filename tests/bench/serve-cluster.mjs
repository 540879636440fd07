/*
 * Runs a benchmark server in `workers` processes sharing one port (node:cluster), as
 * `WORKERS=n npm start` runs ours; prints "ready" once every process listens. Plain JavaScript:
 * the peer (PostGraphile, on its own Node 22) uses it too.
 */
import cluster from 'node:cluster';

/** `start` opens the server in this process and resolves once it listens. */
export async function serveWithWorkers(workers, port, start) {
  if (cluster.isWorker) return start();
  if (workers <= 1) {
    await start();
    console.log(`ready http://localhost:${port}`);
    return;
  }
  const forked = Array.from({ length: workers }, () => cluster.fork());
  await Promise.all(forked.map((worker) => new Promise((resolve) => worker.once('listening', resolve))));
  console.log(`ready http://localhost:${port} (${workers} processes)`);
  process.on('SIGTERM', () => {
    for (const worker of forked) worker.process.kill('SIGTERM');
    process.exit(0);
  });
}
