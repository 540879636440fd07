/*
 * Progress against targets and early warning. Logged metrics come from the activity daily totals;
 * NEW_DIGITAL_FAMILIES comes from the household data (indicators' countsAt at the period's start
 * and end), never from what teams report.
 */
import type { Executor } from '../../db/client';
import { requireAreaScope, requireViewer } from '../access/policy';
import type { ServiceRequest } from '../access/request';
import { PROVINCE_ROLES, Role } from '../access/roles';
import type { AreaSummary } from '../areas/queries';
import { currentChildren, requireAreaByCode, requireCommune } from '../areas/service';
import { loggedByArea, loggedByTeam } from '../activities/service';
import { areaCountsAt } from '../indicators/service';
import { fraction, rankAreas } from '../indicators/ranking';
import type { TeamRow } from '../teams/queries';
import { getTeam, TEAM_READERS, teamsOfCommunes, teamsUnder } from '../teams/service';
import { dayBefore, type PeriodRange, projectPace, targetCompletion } from './pace';
import { findTargets, type TargetRow } from './queries';
import { requirePeriod } from './service';
import { TargetMetric } from '../activities/metrics';
import type { PaceStatus } from './types';

type Achieved = Map<number, Map<TargetMetric, number>>;

const COMMUNE_READERS = TEAM_READERS.filter((r) => r !== Role.TEAM_LEADER);

function add(map: Achieved, owner: number, metric: TargetMetric, quantity: number) {
  const inner = map.get(owner) ?? new Map<TargetMetric, number>();
  inner.set(metric, (inner.get(metric) ?? 0) + quantity);
  map.set(owner, inner);
}

/** The days a progress reading covers: the period up to asOf; null before the period starts. */
const window = (range: PeriodRange, asOf: string) => (asOf < range.start ? null : { from: range.start, to: asOf < range.end ? asOf : range.end });

/** Digital families gained over the window, per area: as of its last day minus the eve of its first. */
async function digitalFamiliesGained(db: Executor, areaIds: number[], from: string, to: string): Promise<Map<number, number>> {
  const baseline = dayBefore(from);
  const rows = await areaCountsAt(db, areaIds, [baseline, to]);
  const gained = new Map<number, number>();
  for (const r of rows) gained.set(r.areaId, (gained.get(r.areaId) ?? 0) + (r.asOf === to ? r.digitalFamilies : -r.digitalFamilies));
  return gained;
}

export async function achievedByTeam(db: Executor, teams: readonly TeamRow[], range: PeriodRange, asOf: string): Promise<Achieved> {
  const result: Achieved = new Map();
  const w = window(range, asOf);
  if (!w || teams.length === 0) return result;
  for (const s of await loggedByTeam(db, teams.map((t) => t.id), w.from, w.to)) add(result, s.ownerId, s.metric as TargetMetric, s.quantity);
  const gained = await digitalFamiliesGained(db, teams.flatMap((t) => t.hamletIds), w.from, w.to);
  for (const t of teams) add(result, t.id, TargetMetric.NEW_DIGITAL_FAMILIES, t.hamletIds.reduce((s, h) => s + (gained.get(h) ?? 0), 0));
  return result;
}

export async function achievedByArea(db: Executor, areaIds: readonly number[], range: PeriodRange, asOf: string): Promise<Achieved> {
  const result: Achieved = new Map();
  const w = window(range, asOf);
  if (!w || areaIds.length === 0) return result;
  for (const s of await loggedByArea(db, areaIds, w.from, w.to)) add(result, s.ownerId, s.metric as TargetMetric, s.quantity);
  for (const [id, n] of await digitalFamiliesGained(db, [...areaIds], w.from, w.to)) add(result, id, TargetMetric.NEW_DIGITAL_FAMILIES, n);
  return result;
}

export interface ProgressLine {
  metric: TargetMetric;
  target: TargetRow | null;
  targetValue: number;
  achieved: number;
  completion: number;
  elapsedShare: number;
  projected: number | null;
  status: PaceStatus;
}

function line(metric: TargetMetric, target: TargetRow | null, targetValue: number, achieved: number, range: PeriodRange, asOf: string): ProgressLine {
  const pace = projectPace({ achieved, target: targetValue, range, asOf });
  return { metric, target, targetValue, achieved, completion: Math.min(1, achieved / targetValue), ...pace, status: pace.status as PaceStatus };
}

function summarise<T>(owner: T, period: string, lines: ProgressLine[]) {
  const completion = targetCompletion(lines.map((l) => ({ achieved: l.achieved, target: l.targetValue })));
  return { owner, period, targets: lines, completion, atRisk: lines.some((l) => l.status === 'AT_RISK') };
}

/** Progress of many teams in a constant number of queries. */
export async function progressOfTeams(db: Executor, teams: readonly TeamRow[], range: PeriodRange, asOf: string) {
  const targets = teams.length ? await findTargets(db, { periods: [range.period], teamIds: teams.map((t) => t.id) }) : [];
  const achieved = await achievedByTeam(db, teams, range, asOf);
  return teams.map((team) => summarise(team, range.period, targets.filter((t) => t.teamId === team.id).map((t) =>
    line(t.metric as TargetMetric, t, t.value, achieved.get(team.id)?.get(t.metric as TargetMetric) ?? 0, range, asOf))));
}

