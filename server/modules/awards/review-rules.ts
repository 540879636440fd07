/*
 * Committee results, pure: weighted scores, quorum, approval and ranking within quota.
 *
 * A recused member (declared, or flagged for living in the nominee's commune) is not a voter on
 * that nomination: quorum and approval are counted over the members who may vote on it.
 * Integer arithmetic, so the boundaries (exactly two thirds, exactly 90 %) are exact.
 */
import type { RubricCriterion } from './schema';

export type ApprovalRuleCode = 'MAJORITY_OF_ALL' | 'NINETY_PERCENT_OF_ALL';

export interface Sheet {
  recused: boolean;
  submitted: boolean;
  vote: 'FOR' | 'AGAINST' | null;
  scores: Record<string, number>;
}

export interface TallySettings {
  members: number;
  quorum: { numerator: number; denominator: number };
  approvalRule: ApprovalRuleCode;
}

export interface Tally {
  voters: number;
  recused: number;
  ballots: number;
  votesFor: number;
  votesAgainst: number;
  quorumMet: boolean;
  approved: boolean;
  /** Mean of the submitted sheets' weighted scores (0–10), null without any. */
  score: number | null;
}

export const MAX_SCORE = 10;

/** Σ weight × score / Σ weight; every criterion of the rubric must be scored 0–10. */
export function weightedScore(rubric: readonly RubricCriterion[], scores: Record<string, number>): number {
  const totalWeight = rubric.reduce((s, c) => s + c.weight, 0);
  return rubric.reduce((s, c) => s + c.weight * (scores[c.code] ?? 0), 0) / totalWeight;
}

export function missingScores(rubric: readonly RubricCriterion[], scores: Record<string, number>): string[] {
  return rubric.filter((c) => {
    const v = scores[c.code];
    return v === undefined || !Number.isFinite(v) || v < 0 || v > MAX_SCORE;
  }).map((c) => c.label);
}

export function quorumMet(ballots: number, voters: number, q: TallySettings['quorum']): boolean {
  return voters > 0 && ballots * q.denominator >= voters * q.numerator;
}

export function approvalMet(votesFor: number, voters: number, rule: ApprovalRuleCode): boolean {
  if (voters === 0) return false;
  return rule === 'MAJORITY_OF_ALL' ? votesFor * 2 > voters : votesFor * 10 >= voters * 9;
}

export function tally(rubric: readonly RubricCriterion[], sheets: readonly Sheet[], settings: TallySettings): Tally {
  const recused = sheets.filter((s) => s.recused).length;
  const voters = settings.members - recused;
  const cast = sheets.filter((s) => s.submitted && !s.recused && s.vote !== null);
  const votesFor = cast.filter((s) => s.vote === 'FOR').length;
  const quorum = quorumMet(cast.length, voters, settings.quorum);
  return {
    voters,
    recused,
    ballots: cast.length,
    votesFor,
    votesAgainst: cast.length - votesFor,
    quorumMet: quorum,
    approved: quorum && approvalMet(votesFor, voters, settings.approvalRule),
    score: cast.length ? cast.reduce((s, c) => s + weightedScore(rubric, c.scores), 0) / cast.length : null,
  };
}

export interface Ranked<T> {
  item: T;
  rank: number;
  withinQuota: boolean;
}

/**
 * Approved nominations ranked by score (competition ranking, 1, 2, 2, 4), then taken in rank order
 * while the commune's and the total quota allow. A tie that would overflow a quota takes none of
 * the tied: the committee has to break it.
 */
export function rankWithinQuota<T extends { id: number; communeId: number; score: number | null; approved: boolean }>(
  items: readonly T[], quotaPerCommune: number, quotaTotal: number,
): Ranked<T>[] {
  const approved = items.filter((i) => i.approved).sort((a, b) => (b.score ?? 0) - (a.score ?? 0) || a.id - b.id);
  const ranked = approved.map((item) => ({
    item, rank: 1 + approved.filter((o) => (o.score ?? 0) > (item.score ?? 0)).length, withinQuota: false,
  }));
  const perCommune = new Map<number, number>();
  let total = 0;
  for (let i = 0; i < ranked.length;) {
    const group = ranked.filter((r) => r.rank === ranked[i]!.rank);
    const byCommune = new Map<number, number>();
    group.forEach((r) => byCommune.set(r.item.communeId, (byCommune.get(r.item.communeId) ?? 0) + 1));
    const candidates = group.filter((r) => (perCommune.get(r.item.communeId) ?? 0) + byCommune.get(r.item.communeId)! <= quotaPerCommune);
    if (total + candidates.length <= quotaTotal) {
      candidates.forEach((r) => {
        r.withinQuota = true;
        perCommune.set(r.item.communeId, (perCommune.get(r.item.communeId) ?? 0) + 1);
      });
      total += candidates.length;
    }
    i += group.length;
  }
  return ranked;
}
