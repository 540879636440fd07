/*
 * postgres.js's connection queues, as patched after install (server/db/patches, patch-package):
 * upstream, a queue that never empties (connections under sustained load) keeps every shifted
 * slot, and each remove() scans them all — measured, a pool's throughput fell from 23,000 to 8,000
 * queries/s within 20 s of load. The patch searches the live part only and drops the dead prefix.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The package's root, from its CommonJS entry (cjs/src/index.js); the app loads the ES module build (src/).
const root = dirname(dirname(dirname(createRequire(import.meta.url).resolve('postgres'))));
const builds = ['src', 'cjs/src', 'cf/src'].map((dir) => join(root, dir, 'queue.js'));

describe("postgres.js's queue", () => {
  it('is the patched one in every build (npm install runs patch-package)', () => {
    for (const file of builds) expect(readFileSync(file, 'utf8')).toContain('xs.indexOf(x, index)');
  });

  it('still behaves as a queue when it never empties', async () => {
    const { default: Queue } = (await import(builds[0]!)) as { default: (initial?: unknown[]) => {
      length: number; push(x: unknown): unknown; shift(): unknown; remove(x: unknown): unknown } };
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
