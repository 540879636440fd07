/*
 * The team and ambassador eligibility rules read the teams, targets and activities data:
 * "Tổ công nghệ số tiêu biểu" must have met every target of the year (target vs achieved per metric),
 * an ambassador nominated "Công dân số điển hình" must have logged support activity in the year
 * (how many records, from when to when). Suggestions carry the same checks.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '../../server/modules/access/roles';
import { logActivities } from '../../server/modules/activities/service';
import { openCycle } from '../../server/modules/awards/cycles';
import { createNomination, submitNomination } from '../../server/modules/awards/nominations';
import { checkCycleEligibility, suggestedCandidates } from '../../server/modules/awards/screening';
import { rebuildAggregates } from '../../server/modules/indicators/aggregates';
import { setTeamTarget } from '../../server/modules/targets/service';
import { TargetMetric } from '../../server/modules/activities/metrics';
import { addMember, createTeam } from '../../server/modules/teams/service';
import { MemberOrganisation, MemberRole } from '../../server/modules/teams/types';
import { type AwardsFixture, seedAwards } from '../support/awards-fixture';
import { drivers, openTestDatabase, type TestDatabase } from '../support/databases';
import { requestAs } from '../support/request';

describe.each(drivers)('award eligibility from the teams data on %s', (driver) => {
  let database: TestDatabase;
  let f: AwardsFixture;
  let strong: number;
  let weak: number;
  let idle: number;
  const ctx = (viewer: Viewer | null, today: string) => ({ db: database.db, viewer, today });
  const rubric = [{ code: 'IMPACT', label: 'Mức độ lan tỏa', weight: 1 }];
  const cycle = async (title: 'CONG_DAN_SO_DIEN_HINH' | 'TO_CDS_TIEU_BIEU') => (await openCycle(ctx(f.admin, '2026-08-01'), {
    title, year: 2026, nominationOpensOn: '2026-09-01', nominationClosesOn: '2026-10-15', closesOn: '2026-11-20',
    quotaPerCommune: 3, quotaTotal: 10, rubric, memberIds: f.members.map((m) => m.userId), chairId: f.members[0]!.userId,
  })).id;
  const activity = (memberId: number | null, metric: TargetMetric, quantity: number, activityOn: string) => ({
    clientId: randomUUID(), hamletCode: '90001-001', metric, quantity, activityOn, memberId });

  beforeAll(async () => {
    database = await openTestDatabase(driver);
    f = await seedAwards(database.db);
    // Bế Văn Em (AWD-5) also passed the skills test: a nominee who is no team member.
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`insert into skill_assessments (resident_id, target_group, result, assessed_on)
        select id, 'citizen', 'PASSED', '2025-09-12' from residents where code = 'R-AWD-5'`);
      await rebuildAggregates(tx);
    });
    strong = (await createTeam(requestAs(database.db, f.chair), { communeCode: '90001', name: 'Tổ công nghệ số cộng đồng Xóm Bản Giốc',
      hamletCodes: ['90001-001'], foundedOn: '2025-08-05' })).id;
    weak = (await createTeam(requestAs(database.db, f.chair), { communeCode: '90001', name: 'Tổ công nghệ số cộng đồng Xóm Ả',
      hamletCodes: ['90001-002'] })).id;
    idle = (await createTeam(requestAs(database.db, f.chair), { communeCode: '90001', name: 'Tổ công nghệ số cộng đồng Xóm Cốc',
      hamletCodes: ['90001-003'] })).id;
    const member = (fullName: string, isAmbassador: boolean) => addMember(requestAs(database.db, f.chair), strong, {
      fullName, isAmbassador, organisation: MemberOrganisation.YOUTH_UNION, role: MemberRole.MEMBER, active: true, phone: null });
    // The team list spells the names in decomposed Unicode with another tone-mark placement and case.
    const an = await member('NGUYỄN VĂN AN'.normalize('NFD'), true);
    const binh = await member('Trần Thị Bình', true);
    await logActivities(requestAs(database.db, f.chair, '2026-10-20'), [
      activity(an.id, TargetMetric.PEOPLE_SUPPORTED, 15, '2026-03-02'),
      activity(an.id, TargetMetric.APP_INSTALLS, 7, '2026-07-30'),
      activity(an.id, TargetMetric.PEOPLE_SUPPORTED, 12, '2026-09-14'),
      activity(an.id, TargetMetric.OUTREACH_SESSIONS, 2, '2026-09-20'),
      // Bình's only record is from the year before: it does not count for 2026.
      activity(binh.id, TargetMetric.PEOPLE_SUPPORTED, 4, '2025-12-20'),
    ]);
    await logActivities(requestAs(database.db, f.chair, '2026-10-20'), [
      { ...activity(null, TargetMetric.PEOPLE_SUPPORTED, 10, '2026-08-10'), hamletCode: '90001-002' },
    ]);
    for (const [teamId, metric, value] of [
      [strong, TargetMetric.PEOPLE_SUPPORTED, 10], [strong, TargetMetric.OUTREACH_SESSIONS, 2],
      [weak, TargetMetric.PEOPLE_SUPPORTED, 30],
    ] as const) {
      await setTeamTarget(requestAs(database.db, f.chair), { teamId, period: '2026-Q3', metric, value });
    }
  });
  afterAll(async () => database?.close());

  it('passes a team that met every target of the year and fails the others, with target and achieved per metric', async () => {
    const cycleId = await cycle('TO_CDS_TIEU_BIEU');
    const suggested = await suggestedCandidates(ctx(f.chair, '2026-10-01'), cycleId, '90001');
    expect(suggested.map((s) => [s.teamId, s.name])).toEqual([[strong, 'Tổ công nghệ số cộng đồng Xóm Bản Giốc']]);
    expect(suggested[0]!.eligibility[0]!.reason)
      .toBe('Đạt 2/2 chỉ tiêu được giao (đến 01/10/2026): Buổi tuyên truyền quý III/2026 2/2; Lượt người dân được hỗ trợ quý III/2026 12/10.');

    const nominate = async (input: { teamId?: number; teamName?: string; communeCode?: string }) => {
      const n = await createNomination(ctx(f.chair, '2026-10-01'), { cycleId, justification: 'Tổ hoạt động đều, hỗ trợ nhiều hộ.', ...input });
      await submitNomination(ctx(f.chair, '2026-10-01'), n.id);
      return n.id;
    };
    const ids = {
      strong: await nominate({ teamId: strong }),
      // By name: any case, decomposed Unicode.
      weak: await nominate({ teamName: 'tổ công nghệ số cộng đồng xóm ả'.normalize('NFD'), communeCode: '90001' }),
      idle: await nominate({ teamId: idle }),
    };
    await expect(createNomination(ctx(f.chair, '2026-10-01'), { cycleId, teamId: strong, justification: 'Đề nghị lần thứ hai.' }))
      .rejects.toThrow('Tổ này đã có hồ sơ đề nghị');

    const results = await checkCycleEligibility(ctx(f.admin, '2026-10-20'), cycleId);
    const check = (id: number) => results.find((r) => r.id === id)!;
    expect(check(ids.strong)).toMatchObject({ eligible: true, checks: [{ rule: 'TEAM_TARGETS_MET', status: 'PASSED',
      evidence: { asOf: '2026-10-20', met: 2, total: 2, targets: [
        { period: '2026-Q3', metric: 'OUTREACH_SESSIONS', target: 2, achieved: 2 },
        { period: '2026-Q3', metric: 'PEOPLE_SUPPORTED', target: 10, achieved: 12 },
      ] } }] });
    expect(check(ids.weak)).toMatchObject({ eligible: false, checks: [{ status: 'FAILED',
      reason: 'Mới đạt 0/1 chỉ tiêu được giao (đến 20/10/2026); chưa đạt: Lượt người dân được hỗ trợ quý III/2026 10/30.' }] });
    expect(check(ids.idle)).toMatchObject({ eligible: false, checks: [{ status: 'FAILED', reason: 'Tổ chưa được giao chỉ tiêu nào trong năm 2026.' }] });
  });

  it('asks an ambassador for support activity logged in the year, with count and dates; others are not concerned', async () => {
    const cycleId = await cycle('CONG_DAN_SO_DIEN_HINH');
    const suggested = await suggestedCandidates(ctx(f.chair, '2026-10-01'), cycleId, '90001');
    // Bình is an ambassador without activity this year: not suggested. An, who logged the most, comes first.
    expect(suggested.map((s) => s.code)).toEqual(['R-AWD-1', 'R-AWD-5']);
    expect(suggested[0]!.eligibility.map((c) => c.status)).toEqual(['PASSED', 'PASSED', 'PASSED']);

    const ids: Record<string, number> = {};
    for (const code of ['R-AWD-1', 'R-AWD-2', 'R-AWD-5']) {
      const n = await createNomination(ctx(f.chair, '2026-10-01'), { cycleId, nomineeCode: code, justification: 'Hướng dẫn bà con dùng VNeID.' });
      await submitNomination(ctx(f.chair, '2026-10-01'), n.id);
      ids[code] = n.id;
    }
    const results = await checkCycleEligibility(ctx(f.admin, '2026-10-20'), cycleId);
    const support = (code: string) => results.find((r) => r.id === ids[code])!.checks.find((c) => c.rule === 'SUPPORT_ACTIVITY')!;
    expect(support('R-AWD-1')).toMatchObject({ status: 'PASSED', evidence: { records: 4, quantity: 36, firstOn: '2026-03-02', lastOn: '2026-09-20' } });
    expect(support('R-AWD-1').reason)
      .toBe('Đại sứ số của Tổ công nghệ số cộng đồng Xóm Bản Giốc: 4 hoạt động hỗ trợ (36 lượt) từ 02/03/2026 đến 20/09/2026.');
    expect(support('R-AWD-2')).toMatchObject({ status: 'FAILED', evidence: { records: 0 } });
    expect(support('R-AWD-2').reason).toContain('chưa ghi nhận hoạt động hỗ trợ nào trong kỳ xét 01/01/2026–20/10/2026');
    expect(support('R-AWD-5').status).toBe('NOT_APPLICABLE');
    expect(results.map((r) => [r.id, r.eligible])).toEqual([[ids['R-AWD-1'], true], [ids['R-AWD-2'], false], [ids['R-AWD-5'], true]]);
    // A resident's household counts for "Hộ gia đình là Gia đình số".
    expect(results.find((r) => r.id === ids['R-AWD-1'])!.checks.find((c) => c.rule === 'DIGITAL_FAMILY_NOW')!.status).toBe('PASSED');
  });
});
