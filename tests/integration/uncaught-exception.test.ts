/*
 * On the embedded PGlite, `npm start` is one process with no supervisor (server/main.ts): an
 * uncaught exception is logged with the process's id, then ends the process (Node's default:
 * after one, its state is unknown), for whatever started it to start it again.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/own-postgres';

const dir = mkdtempSync(join(tmpdir(), 'tds-uncaught-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('an uncaught exception on PGlite', () => {
  it('is logged, and ends the process with a failure code', async () => {
    // Loaded before the server: a bug that throws outside any request or promise, on a signal.
    const preload = join(dir, 'throw-on-signal.mjs');
    writeFileSync(preload, `process.on('SIGUSR2', () => { throw new Error('panne simulée'); });\n`);
    const env: NodeJS.ProcessEnv = { ...process.env, PGLITE_DATA_DIR: 'memory://', SEED_DEMO: 'false', NODE_ENV: 'production',
      PORT: String(await freePort()) };
    delete env.DATABASE_URL;
    const server = spawn(process.execPath, ['--import', 'tsx', '--import', pathToFileURL(preload).href, 'server/main.ts'],
      { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    server.stdout!.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    server.stderr!.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));
    try {
      const started = Date.now();
      while (!output.includes('Cơ sở dữ liệu sẵn sàng')) {
        if (Date.now() - started > 60_000 || server.exitCode !== null) throw new Error(`no start: ${output}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      server.kill('SIGUSR2');
      expect(await exited).toBe(1);
      expect(output).toContain(`[thi-dua-so] Tiến trình ${server.pid}: lỗi không được xử lý (uncaughtException), tiến trình dừng: Error: panne simulée`);
    } finally {
      if (server.exitCode === null) server.kill('SIGKILL');
    }
  }, 90_000);
});
