/**
 * `npm run import -- <file.csv>`: imports one areas, households or assessments file into the
 * database the server uses (DATABASE_URL, else PGlite in PGLITE_DATA_DIR). All or nothing: on any
 * error, every bad row is printed as "Dòng N: …", nothing is written, and the exit code is 1.
 */
import { readFile } from 'node:fs/promises';
import { readConfig } from '../config';
import { openDatabase } from '../db/client';
import { migrateDatabase } from '../db/migrate';
import { FORMATS } from '../modules/imports/formats';
import { importCsv } from '../modules/imports/service';

async function main(args: string[]): Promise<number> {
  const path = args.find((a) => a !== '--');
  if (!path) {
    console.error('Cách dùng: npm run import -- <tệp.csv>  (areas.csv, households.csv hoặc assessments.csv)');
    return 2;
  }
  let contents: string;
  try {
    contents = await readFile(path, 'utf8');
  } catch (error) {
    console.error(`Không đọc được tệp ${path}: ${(error as Error).message}`);
    return 2;
  }
  const config = readConfig();
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.pgliteDataDir });
  try {
    await migrateDatabase(database);
    const started = performance.now();
    const result = await importCsv(database.db, contents);
    const seconds = ((performance.now() - started) / 1000).toFixed(1).replace('.', ',');
    if (result.errors.length > 0) {
      for (const e of result.errors) console.error(`Dòng ${e.line}: ${e.message}`);
      console.error(`Tệp ${path} có ${result.errors.length} lỗi; chưa nhập dữ liệu nào. Hãy sửa các dòng trên rồi nhập lại.`);
      return 1;
    }
    const format = FORMATS[result.kind!];
    console.log(`Đã nhập tệp ${format.label} (${format.file}) ${path}: ${result.inserted} bản ghi mới, ` +
      `${result.updated} bản ghi đã có được cập nhật, trong ${seconds} giây.`);
    return 0;
  } finally {
    await database.close();
  }
}

/**
 * A failure in words a user may see: a database error's own message, never drizzle's wrapper,
 * whose message repeats the statement with every parameter (a whole file of names).
 */
function failureReason(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : null;
  const message = cause?.message ?? (error instanceof Error ? error.message : String(error));
  return message.length > 300 || /params:|Failed query/.test(message) ? 'lỗi cơ sở dữ liệu' : message;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`Lỗi khi nhập tệp: ${failureReason(error)}. Chưa nhập dữ liệu nào.`);
    process.exit(1);
  },
);
