/** Eligibility from the monitoring data: checking submitted nominations, and suggesting candidates per commune. */
import { InvalidInputError } from '../../errors';
import { recordAudit } from '../access/audit';
import { requireAreaScope, requireRole } from '../access/policy';
import { Role } from '../access/roles';
import { teamsOfCommunes } from '../teams/service';
import { areaIdByCode } from './area-lookup';
import { assessEligibility, type EligibilityCheck, type TeamTargetFacts, yearWindow } from './eligibility';
import { gatherFacts, type Subject } from './facts';
import type { ServiceRequest } from '../access/request';
import { loadCycle } from './guards';
import { listNominations, saveEligibility } from './nomination-queries';
import { suggestHouseholds, suggestResidents } from './suggestion-queries';
import { TITLES } from './titles';
import { recordChange } from '../changes/service';

/** submitted → eligible / ineligible for every submitted nomination of the cycle, with the evidence kept. */
export async function checkCycleEligibility(ctx: ServiceRequest, cycleId: number) {
  const viewer = requireRole(ctx.viewer, [Role.PROVINCE_ADMIN]);
  const cycle = await loadCycle(ctx.db, cycleId);
  const asOf = ctx.today;
  return ctx.db.transaction(async (tx) => {
    await recordChange(tx, { kind: 'awards' });
    const submitted = await listNominations(tx, cycleId, { states: ['submitted'] });
    const facts = await gatherFacts(tx, cycle, submitted.map((n) => ({
      key: n.id, householdId: n.householdId, residentId: n.residentId, teamId: n.teamId })), asOf);
    const results = submitted.map((n) => ({ id: n.id, ...assessEligibility(cycle.title, facts.get(n.id)!) }));
    await saveEligibility(tx, results, asOf);
    for (const r of results) {
      await recordAudit(tx, viewer, { action: `award_nomination.${r.eligible ? 'eligible' : 'ineligible'}`,
        entity: 'award_nomination', entityId: r.id, before: { state: 'submitted' },
        after: { state: r.eligible ? 'eligible' : 'ineligible', checks: r.checks } });
    }
    return results;
  });
}

/**
 * Suggestions list households and residents by name: for the chair who nominates and the province
 * admin who runs the cycle. The province leader sees aggregates, not families (DOMAIN.md).
 */
export const SUGGESTION_READERS = [Role.COMMUNE_CHAIR, Role.PROVINCE_ADMIN];

export interface Suggestion {
  communeId: number;
  code: string;
  name: string;
  since: string | null;
  residentsPassed: number;
  teamId: number | null;
  eligibility: EligibilityCheck[];
}

/** Share of a team's targets achieved (each capped at its target), to rank teams that met them all. */
const completion = (t: TeamTargetFacts | null | undefined) => {
  const total = t?.lines.reduce((s, l) => s + l.target, 0) ?? 0;
  return total ? t!.lines.reduce((s, l) => s + Math.min(l.achieved, l.target), 0) / total : 0;
};

/**
 * The strongest eligible candidates of a commune, so the chair starts from the data: each with the
 * title's checks (reasons and evidence), not yet nominated in the cycle, at most three times the quota.
 */
export async function suggestedCandidates(ctx: ServiceRequest, cycleId: number, communeCode: string): Promise<Suggestion[]> {
  const communeId = await areaIdByCode(ctx.db, communeCode, 'commune');
  if (!communeId) throw new InvalidInputError(`Không tìm thấy xã mã ${communeCode}.`);
  await requireAreaScope(ctx.db, ctx.viewer, [communeId], SUGGESTION_READERS);
  const cycle = await loadCycle(ctx.db, cycleId);
  const window = yearWindow(cycle.year, ctx.today);
  const limit = cycle.quotaPerCommune * 3;
  const kind = TITLES[cycle.title].nominee;
  let rows: (Omit<Suggestion, 'eligibility'> & Subject)[];
  if (kind === 'team') {
    const nominated = new Set((await listNominations(ctx.db, cycle.id, { communeIds: [communeId] })).map((n) => n.teamId));
    rows = (await teamsOfCommunes(ctx.db, [communeId])).filter((t) => t.active && !nominated.has(t.id)).map((t) => ({
      key: t.id, communeId, code: String(t.id), name: t.name, since: t.foundedOn, residentsPassed: 0,
      householdId: null, residentId: null, teamId: t.id }));
  } else {
    const found = kind === 'household'
      ? await suggestHouseholds(ctx.db, cycle.id, [communeId], window, limit)
      : await suggestResidents(ctx.db, cycle.id, [communeId], window.to, limit);
    rows = found.map((r, i) => ({ ...r, key: i, teamId: null,
      householdId: kind === 'household' ? r.id : null, residentId: kind === 'resident' ? r.id : null }));
  }
  const facts = await gatherFacts(ctx.db, cycle, rows, ctx.today);
  const assessed = rows.map((r) => ({ row: r, facts: facts.get(r.key)!, ...assessEligibility(cycle.title, facts.get(r.key)!) }))
    .filter((a) => a.eligible);
  // Teams: the fullest completion first. Residents: ambassadors who logged the most support first.
  if (kind === 'team') assessed.sort((a, b) => completion(b.facts.teamTargets) - completion(a.facts.teamTargets));
  if (kind === 'resident') {
    assessed.sort((a, b) => (b.facts.supportActivities?.activities.quantity ?? 0) - (a.facts.supportActivities?.activities.quantity ?? 0));
  }
  return assessed.slice(0, limit).map(({ row, checks }) => ({
    communeId: row.communeId, code: row.code, name: row.name, since: row.since, residentsPassed: row.residentsPassed,
    teamId: row.teamId, eligibility: checks,
  }));
}
