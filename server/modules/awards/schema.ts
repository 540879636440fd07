/** Tables of the yearly award cycles: cycles, committee, nominations, evidence, comments, reviews, decisions, certificates. */
import { sql } from 'drizzle-orm';
import {
  boolean, check, customType, date, index, integer, jsonb, pgEnum, pgTable, primaryKey, smallint, text, timestamp, unique,
} from 'drizzle-orm/pg-core';
import { users } from '../access/schema';
import { areas } from '../areas/schema';
import { households, residents } from '../households/schema';
import { teams } from '../teams/schema';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});

export const awardTitle = pgEnum('award_title', [
  'GIA_DINH_SO_TIEU_BIEU', 'CONG_DAN_SO_DIEN_HINH', 'TO_CDS_TIEU_BIEU', 'GIA_DINH_HOC_TAP_SO',
]);
export const approvalRule = pgEnum('award_approval_rule', ['MAJORITY_OF_ALL', 'NINETY_PERCENT_OF_ALL']);
export const decidingLevel = pgEnum('award_deciding_level', ['COMMUNE_CHAIR', 'PROVINCIAL_COUNCIL']);
export const nominationState = pgEnum('award_nomination_state', [
  'draft', 'submitted', 'eligible', 'ineligible', 'under_review', 'posted', 'approved', 'rejected',
]);
export const ballot = pgEnum('award_ballot', ['FOR', 'AGAINST']);

export interface RubricCriterion {
  code: string;
  label: string;
  weight: number;
}

export const awardCycles = pgTable(
  'award_cycles',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    provinceId: integer('province_id').notNull().references(() => areas.id),
    title: awardTitle('title').notNull(),
    year: smallint('year').notNull(),
    name: text('name').notNull(),
    nominationOpensOn: date('nomination_opens_on').notNull(),
    nominationClosesOn: date('nomination_closes_on').notNull(),
    /** The day the cycle must be finished (decision recorded); before 25 November of `year`. */
    closesOn: date('closes_on').notNull(),
    quotaPerCommune: smallint('quota_per_commune').notNull(),
    quotaTotal: smallint('quota_total').notNull(),
    rubric: jsonb('rubric').$type<RubricCriterion[]>().notNull(),
    /** Quorum as a fraction of the members voting on a nomination (default 2/3). */
    quorumNumerator: smallint('quorum_numerator').notNull().default(2),
    quorumDenominator: smallint('quorum_denominator').notNull().default(3),
    approvalRule: approvalRule('approval_rule').notNull().default('MAJORITY_OF_ALL'),
    decidingLevel: decidingLevel('deciding_level').notNull(),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('award_cycles_title_year_uq').on(t.provinceId, t.title, t.year),
    check('award_cycles_window_ck', sql`${t.nominationOpensOn} <= ${t.nominationClosesOn} and ${t.nominationClosesOn} < ${t.closesOn}`),
    check('award_cycles_quota_ck', sql`${t.quotaPerCommune} > 0 and ${t.quotaTotal} >= ${t.quotaPerCommune}`),
  ],
);

/** Committee members of a cycle (users with role COMMITTEE_MEMBER); one of them chairs. */
export const awardCycleMembers = pgTable(
  'award_cycle_members',
  {
    cycleId: integer('cycle_id').notNull().references(() => awardCycles.id, { onDelete: 'cascade' }),
    userId: integer('user_id').notNull().references(() => users.id),
    isChair: boolean('is_chair').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.cycleId, t.userId] })],
);

/** Evidence of a check: dates and figures, possibly a list of lines (targets per metric). */
export type EvidenceValue = string | number | null | EvidenceValue[] | { [key: string]: EvidenceValue };

export interface EligibilityCheckRecord {
  rule: string;
  label: string;
  /** NOT_APPLICABLE: the rule does not concern this nominee (e.g. the activity rule for someone who is not an ambassador). */
  status: 'PASSED' | 'FAILED' | 'NO_DATA' | 'NOT_APPLICABLE';
  reason: string;
  evidence: Record<string, EvidenceValue>;
}