/** Progress of communes against the targets the province gave them. */
export async function progressOfCommunes(db: Executor, communes: readonly AreaSummary[], range: PeriodRange, asOf: string) {
  const ids = communes.map((c) => c.id);
  const targets = ids.length ? await findTargets(db, { periods: [range.period], communeIds: ids }) : [];
  const achieved = await achievedByArea(db, ids, range, asOf);
  return communes.map((c) => summarise(c, range.period, targets.filter((t) => t.communeId === c.id).map((t) =>
    line(t.metric as TargetMetric, t, t.value, achieved.get(c.id)?.get(t.metric as TargetMetric) ?? 0, range, asOf))));
}

export async function teamProgress(request: ServiceRequest, teamId: number, period: string, asOf: string) {
  const team = await getTeam(request, teamId);
  const { db } = request;
  const [progress] = await progressOfTeams(db, [team], requirePeriod(period), asOf);
  return progress!;
}

/** Every team of a commune (or the viewer's own teams when they lead a team). */
export async function teamsProgress({ db, viewer }: ServiceRequest, communeCode: string, period: string, asOf: string) {
  const commune = await requireCommune(db, communeCode);
  const v = requireViewer(viewer);
  if (v.role === Role.TEAM_LEADER) {
    const own = (await teamsUnder(db, v.areaIds)).filter((t) => t.communeId === commune.id);
    return progressOfTeams(db, own, requirePeriod(period), asOf);
  }
  await requireAreaScope(db, viewer, [commune.id], COMMUNE_READERS);
  return progressOfTeams(db, await teamsOfCommunes(db, [commune.id]), requirePeriod(period), asOf);
}

export async function communeProgress({ db, viewer }: ServiceRequest, communeCode: string, period: string, asOf: string) {
  const commune = await requireCommune(db, communeCode);
  await requireAreaScope(db, viewer, [commune.id], COMMUNE_READERS);
  const [progress] = await progressOfCommunes(db, [commune], requirePeriod(period), asOf);
  return progress!;
}

/** The province: per metric, the sum of its communes' targets against what the whole province achieved. */
export async function provinceProgress({ db, viewer }: ServiceRequest, provinceCode: string, period: string, asOf: string) {
  const province = await requireAreaByCode(db, provinceCode);
  await requireAreaScope(db, viewer, [province.id], PROVINCE_ROLES);
  const range = requirePeriod(period);
  const communes = await currentChildren(db, province.id, 'commune');
  const targets = communes.length ? await findTargets(db, { periods: [period], communeIds: communes.map((c) => c.id) }) : [];
  const achievedAll = await achievedByArea(db, [province.id, ...communes.map((c) => c.id)], range, asOf);
  const lines = Object.values(TargetMetric).flatMap((metric) => {
    const ofMetric = targets.filter((t) => t.metric === metric);
    if (ofMetric.length === 0) return [];
    const sum = ofMetric.reduce((s, t) => s + t.value, 0);
    return [line(metric, null, sum, achievedAll.get(province.id)?.get(metric) ?? 0, range, asOf)];
  });
  // TARGET_COMPLETION of the province caps each commune target, so one commune's surplus cannot hide another's shortfall.
  const capped = targetCompletion(targets.map((t) => ({ target: t.value, achieved: achievedAll.get(t.communeId!)?.get(t.metric as TargetMetric) ?? 0 })));
  return { ...summarise(province, period, lines), completion: capped };
}

/** Teams and communes with at least one target at risk at the current pace. */
export async function atRisk({ db, viewer }: ServiceRequest, q: { period: string; asOf: string; communeCode?: string; provinceCode: string }) {
  const range = requirePeriod(q.period);
  if (q.communeCode) {
    const commune = await requireCommune(db, q.communeCode);
    await requireAreaScope(db, viewer, [commune.id], COMMUNE_READERS);
    const teams = await progressOfTeams(db, await teamsOfCommunes(db, [commune.id]), range, q.asOf);
    const communes = await progressOfCommunes(db, [commune], range, q.asOf);
    return { teams: teams.filter((t) => t.atRisk), communes: communes.filter((c) => c.atRisk) };
  }
  const province = await requireAreaByCode(db, q.provinceCode);
  await requireAreaScope(db, viewer, [province.id], PROVINCE_ROLES);
  const communeRows = await currentChildren(db, province.id, 'commune');
  const communes = await progressOfCommunes(db, communeRows, range, q.asOf);
  const teams = await progressOfTeams(db, await teamsOfCommunes(db, communeRows.map((c) => c.id)), range, q.asOf);
  return { teams: teams.filter((t) => t.atRisk), communes: communes.filter((c) => c.atRisk) };
}

/** Target-completion leaderboard of teams (public: team names and rates only). */
export async function teamLeaderboard({ db }: ServiceRequest, q: { period: string; asOf: string; communeCode?: string }) {
  const range = requirePeriod(q.period);
  const communeIds = q.communeCode ? [(await requireCommune(db, q.communeCode)).id] : null;
  const teams = (await teamsOfCommunes(db, communeIds)).filter((t) => t.active);
  const progress = await progressOfTeams(db, teams, range, q.asOf);
  // The minimum-households rule is for areas; a team is unranked only when it has no target.
  const ranked = rankAreas(progress.map((p) => ({
    name: p.owner.name, households: 0, progress: p,
    score: p.completion.denominator > 0 ? fraction(p.completion.numerator, p.completion.denominator) : null,
  })), { minHouseholds: 0 });
  return ranked.map(({ item, rank }) => ({ rank, team: item.progress.owner, completion: item.progress.completion }));
}
