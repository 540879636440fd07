import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers, openTestDatabase, type TestDatabase } from '../support/databases';
import { GOLDEN_COMMUNE, seedGolden } from '../support/golden';
import { startTestServer, type TestServer } from '../support/server';

const LEADERBOARD = `query ($parent: String!, $metric: Metric!, $asOf: Date, $since: Date) {
  leaderboard(parentCode: $parent, metric: $metric, asOf: $asOf, improvementSince: $since) {
    rank ranked value numerator denominator previousRank isDigitalHamlet area { code name }
  } }`;

type Entry = { rank: number | null; ranked: boolean; value: number | null; numerator: number; denominator: number;
  previousRank: number | null; isDigitalHamlet: boolean; area: { code: string; name: string } };

describe.each(drivers)('GraphQL API on %s', (driver) => {
  let database: TestDatabase;
  let server: TestServer;

  beforeAll(async () => {
    database = await openTestDatabase(driver);
    await seedGolden(database.db);
    server = await startTestServer(database.db);
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  const board = async (variables: Record<string, unknown>) => {
    const res = await server.query<{ leaderboard: Entry[] }>(LEADERBOARD, { parent: GOLDEN_COMMUNE, metric: 'DIGITAL_FAMILY_RATE', ...variables });
    expect(res.errors).toBeUndefined();
    return res.data!.leaderboard;
  };

  it('ranks hamlets by exact rate with competition ties, collation inside a tie, unranked last', async () => {
    const entries = await board({ asOf: '2025-12-31' });
    expect(entries.map((e) => [e.area.name, e.rank, e.numerator, e.denominator])).toEqual([
      ['Xóm Ả', 1, 16, 20],
      ['Xóm Bản Giốc', 1, 8, 10],
      ['Xóm Cốc', 3, 5, 10],
      ['Xóm Nà', 4, 2, 10],
      ['Xóm Đon', null, 9, 9],
      ['Xóm Pác', null, 0, 0],
    ]);
    expect(entries[0]!.value).toBeCloseTo(0.8, 10);
    expect(entries.map((e) => e.ranked)).toEqual([true, true, true, true, false, false]);
    expect(entries[5]!.value).toBeNull();
    expect(entries.map((e) => e.isDigitalHamlet)).toEqual([true, true, false, false, true, false]);
  });

  it('gives the rank at the end of the previous quarter', async () => {
    const entries = await board({ asOf: '2025-12-31' });
    // 2025-09-30: Bản Giốc 8/10, Ả 4/20 and Nà 2/10 tie at 0.2, Cốc 0/10
    expect(Object.fromEntries(entries.map((e) => [e.area.name, e.previousRank]))).toEqual({
      'Xóm Bản Giốc': 1, 'Xóm Ả': 2, 'Xóm Nà': 2, 'Xóm Cốc': 4, 'Xóm Đon': null, 'Xóm Pác': null,
    });
  });

  it('does not count criteria met after asOf', async () => {
    const before = await board({ asOf: '2026-01-14' });
    const after = await board({ asOf: '2026-01-15' });
    expect(before.find((e) => e.area.name === 'Xóm Nà')!.numerator).toBe(2);
    expect(after.find((e) => e.area.name === 'Xóm Nà')!.numerator).toBe(5);
  });

  it('ranks improvement by the exact difference of rates', async () => {
    const entries = await board({ asOf: '2025-12-31', since: '2025-09-30' });
    expect(entries.map((e) => [e.area.name, e.rank])).toEqual([
      ['Xóm Ả', 1], ['Xóm Cốc', 2], ['Xóm Bản Giốc', 3], ['Xóm Nà', 3], ['Xóm Đon', null], ['Xóm Pác', null],
    ]);
    expect(entries[0]!.value).toBeCloseTo(0.6, 10);
  });

  it('computes a commune rate as a ratio of sums, the same in indicator, series and leaderboard', async () => {
    const res = await server.query<{ area: { indicator: { value: number; numerator: number; denominator: number };
      series: { date: string; numerator: number; denominator: number }[]; digitalHamlets: { count: number; total: number; threshold: number };
      criteria: { code: string; met: number; households: number }[] } }>(
      `{ area(code: "${GOLDEN_COMMUNE}") {
          indicator(metric: DIGITAL_FAMILY_RATE, asOf: "2025-12-31") { value numerator denominator }
          series(metric: DIGITAL_FAMILY_RATE, from: "2025-08-01", to: "2025-12-31") { date numerator denominator }
          digitalHamlets(asOf: "2025-12-31") { count total threshold }
          criteria(asOf: "2025-12-31") { code met households } } }`);
    expect(res.errors).toBeUndefined();
    const area = res.data!.area;
    expect(area.indicator).toEqual({ value: 40 / 59, numerator: 40, denominator: 59 });
    expect(area.series.map((p) => p.date)).toEqual(['2025-08-31', '2025-09-30', '2025-10-31', '2025-11-30', '2025-12-31']);
    expect(area.series.map((p) => p.numerator)).toEqual([11, 23, 23, 35, 40]);
    expect(area.digitalHamlets).toEqual({ count: 3, total: 6, threshold: 0.8 });
    expect(area.criteria.map((c) => [c.code, c.met])).toEqual([
      ['SMARTPHONE_OFFICIAL_INFO', 50], ['ONLINE_PUBLIC_SERVICE', 48], ['CASHLESS_PAYMENT', 44],
    ]);
    const province = await server.query<{ leaderboard: Entry[] }>(LEADERBOARD, { parent: '04', metric: 'DIGITAL_FAMILY_RATE', asOf: '2025-12-31' });
    expect(province.data!.leaderboard[0]).toMatchObject({ numerator: 40, denominator: 59 });
  });

  it('sends the same number of SQL statements whatever the number of entries', async () => {
    const query = (parent: string) => server.query(
      `{ leaderboard(parentCode: "${parent}", metric: DIGITAL_FAMILY_RATE, asOf: "2025-12-31") {
          rank area { name parent { name } indicator(metric: DIGITAL_SKILL_RATE) { value } } } }`);
    const six = await database.countStatements(() => query(GOLDEN_COMMUNE));
    const one = await database.countStatements(() => query('04'));
    expect((six.result as { data: { leaderboard: unknown[] } }).data.leaderboard).toHaveLength(6);
    expect((one.result as { data: { leaderboard: unknown[] } }).data.leaderboard).toHaveLength(1);
    expect(six.statements).toBe(one.statements);
  });

  it('answers bad input with a clear Vietnamese error', async () => {
    const unknown = await server.query(`{ leaderboard(parentCode: "99999", metric: DIGITAL_FAMILY_RATE) { rank } }`);
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(unknown.errors?.[0]?.message).toContain('Không tìm thấy địa bàn');
    const badDate = await server.query(`{ leaderboard(parentCode: "04", metric: DIGITAL_FAMILY_RATE, asOf: "2025-02-30") { rank } }`);
    expect(badDate.errors?.[0]?.message).toContain('Ngày không hợp lệ: 2025-02-30');
    expect(badDate.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('lists areas by parent and level, names in Vietnamese order', async () => {
    const res = await server.query<{ areas: { name: string }[] }>(`{ areas(parentCode: "${GOLDEN_COMMUNE}", level: HAMLET) { name } }`);
    expect(res.data!.areas.map((a) => a.name)).toEqual(['Xóm Ả', 'Xóm Bản Giốc', 'Xóm Cốc', 'Xóm Đon', 'Xóm Nà', 'Xóm Pác']);
  });

  it('lists no children of a hamlet, and refuses an unknown parent', async () => {
    const hamlet = await server.query<{ areas: unknown[] }>(`{ areas(parentCode: "${GOLDEN_COMMUNE}-001") { name } }`);
    expect(hamlet).toEqual({ data: { areas: [] } });
    const unknown = await server.query(`{ areas(parentCode: "99999") { name } }`);
    expect(unknown.errors).toEqual([expect.objectContaining({
      message: 'Không tìm thấy địa bàn có mã "99999".', extensions: { code: 'NOT_FOUND' } })]);
  });
});
