import { date, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { areas } from '../areas/schema';
import { households, residents } from '../households/schema';

/*
 * Aggregates that keep indicator reads independent of the number of households.
 * They are derived data: `rebuildAggregates` recomputes them from the source tables, and every
 * write path refreshes the households it touched in the same transaction.
 */

/** Intervals during which a household is a "Gia đình số" under the criteria set then in force. */
export const householdDigitalPeriods = pgTable(
  'household_digital_periods',
  {
    householdId: integer('household_id').notNull().references(() => households.id, { onDelete: 'cascade' }),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on'),
  },
  (t) => [primaryKey({ columns: [t.householdId, t.startsOn] })],
);

/** The date of a resident's first PASSED skill assessment. */
export const residentSkillPasses = pgTable('resident_skill_passes', {
  residentId: integer('resident_id').primaryKey().references(() => residents.id, { onDelete: 'cascade' }),
  passedOn: date('passed_on').notNull(),
});

/** Current denominators per area (all levels). */
export const areaTotals = pgTable('area_totals', {
  areaId: integer('area_id').primaryKey().references(() => areas.id, { onDelete: 'cascade' }),
  households: integer('households').notNull().default(0),
  residents: integer('residents').notNull().default(0),
});

/**
 * Cumulative numerators per area and day: the row with the latest `day` <= D holds the values as
 * of D. A change dated d adds to every row of the area from d on (inserting the row for d first).
 */
export const areaDailyTotals = pgTable(
  'area_daily_totals',
  {
    areaId: integer('area_id').notNull().references(() => areas.id, { onDelete: 'cascade' }),
    day: date('day').notNull(),
    digitalFamilies: integer('digital_families').notNull().default(0),
    skilledResidents: integer('skilled_residents').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.areaId, t.day] })],
);

/** Cumulative count of households meeting each criterion, per area and day (same rule as above). */
export const areaCriterionDailyTotals = pgTable(
  'area_criterion_daily_totals',
  {
    areaId: integer('area_id').notNull().references(() => areas.id, { onDelete: 'cascade' }),
    criterionCode: text('criterion_code').notNull(),
    day: date('day').notNull(),
    households: integer('households').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.areaId, t.criterionCode, t.day] })],
);