export const awardNominations = pgTable(
  'award_nominations',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    cycleId: integer('cycle_id').notNull().references(() => awardCycles.id, { onDelete: 'cascade' }),
    communeId: integer('commune_id').notNull().references(() => areas.id),
    householdId: integer('household_id').references(() => households.id),
    residentId: integer('resident_id').references(() => residents.id),
    /** A team nominee (Tổ công nghệ số cộng đồng); its name is kept as it was when nominated. */
    teamId: integer('team_id').references(() => teams.id),
    teamName: text('team_name'),
    nomineeName: text('nominee_name').notNull(),
    justification: text('justification').notNull(),
    state: nominationState('state').notNull().default('draft'),
    eligibility: jsonb('eligibility').$type<EligibilityCheckRecord[]>(),
    eligibilityCheckedOn: date('eligibility_checked_on'),
    postedOn: date('posted_on'),
    postingEndsOn: date('posting_ends_on'),
    nominatedBy: integer('nominated_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('award_nominations_cycle_idx').on(t.cycleId, t.communeId),
    unique('award_nominations_household_uq').on(t.cycleId, t.householdId),
    unique('award_nominations_resident_uq').on(t.cycleId, t.residentId),
    unique('award_nominations_team_uq').on(t.cycleId, t.teamId),
    check('award_nominations_one_nominee_ck',
      sql`num_nonnulls(${t.householdId}, ${t.residentId}, ${t.teamId}) = 1`),
    check('award_nominations_team_name_ck', sql`(${t.teamId} is null) = (${t.teamName} is null)`),
  ],
);

/** Text or photo evidence; photos are kept in the database (≤ 2 MB, JPEG/PNG/WebP). */
export const awardEvidence = pgTable(
  'award_evidence',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    nominationId: integer('nomination_id').notNull().references(() => awardNominations.id, { onDelete: 'cascade' }),
    note: text('note'),
    mimeType: text('mime_type'),
    content: bytea('content'),
    byteSize: integer('byte_size'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('award_evidence_nomination_idx').on(t.nominationId),
    check('award_evidence_size_ck', sql`${t.byteSize} is null or ${t.byteSize} <= 2097152`),
  ],
);

/** Anonymous comments from citizens during the 10-day public posting. */
export const awardComments = pgTable(
  'award_comments',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    nominationId: integer('nomination_id').notNull().references(() => awardNominations.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * Who wrote it, as far as comments per writer need: a hash of the nomination and the client's
     * address (no address is stored, and one writer's comments on two nominations do not match).
     */
    authorKey: text('author_key'),
    /** Hidden by the province admin or the committee (spam, abuse): no longer shown or counted. */
    hiddenAt: timestamp('hidden_at', { withTimezone: true }),
    hiddenBy: integer('hidden_by').references(() => users.id),
    hiddenReason: text('hidden_reason'),
  },
  (t) => [index('award_comments_nomination_idx').on(t.nominationId, t.authorKey)],
);

/** A member's sheet for one nomination: scores and ballot, or a recusal. Locked once submitted. */
export const awardReviews = pgTable(
  'award_reviews',
  {
    nominationId: integer('nomination_id').notNull().references(() => awardNominations.id, { onDelete: 'cascade' }),
    memberId: integer('member_id').notNull().references(() => users.id),
    scores: jsonb('scores').$type<Record<string, number>>().notNull().default({}),
    vote: ballot('vote'),
    recused: boolean('recused').notNull().default(false),
    conflictNote: text('conflict_note'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.nominationId, t.memberId] })],
);

/** The decision (quyết định); per cycle at province level, per commune when the commune chair decides. */
export const awardDecisions = pgTable(
  'award_decisions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    cycleId: integer('cycle_id').notNull().references(() => awardCycles.id, { onDelete: 'cascade' }),
    communeId: integer('commune_id').references(() => areas.id),
    number: text('number').notNull(),
    decidedOn: date('decided_on').notNull(),
    signer: text('signer').notNull(),
    recordedBy: integer('recorded_by').references(() => users.id),
  },
  (t) => [unique('award_decisions_scope_uq').on(t.cycleId, t.communeId).nullsNotDistinct()],
);

export const awardCertificates = pgTable(
  'award_certificates',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    code: text('code').notNull().unique(),
    nominationId: integer('nomination_id').notNull().unique().references(() => awardNominations.id),
    decisionId: integer('decision_id').notNull().references(() => awardDecisions.id),
    revokedOn: date('revoked_on'),
    revokedReason: text('revoked_reason'),
  },
);
