/** Eligibility from the monitoring data: checking submitted nominations, and suggesting candidates per commune. */
import { InvalidInputError } from '../../errors';
import { recordAudit } from '../access/audit';
import { requireAreaScope, requireRole } from '../access/policy';
import { Role } from '../access/roles';
import { areaIdByCode } from './area-lookup';
import { assessEligibility, yearWindow } from './eligibility';
import { type AwardsContext, loadCycle } from './guards';
import { eligibilityFacts, listNominations, saveEligibility, tableExists } from './nomination-queries';
import { suggestHouseholds, suggestResidents } from './suggestion-queries';
import { TITLES } from './titles';

/**
 * Tables of the teams module (another branch). While they are absent, the ambassador and team
 * rules answer "chưa có dữ liệu" instead of failing the nominee.
 */
const SUPPORT_ACTIVITIES_TABLE = 'support_activities';

/** submitted → eligible / ineligible for every submitted nomination of the cycle, with the evidence kept. */
export async function checkCycleEligibility(ctx: AwardsContext, cycleId: number) {
  const viewer = requireRole(ctx.viewer, [Role.PROVINCE_ADMIN]);
  const cycle = await loadCycle(ctx.db, cycleId);
  const asOf = ctx.today;
  return ctx.db.transaction(async (tx) => {
    const submitted = await listNominations(tx, cycleId, { states: ['submitted'] });
    const facts = new Map((await eligibilityFacts(tx, submitted.map((n) => n.id), asOf)).map((f) => [f.nominationId, f]));
    // The support-activity rule stays unplugged until the teams module provides a per-person count.
    const teamsData = await tableExists(tx, SUPPORT_ACTIVITIES_TABLE);
    const results = submitted.map((n) => {
      const f = facts.get(n.id)!;
      const { eligible, checks } = assessEligibility(cycle.title, {
        year: cycle.year, asOf, periods: f.periods, residentsTotal: f.residentsTotal, residentsPassed: f.residentsPassed,
        skillPassedOn: f.skillPassedOn, supportActivities: null, teamTargets: null,
      });
      return { id: n.id, eligible, checks };
    });
    await saveEligibility(tx, results, asOf);
    for (const r of results) {
      await recordAudit(tx, viewer, { action: `award_nomination.${r.eligible ? 'eligible' : 'ineligible'}`,
        entity: 'award_nomination', entityId: r.id, before: { state: 'submitted' },
        after: { state: r.eligible ? 'eligible' : 'ineligible', checks: r.checks, teamsData } });
    }
    return results;
  });
}

/**
 * Suggestions list households and residents by name: for the chair who nominates and the province
 * admin who runs the cycle. The province leader sees aggregates, not families (DOMAIN.md).
 */
export const SUGGESTION_READERS = [Role.COMMUNE_CHAIR, Role.PROVINCE_ADMIN];

/** The strongest eligible candidates of a commune, so the chair starts from the data. */
export async function suggestedCandidates(ctx: AwardsContext, cycleId: number, communeCode: string) {
  const communeId = await areaIdByCode(ctx.db, communeCode, 'commune');
  if (!communeId) throw new InvalidInputError(`Không tìm thấy xã mã ${communeCode}.`);
  await requireAreaScope(ctx.db, ctx.viewer, [communeId], SUGGESTION_READERS);
  const cycle = await loadCycle(ctx.db, cycleId);
  const window = yearWindow(cycle.year, ctx.today);
  const limit = cycle.quotaPerCommune * 3;
  switch (TITLES[cycle.title].nominee) {
    case 'household': return suggestHouseholds(ctx.db, cycle.id, [communeId], window, limit);
    case 'resident': return suggestResidents(ctx.db, cycle.id, [communeId], window.to, limit);
    default: return [];
  }
}
