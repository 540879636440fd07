import { date, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { areas } from '../areas/schema';

/*
 * Aggregates that keep indicator reads independent of the number of households.
 * They are derived data: `rebuildAggregates` recomputes them from the source tables, and every
 * write path refreshes the households it touched in the same transaction (with the households'
 * own derived facts, household_digital_periods and resident_skill_passes: households/schema.ts).
 */

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
