import 'reflect-metadata';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../server/db/client';
import { activityTotalsDrift } from '../server/modules/activities/queries';
import { openTestDatabase, type TestDatabase } from '../tests/support/databases';
import { seedGolden } from '../tests/support/golden';
import { seedDemoTeams } from './teams';

describe('demo teams seed', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    await seedGolden(database.db);
    await database.db.transaction((tx) => seedDemoTeams(tx));
  });
  afterAll(() => database?.close());

  it('gives every hamlet one team of 3–9 members led by the hamlet head, some ambassadors', async () => {
    const rows = await queryRows<{ hamlets: number; teamed: number; min: number; max: number; ambassadors: number; leaders: number; teams: number }>(database.db, sql`
      select (select count(*) from areas where level = 'hamlet')::int as hamlets,
             (select count(*) from team_hamlets)::int as teamed, (select count(*) from teams)::int as teams,
             (select min(n) from (select count(*) n from team_members group by team_id) x)::int as min,
             (select max(n) from (select count(*) n from team_members group by team_id) x)::int as max,
             (select count(*) from team_members where is_ambassador)::int as ambassadors,
             (select count(*) from team_members where role = 'LEADER' and organisation = 'HAMLET_HEAD')::int as leaders`);
    const r = rows[0]!;
    expect(r.teamed).toBe(r.hamlets);
    expect(r.teams).toBe(r.hamlets);
    expect(r.leaders).toBe(r.teams);
    expect(r.min).toBeGreaterThanOrEqual(3);
    expect(r.max).toBeLessThanOrEqual(9);
    expect(r.ambassadors).toBeGreaterThanOrEqual(r.teams);
  });

  it('assigns 2026-Q4 targets to teams and communes, logs activities with consistent totals', async () => {
    const [r] = await queryRows<{ teamTargets: number; communeTargets: number; activities: number; short: number }>(database.db, sql`
      select (select count(*) from targets where team_id is not null and period = '2026-Q4')::int as "teamTargets",
             (select count(*) from targets where commune_id is not null and period = '2026-Q4')::int as "communeTargets",
             (select count(*) from support_activities)::int as activities,
             (select count(*) from targets c where c.commune_id is not null and c.value > (select sum(t.value) from targets t
               join teams tm on tm.id = t.team_id where tm.commune_id = c.commune_id and t.metric = c.metric and t.period = c.period))::int as short`);
    expect(r).toMatchObject({ teamTargets: 24, communeTargets: 4, short: 1 });
    expect(r!.activities).toBeGreaterThanOrEqual(24);
    expect(await activityTotalsDrift(database.db)).toEqual([]);
  });
});
