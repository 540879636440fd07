/*
 * The households' tables as pieces of SQL that other modules' queries join (the awards' nominees
 * and suggestions), so that a join stays one statement while the table names stay here.
 */
import { sql } from 'drizzle-orm';

/** id, code, hamlet_id, head_name, members. */
export const householdRows = sql`(select id, code, hamlet_id, head_name, members from households)`;

/** id, code, household_id, full_name. */
export const residentRows = sql`(select id, code, household_id, full_name from residents)`;

/** The periods a household was a Gia đình số: household_id, starts_on, ends_on (null: still is). */
export const digitalFamilyPeriods = sql`(select household_id, starts_on, ends_on from household_digital_periods)`;

/** A resident's first passed skills test: resident_id, passed_on. */
export const skillPasses = sql`(select resident_id, passed_on from resident_skill_passes)`;
