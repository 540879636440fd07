import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { areas } from '../areas/schema';

export const role = pgEnum('role', [
  'PROVINCE_LEADER', 'PROVINCE_ADMIN', 'COMMUNE_CHAIR', 'COMMUNE_OFFICER', 'TEAM_LEADER', 'COMMITTEE_MEMBER',
]);

export const users = pgTable('users', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  username: text('username').notNull().unique(),
  fullName: text('full_name').notNull(),
  role: role('role').notNull(),
  passwordHash: text('password_hash').notNull(),
  active: boolean('active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The areas a user acts on: the province, a commune, or hamlets; a user sees what lies under them. */
export const userAreas = pgTable(
  'user_areas',
  {
    userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    areaId: integer('area_id').notNull().references(() => areas.id),
  },
  (t) => [primaryKey({ columns: [t.userId, t.areaId] })],
);

/** Who changed what, when, from where, with the entity before and after: written in the change's transaction. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull().default(sql`now()`),
    userId: integer('user_id').references(() => users.id),
    ip: text('ip'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [index('audit_log_entity_idx').on(t.entity, t.entityId), index('audit_log_at_idx').on(t.at)],
);
