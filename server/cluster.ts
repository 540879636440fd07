/*
 * More than one process serving the API (WORKERS=n, PostgreSQL only: an embedded database is open
 * in one process). One Node process uses one core; node:cluster lets n of them share the port. The
 * primary prepares the database once (migrations, demo data), then forks the workers, replaces one
 * that dies, and stops them on SIGTERM/SIGINT. Each worker has its own pool and response cache;
 * the caches hear of each other's writes through PostgreSQL (server/db/changes.ts).
 */
import cluster, { type Worker } from 'node:cluster';

export const isClusterWorker = cluster.isWorker;

/** Forks `count` workers and keeps them running until stopped. Resolves once all are listening. */
export function runWorkers(count: number, log: (message: string) => void): Promise<{ stop(): Promise<void> }> {
  let stopping = false;
  const fork = (replacing?: number): Worker => {
    const worker = cluster.fork();
    if (replacing) worker.once('listening', () => log(`Tiến trình phục vụ ${worker.process.pid} thay cho ${replacing} đã sẵn sàng.`));
    worker.on('exit', (code, signal) => {
      if (stopping) return;
      log(`Tiến trình phục vụ ${worker.process.pid} đã dừng (${signal ?? code}); khởi động lại.`);
      // A worker that fails at once would otherwise be forked again and again, as fast as it dies.
      setTimeout(() => fork(worker.process.pid), 1000);
    });
    return worker;
  };
  const workers = Array.from({ length: count }, () => fork());
  const stop = async () => {
    stopping = true;
    await Promise.all(Object.values(cluster.workers ?? {}).map((worker) => new Promise<void>((resolve) => {
      if (!worker || worker.isDead()) return resolve();
      worker.once('exit', () => resolve());
      worker.process.kill('SIGTERM');
    })));
  };
  return Promise.all(workers.map((worker) => new Promise<void>((resolve, reject) => {
    worker.once('listening', () => resolve());
    worker.once('exit', (code) => reject(new Error(`worker exited with ${code} before listening`)));
  }))).then(() => ({ stop }));
}
