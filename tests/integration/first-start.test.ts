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

  it('creates, migrates and seeds a new data directory in a worker, which the caller then opens', async () => {
    // The path of `npm start` on a fresh clone: the worker thread loads the demo data through the
    // modules' services (decorated GraphQL types included) with nothing preloaded by the caller.
    const dir = mkdtempSync(join(tmpdir(), 'tds-first-start-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const steps: string[] = [];
    const dataDir = join(dir, 'pglite');
    expect(await prepareInWorker({ dataDir, seedDemo: true }, (step) => steps.push(step))).toEqual({ seeded: true });
    expect(steps.slice(0, 2)).toEqual(['Mở cơ sở dữ liệu nhúng', 'Cập nhật cấu trúc cơ sở dữ liệu']);
    expect(steps).toContain('Khen thưởng năm 2026: đề cử, xét duyệt, quyết định');
    const database = await openDatabase({ dataDir });
    cleanups.push(() => database.close());
    const [row] = await queryRows<{ communes: number; awarded: number }>(database.db, sql`
      select (select count(*)::int from areas where level = 'commune') as communes,
             (select count(*)::int from award_decisions) as awarded`);
    expect(row).toEqual({ communes: 56, awarded: expect.any(Number) });
    expect(row!.awarded).toBeGreaterThan(0);
    // PGlite has no autovacuum: the seed leaves planner statistics, or every query plans blind.
    const analyzed = await queryRows<{ table: string }>(database.db, sql`
      select distinct tablename as table from pg_stats where schemaname = 'public'
        and tablename in ('households', 'household_criteria', 'area_daily_totals') order by 1`);
    expect(analyzed.map((t) => t.table)).toEqual(['area_daily_totals', 'household_criteria', 'households']);
    // A second start finds the data and does not seed again.
    await database.close();
    cleanups.pop();
    expect(await prepareInWorker({ dataDir, seedDemo: true }, () => {})).toEqual({ seeded: false });
  }, 600_000);
});
