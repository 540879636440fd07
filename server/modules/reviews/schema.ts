import { date, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from '../access/schema';
import { areas } from '../areas/schema';
import { targetMetric } from '../activities/schema';

/** A closed quarter (sơ kết quý): its snapshot rows below never change afterwards. */
export const quarterReviews = pgTable('quarter_reviews', {
  period: text('period').primaryKey(),
  asOf: date('as_of').notNull(),
  closedBy: integer('closed_by').references(() => users.id),
  closedAt: timestamp('closed_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Indicator counts of every current area at the quarter's end. */
export const quarterAreaSnapshots = pgTable(
  'quarter_area_snapshots',
  {
    period: text('period').notNull().references(() => quarterReviews.period),
    areaId: integer('area_id').notNull().references(() => areas.id),
    households: integer('households').notNull(),
    residents: integer('residents').notNull(),
    digitalFamilies: integer('digital_families').notNull(),
    skilledResidents: integer('skilled_residents').notNull(),
  },
  (t) => [primaryKey({ columns: [t.period, t.areaId] })],
);

/** Every target of the quarter with its achievement at the close; ids and names copied, not referenced. */
export const quarterTargetSnapshots = pgTable(
  'quarter_target_snapshots',
  {
    period: text('period').notNull().references(() => quarterReviews.period),
    targetId: integer('target_id').notNull(),
    metric: targetMetric('metric').notNull(),
    communeId: integer('commune_id').notNull(),
    teamId: integer('team_id'),
    ownerName: text('owner_name').notNull(),
    target: integer('target').notNull(),
    achieved: integer('achieved').notNull(),
  },
  (t) => [primaryKey({ columns: [t.period, t.targetId] }), index('quarter_target_snapshots_commune_idx').on(t.period, t.communeId)],
);
