/*
 * postgres.js's connection queues, as patched after install (server/db/patches, patch-package;
 * docs/postgres-js-patches.md): upstream, a queue that never empties (a pool under sustained load)
 * keeps a slot for every item ever shifted, and each remove() scans all of them, so its cost grows
 * with the queue's history — measured, a pool's throughput fell from 23,000 to 8,000 queries/s
 * within 20 s of load. The patch searches the live part only and drops the dead prefix.
 *
 * The queue's array is seen through its `initial` argument: the queue copies it with slice(),
 * which keeps the subclass (Symbol.species), so the copy's searches and growth are recorded here.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

type Queue = { length: number; push(x: unknown): unknown; shift(): unknown; remove(x: unknown): unknown };
type QueueFactory = (initial?: unknown[]) => Queue;

const require = createRequire(import.meta.url);
// The package's root, from its CommonJS entry (cjs/src/index.js); the app loads the ES module build (src/).
const root = dirname(dirname(dirname(require.resolve('postgres'))));
const builds: Record<string, () => Promise<QueueFactory>> = {
  'src (ES module, what Node loads)': async () => (await import(pathToFileURL(join(root, 'src/queue.js')).href)).default,
  'cjs/src (CommonJS)': async () => require(join(root, 'cjs/src/queue.js')),
  'cf/src (Cloudflare workers)': async () => (await import(pathToFileURL(join(root, 'cf/src/queue.js')).href)).default,
};

/** Records how many slots each search covers and how long the array gets. */
class Watched extends Array<unknown> {
  static widestSearch = 0;
  static longest = 0;
  override indexOf(x: unknown, from = 0): number {
    Watched.widestSearch = Math.max(Watched.widestSearch, this.length - from);
    return super.indexOf(x, from);
  }
  override push(...items: unknown[]): number {
    const length = super.push(...items);
    Watched.longest = Math.max(Watched.longest, length);
    return length;
  }
}

describe.each(Object.keys(builds))("postgres.js's queue, build %s", (build) => {
  it('does work in proportion to what it holds, not to everything that passed through it', async () => {
    const Queue = await builds[build]!();
    Watched.widestSearch = 0;
    Watched.longest = 0;
    // A busy pool: connections come and go, a few are always waiting, one leaves out of turn now and then.
    const queue = Queue(new Watched());
    let next = 0;
    for (let i = 0; i < 4; i++) queue.push(next++);
    for (let round = 0; round < 20_000; round++) {
      queue.push(next++);
      const last = queue.push(next++);
      if (round % 10 === 0) expect(queue.remove(last)).toBe(last);
      else queue.shift();
      queue.shift();
    }
    expect(queue.length).toBeLessThan(10);
    // Unpatched: the last searches cover ~40,000 slots and the array keeps them all.
    expect(Watched.widestSearch).toBeLessThan(16);
    expect(Watched.longest).toBeLessThan(2 * 1024 + 16);
  });

  it('still behaves as a queue when it never empties', async () => {
    const Queue = await builds[build]!();
    const queue = Queue();
    const live: number[] = [];
    for (let i = 0; i < 50_000; i++) {
      queue.push(i);
      live.push(i);
      if (i % 3 === 0) expect(queue.remove(live.splice(live.length - 2, 1)[0])).not.toBeNull();
      if (live.length > 5) expect(queue.shift()).toBe(live.shift());
    }
    expect(queue.length).toBe(live.length);
    expect(queue.remove(-1)).toBeNull();
    while (live.length) expect(queue.shift()).toBe(live.shift());
    expect(queue.length).toBe(0);
  });
});
