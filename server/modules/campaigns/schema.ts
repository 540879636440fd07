import { sql } from 'drizzle-orm';
import { check, date, integer, pgEnum, pgTable, smallint, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { users } from '../access/schema';
import { areas } from '../areas/schema';

export const campaignKind = pgEnum('campaign_kind', ['SUMMER', 'SCHOOL_START', 'DIGITAL_TRANSFORMATION_DAY']);

/** A youth volunteer campaign (Chiến dịch thanh niên tình nguyện phổ cập kỹ năng số). */
export const campaigns = pgTable(
  'campaigns',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    kind: campaignKind('kind').notNull(),
    year: smallint('year').notNull(),
    name: text('name').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
  },
  (t) => [unique('campaigns_kind_year_uq').on(t.kind, t.year), check('campaigns_dates_ck', sql`${t.endsOn} >= ${t.startsOn}`)],
);

/** A commune's report on a campaign: one per commune and campaign, updated until the campaign closes. */
export const campaignReports = pgTable(
  'campaign_reports',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    campaignId: integer('campaign_id').notNull().references(() => campaigns.id, { onDelete: 'cascade' }),
    communeId: integer('commune_id').notNull().references(() => areas.id),
    volunteers: integer('volunteers').notNull(),
    peopleSupported: integer('people_supported').notNull(),
    sessions: integer('sessions').notNull(),
    content: text('content').notNull(),
    lessonsLearnt: text('lessons_learnt'),
    reportedBy: integer('reported_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('campaign_reports_commune_uq').on(t.campaignId, t.communeId),
    check('campaign_reports_counts_ck', sql`${t.volunteers} >= 0 and ${t.peopleSupported} >= 0 and ${t.sessions} >= 0`),
  ],
);
