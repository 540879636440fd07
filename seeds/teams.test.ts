import 'reflect-metadata';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../server/db/client';
import { openDatabase } from '../server/db/client';
import { migrateDatabase } from '../server/db/migrate';
import { activityTotalsDrift } from '../server/modules/activities/queries';
import { rebuildAncestors } from '../server/modules/areas/queries';
import { rebuildAggregates } from '../server/modules/indicators/aggregates';
import { parsePeriod } from '../server/modules/targets/pace';
import { progressOfCommunes, progressOfTeams } from '../server/modules/targets/progress';
import { currentChildren } from '../server/modules/areas/service';
import { findTeamsOfCommunes } from '../server/modules/teams/queries';
import { openTestDatabase, type TestDatabase } from '../tests/support/databases';
import { seedGolden } from '../tests/support/golden';
import { seedDemo } from './demo';
import { seedDemoTeams } from './teams';

const TODAY = '2026-11-25';

describe('demo teams seed', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    await seedGolden(database.db);
    await database.db.transaction((tx) => seedDemoTeams(tx, { today: TODAY }));
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

  it('assigns 2026-Q4 targets to teams and communes, logs activities up to today with consistent totals', async () => {
    const [r] = await queryRows<{ teamTargets: number; communeTargets: number; activities: number; short: number; first: string; last: string }>(database.db, sql`
      select (select count(*) from targets where team_id is not null and period = '2026-Q4')::int as "teamTargets",
             (select count(*) from targets where commune_id is not null and period = '2026-Q4')::int as "communeTargets",
             (select count(*) from support_activities)::int as activities,
             (select min(activity_on)::text from support_activities) as first,
             (select max(activity_on)::text from support_activities) as last,
             (select count(*) from targets c where c.commune_id is not null and c.value > (select sum(t.value) from targets t
               join teams tm on tm.id = t.team_id where tm.commune_id = c.commune_id and t.metric = c.metric and t.period = c.period))::int as short`);
    // Three logged metrics per team; new digital families only where the hamlets gain some or the team lags.
    expect(r!.teamTargets).toBeGreaterThanOrEqual(18);
    expect(r!.communeTargets).toBeGreaterThanOrEqual(3);
    expect(r!.short).toBe(1);
    expect(r!.activities).toBeGreaterThanOrEqual(24);
    expect(r!.first >= '2026-10-01' && r!.last <= TODAY).toBe(true);
    expect(await activityTotalsDrift(database.db)).toEqual([]);
  });
});

describe('demo teams on the demo households: pace as of the demo day', () => {
  let database: Awaited<ReturnType<typeof openDatabase>>;
  beforeAll(async () => {
    database = await openDatabase({ dataDir: 'memory://' });
    await migrateDatabase(database);
    await database.db.transaction(async (tx) => {
      await seedDemo(tx, { today: TODAY });
      await rebuildAncestors(tx);
      await rebuildAggregates(tx);
      await seedDemoTeams(tx, { today: TODAY });
    });
  });
  afterAll(() => database?.close());

  it('flags a realistic share of teams and some but not all communes as at risk', async () => {
    const db = database.db;
    const [province] = await queryRows<{ id: number }>(db, sql`select id from areas where level = 'province'`);
    const communes = await currentChildren(db, province!.id, 'commune');
    const range = parsePeriod('2026-Q4')!;
    const teams = await progressOfTeams(db, await findTeamsOfCommunes(db, communes.map((c) => c.id)), range, TODAY);
    const communeProgress = await progressOfCommunes(db, communes, range, TODAY);
    const teamShare = teams.filter((t) => t.atRisk).length / teams.length;
    const communesAtRisk = communeProgress.filter((c) => c.atRisk).length;
    expect(teams.length).toBeGreaterThan(1000);
    expect(teamShare).toBeGreaterThanOrEqual(0.15);
    expect(teamShare).toBeLessThanOrEqual(0.25);
    expect(communesAtRisk).toBeGreaterThan(0);
    expect(communesAtRisk).toBeLessThan(communes.length / 2);
    // No activity after the demo day.
    const [last] = await queryRows<{ last: string }>(db, sql`select max(activity_on)::text as last from support_activities`);
    expect(last!.last <= TODAY).toBe(true);
  });
});
