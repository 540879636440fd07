/*
 * `npm run import` as a user runs it: a bad file gets one line per error and nothing else (no SQL,
 * no parameter list of every name in the file). PGlite in a temporary directory.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const HEADER = 'code,hamlet_code,head_name,members,SMARTPHONE_OFFICIAL_INFO,ONLINE_PUBLIC_SERVICE,CASHLESS_PAYMENT';

describe('npm run import', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'import-cli-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reports a NUL byte as one line with its number, printing no SQL nor names', async () => {
    const rows = Array.from({ length: 5_000 }, (_, i) => `H${i},90001-001,${i === 15 ? 'Nông\u0000Văn' : `Họ Tên Số ${i}`},4,,,`);
    const file = join(dir, 'households.csv');
    await writeFile(file, [HEADER, ...rows].join('\n'));
    const run = promisify(execFile)(process.execPath, ['--import', 'tsx', 'server/cli/import.ts', file], {
      env: { ...process.env, DATABASE_URL: '', PGLITE_DATA_DIR: join(dir, 'db') }, maxBuffer: 64 * 1024 * 1024 });
    const failure = await run.then(() => null, (error: { code: number; stdout: string; stderr: string }) => error);
    expect(failure?.code).toBe(1);
    expect(failure!.stderr.trim().split('\n')).toEqual([
      'Dòng 17: có ký tự không hợp lệ (NUL)',
      `Tệp ${file} có 1 lỗi; chưa nhập dữ liệu nào. Hãy sửa các dòng trên rồi nhập lại.`,
    ]);
    expect(failure!.stdout).toBe('');
  }, 120_000);
});
