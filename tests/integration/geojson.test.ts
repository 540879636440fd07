/*
 * GET /api/geo/<parentCode>: the map's boundaries and points, as the web app's map reads them.
 */
import { gunzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import type { FeatureCollection, Point, Polygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../server/db/client';
import { drivers, openTestDatabase, type TestDatabase } from '../support/databases';
import { seedE2E } from '../support/e2e-fixture';
import { send } from '../support/http';
import { startTestServer, type TestServer } from '../support/server';
import { recordChange } from '../../server/modules/changes/service';

describe.each(drivers)('GeoJSON on %s', (driver) => {
  let database: TestDatabase;
  let server: TestServer;
  beforeAll(async () => {
    database = await openTestDatabase(driver);
    await seedE2E(database.db);
    server = await startTestServer(database.db);
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  const geo = async (code: string) => {
    const response = await fetch(`${server.url}/api/geo/${encodeURIComponent(code)}`);
    return { response, body: (await response.json()) as FeatureCollection };
  };

  it("gives a province's communes with their stored boundaries, in code order", async () => {
    const { response, body } = await geo('04');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/geo\+json/);
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(body.type).toBe('FeatureCollection');
    const stored = await queryRows<{ code: string; name: string; kind: string; geometry: Polygon }>(database.db, sql`
      select c.code, c.name, c.kind, c.geometry from areas c join areas p on p.id = c.parent_id
      where p.code = '04' and c.geometry is not null order by c.code`);
    expect(stored.length).toBe(6);
    expect(body.features).toEqual(stored.map((a) => ({
      type: 'Feature', geometry: a.geometry, properties: { code: a.code, name: a.name, kind: a.kind, level: 'commune' },
    })));
  });

  it("gives a commune's hamlets as points, longitude first", async () => {
    const { body } = await geo('90002');
    const [first] = await queryRows<{ code: string; latitude: number; longitude: number }>(database.db, sql`
      select code, latitude, longitude from areas where code = '90002-001'`);
    expect(body.features.length).toBe(6);
    const feature = body.features.find((f) => f.properties?.code === '90002-001')!;
    expect((feature.geometry as Point)).toEqual({ type: 'Point', coordinates: [first!.longitude, first!.latitude] });
    expect(feature.properties).toMatchObject({ name: 'Xóm Nà Lữ', level: 'hamlet' });
  });

  it('gives an empty collection for an unknown area, and refuses writes', async () => {
    expect((await geo('không-có')).body).toEqual({ type: 'FeatureCollection', features: [] });
    expect((await fetch(`${server.url}/api/geo/04`, { method: 'POST' })).status).toBe(405);
  });

  it('is compressed for clients that accept it', async () => {
    const zipped = await send(`${server.url}/api/geo/04`, { headers: { 'accept-encoding': 'gzip' } });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(zipped.body).toString('utf8')).features).toHaveLength(6);
  });

  it('is served from the response cache until a write', async () => {
    const cacheState = async () => (await fetch(`${server.url}/api/geo/90003`)).headers.get('x-cache');
    await cacheState();
    expect(await cacheState()).toBe('HIT');
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`update areas set name = 'Xóm Nà Lữ Mới' where code = '90003-001'`);
      await recordChange(tx, { kind: 'areas', areaCodes: ['90003-001'] });
    });
    expect(await cacheState()).toBe('MISS');
    expect((await geo('90003')).body.features.find((f) => f.properties?.code === '90003-001')?.properties?.name).toBe('Xóm Nà Lữ Mới');
  });
});
