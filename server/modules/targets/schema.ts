import { sql } from 'drizzle-orm';
import { check, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from '../access/schema';
import { targetMetric } from '../activities/schema';
import { areas } from '../areas/schema';
import { teams } from '../teams/schema';

/**
 * A target (chỉ tiêu) for a period (`2025-Q4` or `2025`) and metric, assigned either to a commune
 * (by the province) or to a team (by the commune). `version` guards concurrent edits.
 */
export const targets = pgTable(
  'targets',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    period: text('period').notNull(),
    metric: targetMetric('metric').notNull(),
    communeId: integer('commune_id').references(() => areas.id),
    teamId: integer('team_id').references(() => teams.id, { onDelete: 'cascade' }),
    value: integer('value').notNull(),
    version: integer('version').notNull().default(1),
    updatedBy: integer('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('targets_owner_ck', sql`(${t.communeId} is null) <> (${t.teamId} is null)`),
    check('targets_period_ck', sql`${t.period} ~ '^[0-9]{4}(-Q[1-4])?$'`),
    check('targets_value_ck', sql`${t.value} > 0`),
    uniqueIndex('targets_commune_uq').on(t.communeId, t.period, t.metric).where(sql`${t.communeId} is not null`),
    uniqueIndex('targets_team_uq').on(t.teamId, t.period, t.metric).where(sql`${t.teamId} is not null`),
    index('targets_period_idx').on(t.period),
  ],
);
