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
  (t) => [
    index('audit_log_entity_idx').on(t.entity, t.entityId),
    index('audit_log_at_idx').on(t.at),
    index('audit_log_user_idx').on(t.userId, t.at),
  ],
);

/**
 * Sign-in sessions. Only the SHA-256 of the random cookie token is stored, so a copy of the
 * database does not let anyone sign in; a session ends at `expires_at` or when revoked.
 */
export const sessions = pgTable(
  'sessions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    ip: text('ip'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/**
 * The sign-in limits' counters on PostgreSQL (login-limits.ts), in the table layout of
 * rate-limiter-flexible's Drizzle store: one row per limiter key (`prefix:key`), the points used in
 * the current window and when the window (or the block) ends. Every API process counts here.
 */
export const loginLimits = pgTable('login_limits', {
  key: text('key').primaryKey(),
  points: integer('points').notNull(),
  expire: timestamp('expire', { withTimezone: true }),
});
