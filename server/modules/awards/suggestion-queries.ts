/** Suggested candidates: the strongest eligible households or residents per commune, straight from the data. */
import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/client';
import { areaRows } from '../areas/subqueries';
import { digitalFamilyPeriods, householdRows, residentRows, skillPasses } from '../households/subqueries';

export interface SuggestionRow {
  /** The household's id (household titles) or the resident's. */
  id: number;
  communeId: number;
  code: string;
  name: string;
  /** Gia đình số since (households) or skills passed on (residents). */
  since: string;
  residentsPassed: number;
}

const ids = (list: readonly number[]) => sql`(select (jsonb_array_elements_text(${JSON.stringify(list)}::jsonb))::int)`;

/** Households that were a Gia đình số over the whole window, longest first, `perCommune` per commune. */
export function suggestHouseholds(db: Executor, cycleId: number, communeIds: number[], window: { from: string; to: string }, perCommune: number) {
  // Rank first, then count the skilled members of the few households kept.
  return queryRows<SuggestionRow>(db, sql`
    select ranked.id, ranked."communeId", ranked.code, ranked.name, ranked.since,
      (select count(*)::int from ${residentRows} r join ${skillPasses} s on s.resident_id = r.id
        where r.household_id = ranked.id and s.passed_on <= ${window.to}) as "residentsPassed"
    from (
      select h.id, hamlet.parent_id as "communeId", h.code, h.head_name as name, p.starts_on::text as since,
        row_number() over (partition by hamlet.parent_id order by p.starts_on, h.code) as position
      from ${areaRows} hamlet
      join ${householdRows} h on h.hamlet_id = hamlet.id
      join ${digitalFamilyPeriods} p on p.household_id = h.id
      where hamlet.parent_id in ${ids(communeIds)}
        and p.starts_on <= ${window.from} and (p.ends_on is null or p.ends_on > ${window.to})
        and not exists (select 1 from award_nominations n where n.cycle_id = ${cycleId} and n.household_id = h.id)
    ) ranked where position <= ${perCommune} order by "communeId", position`);
}

/** Residents who passed the skills test and live in a Gia đình số, earliest pass first. */
export function suggestResidents(db: Executor, cycleId: number, communeIds: number[], asOf: string, perCommune: number) {
  return queryRows<SuggestionRow>(db, sql`
    select id, "communeId", code, name, since, 1 as "residentsPassed" from (
      select r.id, hamlet.parent_id as "communeId", r.code, r.full_name as name, s.passed_on::text as since,
        row_number() over (partition by hamlet.parent_id order by s.passed_on, r.code) as position
      from ${areaRows} hamlet
      join ${householdRows} h on h.hamlet_id = hamlet.id
      join ${digitalFamilyPeriods} p on p.household_id = h.id
        and p.starts_on <= ${asOf} and (p.ends_on is null or p.ends_on > ${asOf})
      join ${residentRows} r on r.household_id = h.id
      join ${skillPasses} s on s.resident_id = r.id and s.passed_on <= ${asOf}
      where hamlet.parent_id in ${ids(communeIds)}
        and not exists (select 1 from award_nominations n where n.cycle_id = ${cycleId} and n.resident_id = r.id)
    ) ranked where position <= ${perCommune} order by "communeId", position`);
}
