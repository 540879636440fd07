/*
 * The supervising primary (server/cluster.ts) replaces a worker that dies, and one that keeps
 * dying is restarted later and later instead of as fast as it dies. The workers here are a small
 * script that listens and exits shortly after; the timings are scaled down.
 */
import cluster from 'node:cluster';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { restartDelay, runWorkers } from './cluster';

const dir = mkdtempSync(join(tmpdir(), 'tds-cluster-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the supervising primary', () => {
  it('doubles the wait for each death in a row, up to the longest', () => {
    const policy = { firstDelayMs: 500, maxDelayMs: 30_000, stableAfterMs: 30_000 };
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => restartDelay(n, policy))).toEqual([500, 1000, 2000, 4000, 8000, 16_000, 30_000, 30_000]);
  });

  it('replaces its only worker each time it dies, later each time, and not at all once stopped', async () => {
    // A worker that serves for 50 ms, then crashes.
    const script = join(dir, 'crashing-worker.cjs');
    writeFileSync(script, `require('node:http').createServer().listen(0, () => setTimeout(() => process.exit(3), 50));`);
    cluster.setupPrimary({ exec: script, silent: true });
    const lines: string[] = [];
    const forks: number[] = [];
    const onFork = () => forks.push(Date.now());
    cluster.on('fork', onFork);
    const workers = await runWorkers(1, (line) => lines.push(line), { firstDelayMs: 100, maxDelayMs: 400, stableAfterMs: 10_000 });
    const deaths = () => lines.filter((line) => line.includes('đã dừng (3)')).length;
    for (const started = Date.now(); deaths() < 5 && Date.now() - started < 15_000;) await pause(20);
    await workers.stop();
    const forked = forks.length;
    await pause(600);
    cluster.off('fork', onFork);

    const waits = lines.filter((line) => line.includes('đã dừng (3)')).map((line) => line.match(/sau (\d+\.\d) giây/)![1]);
    // 100, 200, 400 ms, then 400 ms each: not a fork per crash as fast as it dies.
    expect(waits.slice(0, 5)).toEqual(['0.1', '0.2', '0.4', '0.4', '0.4']);
    expect(forked).toBeLessThanOrEqual(7);
    expect(lines.some((line) => /thay cho \d+ đã sẵn sàng/.test(line))).toBe(true);
    // Stopped: nothing more was forked, and no worker is left.
    expect(forks.length).toBe(forked);
    expect(Object.keys(cluster.workers ?? {})).toEqual([]);
  });
});
