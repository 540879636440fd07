/* Shared helpers of the benchmarks (tests/bench, not part of `npm test`). */
import os from 'node:os';

export type Scale = 'province' | 'national';

export function argValue(name: string, fallback?: string): string | undefined {
  const args = process.argv.slice(2);
  const i = args.indexOf(`--${name}`);
  if (i >= 0) return args[i + 1];
  const inline = args.find((a) => a.startsWith(`--${name}=`));
  return inline ? inline.slice(name.length + 3) : fallback;
}

export function scaleArg(): Scale {
  const scale = argValue('scale', process.env.BENCH_SCALE ?? 'province');
  if (scale !== 'province' && scale !== 'national') throw new Error(`--scale province|national, not ${scale}`);
  return scale;
}

/** The server the benchmark databases live on, and the database of a scale. */
export const serverUrl = process.env.BENCH_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export function databaseUrl(scale: Scale): string {
  const url = new URL(serverUrl);
  url.pathname = `/${process.env.BENCH_DATABASE ?? `tds_bench_${scale}`}`;
  return url.toString();
}

export function machine(): string {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model.trim() ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, ` +
    `Node ${process.version}, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export const duration = (ms: number) => {
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

/** A one-line progress bar with a time estimate, redrawn in place on a terminal. */
export function progressBar(total: number, label: string) {
  const started = Date.now();
  let lastLine = '';
  return {
    update(done: number, detail = '') {
      const share = total > 0 ? Math.min(1, done / total) : 1;
      const width = 30;
      const filled = Math.round(share * width);
      const elapsed = Date.now() - started;
      const eta = share > 0 ? (elapsed / share) * (1 - share) : NaN;
      const line = `${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${(share * 100).toFixed(1)}% ` +
        `${detail} elapsed ${duration(elapsed)}${Number.isFinite(eta) && share < 1 ? ` ETA ${duration(eta)}` : ''}`;
      if (line === lastLine) return;
      lastLine = line;
      if (process.stderr.isTTY) process.stderr.write(`\r${line}\x1b[K`);
      else process.stderr.write(`${line}\n`);
    },
    done() {
      if (process.stderr.isTTY) process.stderr.write('\n');
    },
  };
}

/** Prints rows as a Markdown table (pasteable into docs/benchmarks.md). */
export function printTable(rows: Record<string, string | number>[]): void {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const cell = (v: string | number | undefined) => String(v ?? '');
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
  const line = (values: string[]) => `| ${values.map((v, i) => v.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(line(columns));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows) console.log(line(columns.map((c) => cell(row[c]))));
}
