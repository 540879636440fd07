/*
 * The processes serving the API on PostgreSQL (DATABASE_URL; WORKERS=n, 1 by default). One Node
 * process uses one core; node:cluster lets n of them share the port. The primary prepares the
 * database once (migrations, demo data), then forks the workers, replaces one that dies (even the
 * only one: a driver bug or any uncaught exception ends a worker, not the service), and stops them
 * on SIGTERM/SIGINT. Each worker has its own pool and response cache; the caches hear of each
 * other's writes through PostgreSQL (server/db/changes.ts). The embedded database (PGlite) is open
 * in one process and is served without a primary (server/main.ts).
 */
import cluster, { type Worker } from 'node:cluster';

export const isClusterWorker = cluster.isWorker;

export interface RestartPolicy {
  /** Wait before replacing a worker that died after running a while (ms). */
  firstDelayMs: number;
  /** Longest wait between restarts of a worker that keeps dying (ms): the wait doubles up to it. */
  maxDelayMs: number;
  /** A worker that ran this long before dying starts the backoff over (ms). */
  stableAfterMs: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = { firstDelayMs: 500, maxDelayMs: 30_000, stableAfterMs: 30_000 };

/** The wait before the next restart after `failures` deaths in a row (1 for the first). */
export const restartDelay = (failures: number, policy: RestartPolicy = DEFAULT_RESTART_POLICY) =>
  Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** Math.max(0, failures - 1));

/** Forks `count` workers and keeps them running until stopped. Resolves once all are listening. */
export function runWorkers(count: number, log: (message: string) => void, policy: RestartPolicy = DEFAULT_RESTART_POLICY):
  Promise<{ stop(): Promise<void> }> {
  let stopping = false;
  const pending = new Set<NodeJS.Timeout>();
  // Each of the `count` places has its own run of failures: one crash-looping worker backs off alone.
  const fork = (failures = 0, replacing?: number): Worker => {
    const worker = cluster.fork();
    const started = Date.now();
    if (replacing) worker.once('listening', () => log(`Tiến trình phục vụ ${worker.process.pid} thay cho ${replacing} đã sẵn sàng.`));
    worker.on('exit', (code, signal) => {
      if (stopping) return;
      const inARow = Date.now() - started >= policy.stableAfterMs ? 1 : failures + 1;
      const delay = restartDelay(inARow, policy);
      log(`Tiến trình phục vụ ${worker.process.pid} đã dừng (${signal ?? code}); khởi động lại sau ${(delay / 1000).toFixed(1)} giây`
        + (inARow > 1 ? ` (lần thứ ${inARow} liên tiếp).` : '.'));
      const timer = setTimeout(() => {
        pending.delete(timer);
        if (!stopping) fork(inARow, worker.process.pid);
      }, delay);
      pending.add(timer);
    });
    return worker;
  };
  const workers = Array.from({ length: count }, () => fork());
  const stop = async () => {
    stopping = true;
    for (const timer of pending) clearTimeout(timer);
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
