import { sql } from 'drizzle-orm';
import {
  check, date, index, integer, numeric, pgEnum, pgTable, primaryKey, smallint, text, timestamp, unique, uniqueIndex,
} from 'drizzle-orm/pg-core';
import { areas } from '../areas/schema';

export const targetGroup = pgEnum('target_group', ['public_sector', 'enterprise', 'citizen', 'student']);
export const assessmentResult = pgEnum('assessment_result', ['PASSED', 'FAILED']);
export const sex = pgEnum('sex', ['male', 'female']);

export const households = pgTable(
  'households',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    code: text('code').notNull().unique(),
    hamletId: integer('hamlet_id').notNull().references(() => areas.id),
    headName: text('head_name').notNull(),
    members: smallint('members').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('households_hamlet_idx').on(t.hamletId), check('households_members_ck', sql`${t.members} between 1 and 50`)],
);

/** Only what the movement needs: no national ID numbers, by design. */
export const residents = pgTable(
  'residents',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    code: text('code').notNull().unique(),
    householdId: integer('household_id').notNull().references(() => households.id, { onDelete: 'cascade' }),
    fullName: text('full_name').notNull(),
    birthYear: smallint('birth_year'),
    sex: sex('sex'),
    targetGroup: targetGroup('target_group').notNull().default('citizen'),
  },
  (t) => [index('residents_household_idx').on(t.householdId)],
);

/** Catalogue of criterion codes a "Gia đình số" criteria set can use. */
export const criteria = pgTable('criteria', {
  code: text('code').primaryKey(),
  label: text('label').notNull(),
});

/** A province's criteria set for a year; the set in force on D is the latest year <= year(D). */
export const criteriaSets = pgTable(
  'criteria_sets',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    provinceId: integer('province_id').notNull().references(() => areas.id),
    year: smallint('year').notNull(),
    name: text('name').notNull(),
    /** A hamlet is a "Xóm số" when its DIGITAL_FAMILY_RATE reaches this share. */
    digitalHamletThreshold: numeric('digital_hamlet_threshold', { precision: 4, scale: 3 }).notNull().default('0.8'),
  },
  (t) => [unique('criteria_sets_province_year_uq').on(t.provinceId, t.year)],
);

export const criteriaSetItems = pgTable(
  'criteria_set_items',
  {
    setId: integer('set_id').notNull().references(() => criteriaSets.id, { onDelete: 'cascade' }),
    criterionCode: text('criterion_code').notNull().references(() => criteria.code),
    position: smallint('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.setId, t.criterionCode] })],
);

/** When a household first met a criterion (and lost it, if it did), and who verified it. */
export const householdCriteria = pgTable(
  'household_criteria',
  {
    householdId: integer('household_id').notNull().references(() => households.id, { onDelete: 'cascade' }),
    criterionCode: text('criterion_code').notNull().references(() => criteria.code),
    metOn: date('met_on').notNull(),
    lostOn: date('lost_on'),
    verifiedBy: text('verified_by'),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.householdId, t.criterionCode] }),
    check('household_criteria_interval_ck', sql`${t.lostOn} is null or ${t.lostOn} > ${t.metOn}`),
  ],
);

export const skillAssessments = pgTable(
  'skill_assessments',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    residentId: integer('resident_id').notNull().references(() => residents.id, { onDelete: 'cascade' }),
    targetGroup: targetGroup('target_group').notNull(),
    result: assessmentResult('result').notNull(),
    assessedOn: date('assessed_on').notNull(),
  },
  (t) => [uniqueIndex('skill_assessments_uq').on(t.residentId, t.targetGroup, t.assessedOn)],
);

/*
 * Facts derived from each household's own rows, kept by the indicators' write path
 * (indicators/aggregates.ts) in the transaction of every change and rebuilt with the aggregates.
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
