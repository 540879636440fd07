/*
 * First start (`npm start` on a fresh clone): the server answers at once, 503 STARTING_UP with the
 * current step from the API until the database is ready, and the database is prepared in a worker
 * thread that hands the data directory over once it has closed it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { send } from '../support/http';
import { startServer } from '../../server/app';
import { type Database, openDatabase, queryRows } from '../../server/db/client';
import { migrateDatabase } from '../../server/db/migrate';
import { prepareInWorker } from '../../server/setup';

describe('first start', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('serves 503 with the current step while the database is being prepared, then the data', async () => {
    let step: string | null = 'Đang nạp dữ liệu mẫu: residents (4/6)';
    let open: (db: Database) => void = () => {};
    const database = new Promise<Database>((resolve) => { open = resolve; });
    const server = await startServer({ db: database.then((d) => d.db), port: 0, startingUp: () => step });
    cleanups.push(() => new Promise<void>((resolve) => server.server.close(() => resolve())), () => server.close());
    // A new connection per request: a kept-alive socket can be closed by the server (5 s idle)
    // while the migration below runs on a loaded machine, and reusing it fails with ECONNRESET.
    const ask = () => send(`${server.url}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ areas(level: COMMUNE) { code } }' }),
    });

    const waiting = await ask();
    expect(waiting.status).toBe(503);
    expect(waiting.headers['retry-after']).toBe('2');
    expect(waiting.json()).toMatchObject({ errors: [{ message: 'Đang nạp dữ liệu mẫu: residents (4/6)…', extensions: { code: 'STARTING_UP' } }] });
    expect((await send(`${server.url}/api/geo/04`)).status).toBe(503);

    const db = await openDatabase({ dataDir: 'memory://' });
    cleanups.push(() => db.close());
    await migrateDatabase(db);
    open(db);
    step = null;
    await database;
    const ready = await ask();
    expect(ready.status).toBe(200);
    expect(ready.json()).toEqual({ data: { areas: [] } });
  });

  it('creates and migrates a new data directory in a worker, which the caller then opens', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tds-first-start-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const steps: string[] = [];
    const dataDir = join(dir, 'pglite');
    expect(await prepareInWorker({ dataDir, seedDemo: false }, (step) => steps.push(step))).toEqual({ seeded: false });
    expect(steps).toEqual(['Mở cơ sở dữ liệu nhúng', 'Cập nhật cấu trúc cơ sở dữ liệu']);
    const database = await openDatabase({ dataDir });
    cleanups.push(() => database.close());
    const [row] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from areas`);
    expect(row).toEqual({ n: 0 });
  });
});
