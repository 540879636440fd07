/*
 * A PostgreSQL server of a test's own, to restart or stop without touching the shared one: initdb
 * into a temporary directory, on a free loopback port, trust authentication. The binaries are the
 * ones `pg_config --bindir` names. initdb refuses to run as root: as root, the server runs as the
 * `postgres` user (runuser), with a data directory it owns.
 */
import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The directory of initdb and pg_ctl, or null when PostgreSQL's server binaries are not installed. */
export function postgresBinaries(): string | null {
  try {
    const dir = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim();
    return existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')) ? dir : null;
  } catch {
    return null;
  }
}

export const freePort = () => new Promise<number>((resolve, reject) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port } = probe.address() as { port: number };
    probe.close(() => resolve(port));
  }).on('error', reject);
});

export interface OwnPostgres {
  url: string;
  /** `pg_ctl restart -m fast`: sessions are terminated, the server stops and starts again; resolves once it accepts connections. */
  restart(): Promise<void>;
  /** Stops the server (immediate) and removes its data directory. Safe to call twice. */
  destroy(): void;
  /** The server's log, for a failing test's message. */
  log(): string;
}

export async function startOwnPostgres(bindir: string): Promise<OwnPostgres> {
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'tds-own-pg-'));
  const data = join(dir, 'data');
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  const run = (tool: string, args: string[]) => {
    const [command, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bindir, tool), ...args]] : [join(bindir, tool), args];
    return execFileSync(command, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
  };
  const port = await freePort();
  const logFile = join(dir, 'server.log');
  // No fsync (a throwaway cluster on a loaded machine); the socket directory is the data's own.
  const serverOptions = `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c fsync=off -c full_page_writes=off -c max_connections=50`;
  let stopped = false;
  const destroy = () => {
    if (!stopped) {
      stopped = true;
      try { run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']); } catch { /* not running */ }
    }
    rmSync(dir, { recursive: true, force: true });
  };
  // Stopped even when the test process ends without its cleanup (a failed hook, a timeout).
  process.once('exit', destroy);
  try {
    run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
    run('pg_ctl', ['-D', data, '-o', serverOptions, '-l', logFile, '-w', 'start']);
  } catch (error) {
    destroy();
    throw error;
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async restart() {
      // Asynchronous, so that the test's load keeps running while pg_ctl waits.
      const [command, argv] = asRoot
        ? ['runuser', ['-u', 'postgres', '--', join(bindir, 'pg_ctl'), '-D', data, '-m', 'fast', '-w', '-o', serverOptions, '-l', logFile, 'restart']]
        : [join(bindir, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', '-o', serverOptions, '-l', logFile, 'restart']];
      await new Promise<void>((resolve, reject) => execFile(command, argv as string[], { timeout: 60_000 },
        (error, _stdout, stderr) => (error ? reject(new Error(`pg_ctl restart: ${error.message} ${stderr}`)) : resolve())));
    },
    destroy: () => {
      process.removeListener('exit', destroy);
      destroy();
    },
    log: () => {
      try {
        return execFileSync('tail', ['-n', '40', logFile], { encoding: 'utf8' });
      } catch {
        return '';
      }
    },
  };
}
