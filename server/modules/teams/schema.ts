import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { areas } from '../areas/schema';

export const memberRole = pgEnum('team_member_role', ['LEADER', 'DEPUTY', 'MEMBER']);
export const memberOrganisation = pgEnum('team_member_organisation', [
  'HAMLET_HEAD', 'YOUTH_UNION', 'WOMENS_UNION', 'FARMERS_UNION', 'VETERANS_ASSOCIATION', 'RETIRED_TEACHER',
  'POLICE', 'MILITIA', 'STUDENT', 'OTHER',
]);

/** A community digital team (Tổ công nghệ số cộng đồng), set up by a decision of the commune chair. */
export const teams = pgTable(
  'teams',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    communeId: integer('commune_id').notNull().references(() => areas.id),
    name: text('name').notNull(),
    /** Number of the commune chair's decision that set the team up, e.g. "125/QĐ-UBND". */
    decisionNumber: text('decision_number'),
    foundedOn: date('founded_on'),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('teams_commune_idx').on(t.communeId)],
);

/** The hamlets a team serves: usually one, sometimes several small ones; a hamlet has one team. */
export const teamHamlets = pgTable(
  'team_hamlets',
  {
    teamId: integer('team_id').notNull().references(() => teams.id, { onDelete: 'cascade' }),
    hamletId: integer('hamlet_id').notNull().references(() => areas.id),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.hamletId] }), uniqueIndex('team_hamlets_hamlet_uq').on(t.hamletId)],
);

export const teamMembers = pgTable(
  'team_members',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    teamId: integer('team_id').notNull().references(() => teams.id, { onDelete: 'cascade' }),
    fullName: text('full_name').notNull(),
    phone: text('phone'),
    role: memberRole('role').notNull().default('MEMBER'),
    organisation: memberOrganisation('organisation').notNull().default('OTHER'),
    /** Đại sứ số. */
    isAmbassador: boolean('is_ambassador').notNull().default(false),
    active: boolean('active').notNull().default(true),
    joinedOn: date('joined_on'),
  },
  (t) => [
    index('team_members_team_idx').on(t.teamId),
    check('team_members_name_ck', sql`length(trim(${t.fullName})) > 0`),
  ],
);
