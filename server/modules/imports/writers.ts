/** The writes of each file kind, inside the import transaction, keeping the aggregates right. */
import type { Tx } from '../../db/client';
import { refreshAncestry } from '../areas/service';
import { nameKey } from '../areas/name-key';
import { householdsByCodes, lockForRecount, rebuildAggregates, withAggregates } from '../indicators/aggregates';
import {
  type CriterionWrite, ensureDefaultCriteria, householdsOfResidents, linkAreaParents, markCriteriaLost, markCriteriaMet,
  type ResidentWrite, upsertAreas, upsertAssessments, upsertHouseholds, upsertResidents,
} from './queries';
import type { AreaRecord, AssessmentRecord, HouseholdRecord } from './types';
import { CRITERION_COLUMNS } from './types';

export const VERIFIED_BY_IMPORT = 'Nhập từ tệp CSV';

/**
 * From this many households in a file on, the aggregates are recounted in full after the writes:
 * diffing every household's events before and after costs far more than a recount at that size.
 */
export const BULK_HOUSEHOLDS = 5_000;

/**
 * Runs `change` on these households and brings the aggregates up to date in the same transaction.
 * Either way the locks come before the writes (lock order of every writer: recount lock, hamlets,
 * rows, aggregate lock).
 */
async function keepingAggregates<T>(tx: Tx, codes: readonly string[], bulkFrom: number, change: () => Promise<T>): Promise<T> {
  if (codes.length < bulkFrom) return withAggregates(tx, householdsByCodes(codes), change);
  await lockForRecount(tx);
  const result = await change();
  await rebuildAggregates(tx);
  return result;
}

/** Number of rows inserted; the other rows of the file updated existing ones. */
export async function writeAreas(tx: Tx, records: readonly AreaRecord[]): Promise<number> {
  const rows = records.map((r) => ({
    code: r.code, name: r.name, name_key: nameKey(r.name), level: r.level, kind: r.kind, parent_code: r.parentCode,
  }));
  await lockForRecount(tx);
  const inserted = await upsertAreas(tx, rows);
  await linkAreaParents(tx, rows);
  // A hamlet may have moved to another commune: the closure and every roll-up are recomputed.
  await refreshAncestry(tx);
  await rebuildAggregates(tx);
  return inserted;
}

export async function writeHouseholds(
  tx: Tx, records: readonly HouseholdRecord[], today: string, bulkFrom = BULK_HOUSEHOLDS,
): Promise<number> {
  const codes = records.map((r) => r.code);
  const met: CriterionWrite[] = [];
  const empty: CriterionWrite[] = [];
  for (const r of records) {
    for (const criterion of CRITERION_COLUMNS) {
      const metOn = r.criteria[criterion];
      (metOn ? met : empty).push({ code: r.code, criterion, met_on: metOn });
    }
  }
  await ensureDefaultCriteria(tx);
  return keepingAggregates(tx, codes, bulkFrom, async () => {
    const inserted = await upsertHouseholds(tx, records.map((r) => ({
      code: r.code, hamlet_code: r.hamletCode, head_name: r.headName, members: r.members,
    })));
    await markCriteriaMet(tx, met, VERIFIED_BY_IMPORT);
    await markCriteriaLost(tx, empty, today);
    return inserted;
  });
}

/** One row per resident, with the target group of their latest assessment in the file. */
export function residentsOf(records: readonly AssessmentRecord[]): ResidentWrite[] {
  const latest = new Map<string, AssessmentRecord>();
  for (const r of records) {
    const seen = latest.get(r.residentCode);
    if (!seen || r.assessedOn >= seen.assessedOn) latest.set(r.residentCode, r);
  }
  return [...latest.values()].map((r) => ({
    code: r.residentCode, household_code: r.householdCode, full_name: r.fullName, birth_year: r.birthYear, target_group: r.targetGroup,
  }));
}

export async function writeAssessments(tx: Tx, records: readonly AssessmentRecord[], bulkFrom = BULK_HOUSEHOLDS): Promise<number> {
  const residents = residentsOf(records);
  // The households residents leave are refreshed too, not only those they are listed under.
  const previous = await householdsOfResidents(tx, residents.map((r) => r.code));
  const households = [...new Set([...records.map((r) => r.householdCode), ...previous])];
  return keepingAggregates(tx, households, bulkFrom, async () => {
    await upsertResidents(tx, residents);
    return upsertAssessments(tx, records.map((r) => ({
      resident_code: r.residentCode, target_group: r.targetGroup, result: r.result, assessed_on: r.assessedOn,
    })));
  });
}
