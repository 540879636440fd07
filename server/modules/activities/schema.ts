import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../access/schema';
import { areas } from '../areas/schema';
import { campaigns } from '../campaigns/schema';
import { households } from '../households/schema';
import { teamMembers, teams } from '../teams/schema';

/** What is measured (activities/metrics.ts); targets are set on the same list. */
export const targetMetric = pgEnum('target_metric', [
  'OUTREACH_SESSIONS', 'PEOPLE_SUPPORTED', 'APP_INSTALLS', 'LESSONS_COMPLETED', 'NEW_DIGITAL_FAMILIES',
]);

/**
 * A support activity (hoạt động hỗ trợ) logged from a phone. `client_id` is generated on the phone
 * and is the idempotency key: a retry of the same record is accepted and counted once.
 */
export const supportActivities = pgTable(
  'support_activities',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    clientId: uuid('client_id').notNull().unique(),
    teamId: integer('team_id').notNull().references(() => teams.id),
    hamletId: integer('hamlet_id').notNull().references(() => areas.id),
    memberId: integer('member_id').references(() => teamMembers.id),
    campaignId: integer('campaign_id').references(() => campaigns.id),
    metric: targetMetric('metric').notNull(),
    quantity: integer('quantity').notNull(),
    activityOn: date('activity_on').notNull(),
    householdId: integer('household_id').references(() => households.id, { onDelete: 'set null' }),
    note: text('note'),
    recordedBy: integer('recorded_by').references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('support_activities_team_day_idx').on(t.teamId, t.activityOn),
    index('support_activities_hamlet_day_idx').on(t.hamletId, t.activityOn),
    check('support_activities_quantity_ck', sql`${t.quantity} between 1 and 1000`),
    check('support_activities_metric_ck', sql`${t.metric} <> 'NEW_DIGITAL_FAMILIES'`),
  ],
);

/**
 * Derived: activity quantities per team, hamlet, metric and day, kept in the insert's transaction so
 * progress reads never scan activities. `rebuildActivityTotals` recomputes it from the source.
 */
export const activityDailyTotals = pgTable(
  'activity_daily_totals',
  {
    teamId: integer('team_id').notNull().references(() => teams.id),
    hamletId: integer('hamlet_id').notNull().references(() => areas.id),
    metric: targetMetric('metric').notNull(),
    day: date('day').notNull(),
    quantity: integer('quantity').notNull(),
    records: integer('records').notNull(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.hamletId, t.metric, t.day] }), index('activity_daily_totals_hamlet_idx').on(t.hamletId, t.day)],
);
