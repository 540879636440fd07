/*
 * Quarterly review (sơ kết quý): closing a quarter freezes every area's indicator counts and every
 * target with its achievement at the quarter's end. Later edits change the live figures, never the
 * snapshot; closed quarters are compared with each other.
 */
import type { Db, Executor } from '../../db/client';
import { ConflictError, InvalidInputError, NotFoundError } from '../../errors';
import { recordAudit } from '../access/audit';
import { requireAreaScope, requireRole } from '../access/policy';
import type { ServiceRequest } from '../access/request';
import { Role } from '../access/roles';
import { areasByIds, currentAreaIdsAt, listAreasUnder, requireAreaByCode } from '../areas/service';
import { areaCountsAt } from '../indicators/service';
import { TEAM_READERS, teamsByIds } from '../teams/service';
import { isQuarter, targetCompletion } from '../targets/pace';
import { achievedByArea, achievedByTeam } from '../targets/progress';
import { requirePeriod, targetsOf, teamTargetsOfCommunes } from '../targets/service';
import type { TargetMetric } from '../activities/metrics';
import {
  findAreaSnapshots, findCommuneTargetSnapshots, findReview, findReviews, insertAreaSnapshots, insertReview,
  insertTargetSnapshots, type TargetSnapshotRow,
} from './queries';
import { recordChange } from '../changes/service';

export async function closeQuarter({ db, viewer, today }: ServiceRequest, period: string) {
  const v = requireRole(viewer, [Role.PROVINCE_ADMIN]);
  const range = requirePeriod(period);
  if (!isQuarter(period)) throw new InvalidInputError('Chỉ sơ kết theo quý (ví dụ 2025-Q4).');
  if (range.end >= today) throw new InvalidInputError(`Quý ${period} chưa kết thúc (đến hết ngày ${range.end}): chưa thể sơ kết.`);
  return db.transaction(async (tx) => {
    if (!(await insertReview(tx, period, range.end, v.userId))) {
      throw new ConflictError(`Quý ${period} đã được sơ kết; số liệu sơ kết không thay đổi được.`);
    }
    const areaIds = await currentAreaIdsAt(tx, ['province', 'commune', 'hamlet']);
    await insertAreaSnapshots(tx, period, await areaCountsAt(tx, areaIds, [range.end]));

    const communeTargets = await targetsOf(tx, { periods: [period] });
    const teamTargets = await teamTargetsOfCommunes(tx, null, period);
    const communes = new Map((await areasByIds(tx, [...new Set(communeTargets.map((t) => t.communeId!))])).map((c) => [c.id, c]));
    const teams = await teamsByIds(tx, [...new Set(teamTargets.map((t) => t.teamId!))]);
    const teamNames = new Map(teams.map((t) => [t.id, t.name]));
    const byCommune = await achievedByArea(tx, [...communes.keys()], range, range.end);
    const byTeam = await achievedByTeam(tx, teams, range, range.end);
    const rows: TargetSnapshotRow[] = [
      ...communeTargets.map((t) => ({ targetId: t.id, metric: t.metric, communeId: t.communeId!, teamId: null,
        ownerName: communes.get(t.communeId!)?.name ?? '', target: t.value,
        achieved: byCommune.get(t.communeId!)?.get(t.metric as TargetMetric) ?? 0 })),
      ...teamTargets.map((t) => ({ targetId: t.id, metric: t.metric, communeId: t.ownerCommuneId, teamId: t.teamId,
        ownerName: teamNames.get(t.teamId!) ?? '', target: t.value, achieved: byTeam.get(t.teamId!)?.get(t.metric as TargetMetric) ?? 0 })),
    ];
    await insertTargetSnapshots(tx, period, rows);
    const review = (await findReview(tx, period))!;
    await recordChange(tx, { kind: 'reviews' });
    await recordAudit(tx, v, { action: 'quarter.close', entity: 'quarter_review', entityId: period,
      after: { ...review, areas: areaIds.length, targets: rows.length } });
    return review;
  });
}

const COMPARE_READERS = TEAM_READERS.filter((r) => r !== Role.TEAM_LEADER);

/** The closed quarters, newest first: for those who may compare them. */
export async function listReviews({ db, viewer }: ServiceRequest) {
  requireRole(viewer, COMPARE_READERS);
  return findReviews(db);
}

/** Two closed quarters side by side for the children of an area, and per metric for its communes' targets. */
export async function compareQuarters({ db, viewer }: ServiceRequest, q: { from: string; to: string; areaCode: string }) {
  const area = await requireAreaByCode(db, q.areaCode);
  await requireAreaScope(db, viewer, [area.id], COMPARE_READERS);
  const reviews = await Promise.all([q.from, q.to].map(async (p) => {
    const review = await findReview(db, p);
    if (!review) throw new NotFoundError(`Quý ${p} chưa được sơ kết.`);
    return review;
  }));
  const children = await listAreasUnder(db, area.code);
  const snapshots = await findAreaSnapshots(db, [q.from, q.to], [area.id, ...children.map((c) => c.id)]);
  const at = (period: string, areaId: number) => {
    const s = snapshots.find((x) => x.period === period && x.areaId === areaId);
    const numerator = s?.digitalFamilies ?? 0;
    const denominator = s?.households ?? 0;
    return { numerator, denominator, value: denominator > 0 ? numerator / denominator : null };
  };
  const change = (a: { value: number | null }, b: { value: number | null }) => (a.value === null || b.value === null ? null : b.value - a.value);
  const areas = [area, ...children].map((c) => {
    const before = at(q.from, c.id);
    const after = at(q.to, c.id);
    return { area: c, before, after, change: change(before, after) };
  });
  const targets = await findCommuneTargetSnapshots(db, [q.from, q.to], area.id);
  const metrics = [...new Set(targets.map((t) => t.metric))].sort().map((metric) => {
    const of = (p: string) => targetCompletion(targets.filter((t) => t.period === p && t.metric === metric));
    const before = of(q.from);
    const after = of(q.to);
    return { metric, targetBefore: before.denominator, achievedBefore: before.numerator, targetAfter: after.denominator, achievedAfter: after.numerator };
  });
  return { from: reviews[0]!, to: reviews[1]!, areas, metrics };
}
