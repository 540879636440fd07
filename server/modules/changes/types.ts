/*
 * What changed, where: the events committed writes publish (server/db/changes.ts carries them),
 * read by the response cache (server/graphql/response-cache.ts) and, later, by subscriptions.
 */

/** The kinds of data a write touches; a cached answer is tagged with the kinds it read. */
export const CHANGE_KINDS = [
  /** Households, residents, criteria met, skill assessments and the indicator aggregates over them. */
  'households',
  /** Support activities logged by the community digital teams. */
  'activities',
  /** Targets given to communes and teams. */
  'targets',
  /** Teams, their members and the hamlets they cover. */
  'teams',
  'campaigns',
  'markets',
  /** Award cycles, nominations, reviews, decisions and certificates. */
  'awards',
  /** Quarter reviews (closeQuarter's snapshots). */
  'reviews',
  /** The administrative units themselves (names, hierarchy, boundaries). */
  'areas',
] as const;

export type ChangeKind = (typeof CHANGE_KINDS)[number];

/**
 * One committed transaction's changes: per kind, the codes of the areas touched AND of all their
 * ancestors (a change in a hamlet changes its commune's and its province's figures too), or
 * 'all' when every area may be affected.
 */
export type Changes = Partial<Record<ChangeKind, readonly string[] | 'all'>>;

/** A listener hears of each committed change; `everything` when it cannot know what changed (a lost connection). */
export type ChangeListener = (changes: Changes | 'everything') => void;

export const isChangeKind = (value: unknown): value is ChangeKind => (CHANGE_KINDS as readonly unknown[]).includes(value);
