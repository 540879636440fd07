/*
 * Once per test run, before any worker starts: the SPA the browser tests load is built from the
 * current sources. A build is made when web/dist is missing (a clean clone) or older than any file of
 * the web app — browser tests run against a stale bundle would test yesterday's pages — and here, in
 * one process, so two workers never rebuild the same folder under each other.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const builtIndex = join(root, 'web/dist/index.html');

function newestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestChange(join(path, name))), stat.mtimeMs);
}

export default function setup(): void {
  const sources = ['web/src', 'web/index.html', 'web/vite.config.ts'].map((p) => join(root, p));
  if (existsSync(builtIndex) && statSync(builtIndex).mtimeMs >= Math.max(...sources.map(newestChange))) return;
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
    cwd: root, stdio: 'inherit',
  });
}
