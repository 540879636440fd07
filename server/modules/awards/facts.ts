/*
 * The facts each eligibility rule needs, drawn from the monitoring data: households, residents and
 * skills (this module's queries), and for the team and ambassador rules the teams, targets and
 * activities modules (their services; no copy of their SQL here).
 *
 * A resident is taken to be a member of their hamlet's team when a member of a team serving that
 * hamlet has the same name (compared with nameKey: case, NFC/NFD and tone-mark placement do not
 * matter). Team members carry no resident code, so the name is the link the data offers.
 */
import type { Executor } from '../../db/client';
import { memberActivitySummaries } from '../activities/service';
import { nameKey } from '../areas/name-key';
import { parsePeriod, type PeriodRange } from '../targets/pace';
import { progressOfTeams } from '../targets/progress';
import { targetsOf } from '../targets/service';
import type { MemberRow, TeamRow } from '../teams/queries';
import { teamsByIds, teamsServingHamlets } from '../teams/service';
import { type AmbassadorFacts, type EligibilityFacts, type TargetLine, yearWindow } from './eligibility';
import { nomineeFacts } from './nomination-queries';
import { type AwardTitleCode, TITLES } from './titles';

export interface Subject {
  key: number;
  householdId: number | null;
  residentId: number | null;
  teamId: number | null;
}

/** The periods of the year (the year itself and its quarters) that have started by `asOf`. */
export function startedPeriods(year: number, asOf: string): PeriodRange[] {
  return [`${year}`, `${year}-Q1`, `${year}-Q2`, `${year}-Q3`, `${year}-Q4`]
    .map((p) => parsePeriod(p)!)
    .filter((r) => r.start <= asOf);
}

/** Every target given to each team for the year's started periods, with what it achieved up to `asOf`. */
export async function teamTargetLines(db: Executor, teams: readonly TeamRow[], year: number, asOf: string): Promise<Map<number, TargetLine[]>> {
  const lines = new Map<number, TargetLine[]>(teams.map((t) => [t.id, []]));
  if (teams.length === 0) return lines;
  const started = startedPeriods(year, asOf);
  // Progress is measured only for the periods and teams that were given targets.
  const given = await targetsOf(db, { periods: started.map((r) => r.period), teamIds: teams.map((t) => t.id) });
  for (const range of started) {
    const owners = teams.filter((t) => given.some((g) => g.period === range.period && g.teamId === t.id));
    if (owners.length === 0) continue;
    for (const progress of await progressOfTeams(db, owners, range, asOf)) {
      for (const l of progress.targets) {
        lines.get(progress.owner.id)!.push({ period: range.period, metric: l.metric, target: l.targetValue, achieved: l.achieved });
      }
    }
  }
  return lines;
}

/** The member of one of the hamlet's teams who bears the resident's name; an ambassador first when several do. */
function matchMember(residentName: string, hamletId: number, teams: readonly TeamRow[], members: readonly MemberRow[]) {
  const key = nameKey(residentName);
  const teamIds = new Set(teams.filter((t) => t.hamletIds.includes(hamletId)).map((t) => t.id));
  const found = members.filter((m) => teamIds.has(m.teamId) && m.active && nameKey(m.fullName) === key)
    .sort((a, b) => Number(b.isAmbassador) - Number(a.isAmbassador) || a.id - b.id);
  const member = found[0];
  return member ? { member, team: teams.find((t) => t.id === member.teamId)! } : null;
}

async function ambassadorFacts(
  db: Executor, residents: { key: number; name: string; hamletId: number }[], window: { from: string; to: string },
): Promise<Map<number, AmbassadorFacts>> {
  const result = new Map<number, AmbassadorFacts>();
  const { teams, members } = await teamsServingHamlets(db, [...new Set(residents.map((r) => r.hamletId))]);
  const matches = residents.map((r) => ({ key: r.key, match: matchMember(r.name, r.hamletId, teams, members) }));
  const ambassadors = matches.flatMap((m) => (m.match?.member.isAmbassador ? [m.match.member.id] : []));
  const logged = new Map((await memberActivitySummaries(db, ambassadors, window.from, window.to)).map((s) => [s.memberId, s]));
  for (const { key, match } of matches) {
    const s = match ? logged.get(match.member.id) : undefined;
    result.set(key, {
      member: match ? { teamName: match.team.name, isAmbassador: match.member.isAmbassador } : null,
      window,
      activities: { records: s?.records ?? 0, quantity: s?.quantity ?? 0, firstOn: s?.firstOn ?? null, lastOn: s?.lastOn ?? null },
    });
  }
  return result;
}

/** Facts for every subject (keyed by `key`), in a constant number of queries per rule. */
export async function gatherFacts(
  db: Executor, cycle: { title: AwardTitleCode; year: number }, subjects: readonly Subject[], asOf: string,
): Promise<Map<number, EligibilityFacts>> {
  const rules = TITLES[cycle.title].rules;
  const people = subjects.filter((s) => s.householdId !== null || s.residentId !== null);
  const rows = people.length ? await nomineeFacts(db, people.map(({ key, householdId, residentId }) => ({ key, householdId, residentId })), asOf) : [];
  const byKey = new Map(rows.map((r) => [r.key, r]));

  let ambassadors = new Map<number, AmbassadorFacts>();
  if (rules.includes('SUPPORT_ACTIVITY')) {
    const residents = rows.flatMap((r) => (r.residentName && r.hamletId ? [{ key: r.key, name: r.residentName, hamletId: r.hamletId }] : []));
    ambassadors = await ambassadorFacts(db, residents, yearWindow(cycle.year, asOf));
  }

  let targetLines = new Map<number, TargetLine[]>();
  if (rules.includes('TEAM_TARGETS_MET')) {
    const teams = await teamsByIds(db, [...new Set(subjects.flatMap((s) => (s.teamId === null ? [] : [s.teamId])))]);
    targetLines = await teamTargetLines(db, teams, cycle.year, asOf);
  }

  return new Map(subjects.map((s): [number, EligibilityFacts] => {
    const r = byKey.get(s.key);
    return [s.key, {
      year: cycle.year, asOf,
      periods: r?.periods ?? [], residentsTotal: r?.residentsTotal ?? 0, residentsPassed: r?.residentsPassed ?? 0,
      skillPassedOn: r?.skillPassedOn ?? null,
      supportActivities: ambassadors.get(s.key) ?? null,
      teamTargets: s.teamId === null ? null : { year: cycle.year, asOf, lines: targetLines.get(s.teamId) ?? [] },
    }];
  }));
}
