import { describe, expect, it } from 'vitest';
import { cycleProblems } from './cycles';
import { assessEligibility, digitalFamilyAllYear, membersSkilled, skillPassed, supportActivity, teamTargetsMet, yearWindow } from './eligibility';
import { maskName } from '../access/masking';
import { approvalMet, quorumMet, rankWithinQuota, tally, weightedScore, type Sheet } from './review-rules';
import { ALL_STATES, assertTransition, canTransition, TRANSITIONS } from './states';

describe('eligibility: Gia đình số cả năm', () => {
  it('reads the year as 1 January to the check day, or to 31 December for a past year', () => {
    expect(yearWindow(2025, '2025-10-15')).toEqual({ from: '2025-01-01', to: '2025-10-15' });
    expect(yearWindow(2024, '2025-10-15')).toEqual({ from: '2024-01-01', to: '2024-12-31' });
  });

  it('passes a household that was a Gia đình số since before 1 January, with the dates as evidence', () => {
    const c = digitalFamilyAllYear([{ startsOn: '2024-06-01', endsOn: null }], 2025, '2025-10-15');
    expect(c.status).toBe('PASSED');
    expect(c.evidence).toMatchObject({ startsOn: '2024-06-01', windowFrom: '2025-01-01', windowTo: '2025-10-15' });
    expect(c.reason).toContain('01/06/2024');
  });

  it('passes one that became a Gia đình số on 1 January exactly, fails one from 2 January', () => {
    expect(digitalFamilyAllYear([{ startsOn: '2025-01-01', endsOn: null }], 2025, '2025-10-15').status).toBe('PASSED');
    const late = digitalFamilyAllYear([{ startsOn: '2025-01-02', endsOn: null }], 2025, '2025-10-15');
    expect(late.status).toBe('FAILED');
    expect(late.reason).toBe('Chỉ là Gia đình số từ 02/01/2025, chưa đủ cả kỳ xét 01/01/2025–15/10/2025.');
  });

  it('fails one that lost a criterion mid-year, naming the day, even if it regained it later', () => {
    const c = digitalFamilyAllYear([
      { startsOn: '2024-03-01', endsOn: '2025-06-10' }, { startsOn: '2025-07-01', endsOn: null },
    ], 2025, '2025-10-15');
    expect(c.status).toBe('FAILED');
    expect(c.reason).toContain('từ 10/06/2025');
    expect(c.evidence.endsOn).toBe('2025-06-10');
  });

  it('passes a loss after the check day, fails a loss on the check day itself', () => {
    expect(digitalFamilyAllYear([{ startsOn: '2024-03-01', endsOn: '2025-10-16' }], 2025, '2025-10-15').status).toBe('PASSED');
    expect(digitalFamilyAllYear([{ startsOn: '2024-03-01', endsOn: '2025-10-15' }], 2025, '2025-10-15').status).toBe('FAILED');
  });

  it('fails a household that never was one', () => {
    expect(digitalFamilyAllYear([], 2025, '2025-10-15').reason).toBe('Không là Gia đình số trong kỳ xét 01/01/2025–15/10/2025.');
  });
});

describe('eligibility: citizens, learning families, missing data', () => {
  it('needs a skills pass on or before the check day', () => {
    expect(skillPassed('2025-10-15', '2025-10-15').status).toBe('PASSED');
    expect(skillPassed('2025-10-16', '2025-10-15').status).toBe('FAILED');
    expect(skillPassed(null, '2025-10-15').status).toBe('FAILED');
  });

  it('needs half of the members skilled for a Gia đình học tập số', () => {
    expect(membersSkilled(2, 4).status).toBe('PASSED');
    expect(membersSkilled(1, 3).status).toBe('FAILED');
    expect(membersSkilled(0, 0).status).toBe('FAILED');
  });

  it('says "chưa có dữ liệu" for support activity when the teams data is absent, without failing the nominee', () => {
    expect(supportActivity(null)).toMatchObject({ status: 'NO_DATA' });
    expect(supportActivity(null).reason).toContain('Chưa có dữ liệu');
    const result = assessEligibility('CONG_DAN_SO_DIEN_HINH', {
      year: 2025, asOf: '2025-10-15', skillPassedOn: '2025-05-02', periods: [{ startsOn: '2025-04-01', endsOn: null }],
    });
    expect(result.eligible).toBe(true);
    expect(result.checks.map((c) => [c.rule, c.status])).toEqual([
      ['SKILL_PASSED', 'PASSED'], ['DIGITAL_FAMILY_NOW', 'PASSED'], ['SUPPORT_ACTIVITY', 'NO_DATA'],
    ]);
    const window = { from: '2025-01-01', to: '2025-10-15' };
    expect(assessEligibility('CONG_DAN_SO_DIEN_HINH', { year: 2025, asOf: '2025-10-15',
      supportActivities: { member: { teamName: 'Tổ CNSCĐ Nà Lẹng', isAmbassador: true }, window,
        activities: { records: 0, quantity: 0, firstOn: null, lastOn: null } },
      skillPassedOn: '2025-05-02', periods: [{ startsOn: '2025-04-01', endsOn: null }] }).eligible).toBe(false);
  });

  it('asks an ambassador for logged activity, with the count and dates, and leaves other residents out of the rule', () => {
    const window = { from: '2026-01-01', to: '2026-11-06' };
    const member = { teamName: 'Tổ công nghệ số cộng đồng Xóm Nà Lẹng', isAmbassador: true };
    const passed = supportActivity({ member, window, activities: { records: 12, quantity: 1540, firstOn: '2026-03-02', lastOn: '2026-10-30' } });
    expect(passed).toMatchObject({ status: 'PASSED', evidence: { records: 12, quantity: 1540, firstOn: '2026-03-02', lastOn: '2026-10-30' } });
    expect(passed.reason).toBe('Đại sứ số của Tổ công nghệ số cộng đồng Xóm Nà Lẹng: 12 hoạt động hỗ trợ (1.540 lượt) từ 02/03/2026 đến 30/10/2026.');
    const idle = supportActivity({ member, window, activities: { records: 0, quantity: 0, firstOn: null, lastOn: null } });
    expect(idle.status).toBe('FAILED');
    expect(idle.reason).toContain('chưa ghi nhận hoạt động hỗ trợ nào trong kỳ xét 01/01/2026–06/11/2026');
    const none = { records: 0, quantity: 0, firstOn: null, lastOn: null };
    expect(supportActivity({ member: null, window, activities: none }).status).toBe('NOT_APPLICABLE');
    expect(supportActivity({ member: { ...member, isAmbassador: false }, window, activities: none }).reason).toContain('không phải Đại sứ số');
  });

  it('passes a team only when every target of the year is met, listing target and achieved per metric', () => {
    const lines = [
      { period: '2026-Q4', metric: 'PEOPLE_SUPPORTED', target: 40, achieved: 40 },
      { period: '2026-Q4', metric: 'OUTREACH_SESSIONS', target: 6, achieved: 9 },
    ];
    const met = teamTargetsMet({ year: 2026, asOf: '2026-11-06', lines });
    expect(met.status).toBe('PASSED');
    expect(met.reason).toBe('Đạt 2/2 chỉ tiêu được giao (đến 06/11/2026): Buổi tuyên truyền quý IV/2026 9/6; Lượt người dân được hỗ trợ quý IV/2026 40/40.');
    expect(met.evidence).toMatchObject({ met: 2, total: 2, targets: [{ metric: 'OUTREACH_SESSIONS', target: 6, achieved: 9 }, { metric: 'PEOPLE_SUPPORTED' }] });
    const short = teamTargetsMet({ year: 2026, asOf: '2026-11-06', lines: [lines[0]!, { ...lines[1]!, achieved: 5 }] });
    expect(short.status).toBe('FAILED');
    expect(short.reason).toBe('Mới đạt 1/2 chỉ tiêu được giao (đến 06/11/2026); chưa đạt: Buổi tuyên truyền quý IV/2026 5/6.');
    expect(teamTargetsMet({ year: 2026, asOf: '2026-11-06', lines: [] })).toMatchObject({ status: 'FAILED', reason: 'Tổ chưa được giao chỉ tiêu nào trong năm 2026.' });
  });
});

describe('nomination state machine', () => {
  const legal = [
    ['draft', 'submitted'], ['submitted', 'eligible'], ['submitted', 'ineligible'], ['eligible', 'under_review'],
    ['under_review', 'posted'], ['under_review', 'rejected'], ['posted', 'approved'], ['posted', 'rejected'],
  ];

  it('allows exactly the documented transitions', () => {
    const allowed = ALL_STATES.flatMap((from) => ALL_STATES.filter((to) => canTransition(from, to)).map((to) => [from, to]));
    expect(allowed).toEqual(legal);
  });

  it('refuses every other transition with a Vietnamese message naming both states', () => {
    let refused = 0;
    for (const from of ALL_STATES) {
      for (const to of ALL_STATES) {
        if (TRANSITIONS[from].includes(to)) continue;
        expect(() => assertTransition(from, to)).toThrow(/^Không thể chuyển hồ sơ từ trạng thái «.+» sang «.+»\.$/);
        refused++;
      }
    }
    expect(refused).toBe(64 - legal.length);
    expect(() => assertTransition('draft', 'approved')).toThrow('từ trạng thái «Nháp» sang «Được khen thưởng»');
  });
});

describe('committee rules', () => {
  const rubric = [
    { code: 'SKILLS', label: 'Kỹ năng số', weight: 3 },
    { code: 'HELP', label: 'Giúp đỡ hàng xóm', weight: 1 },
  ];
  const sheet = (vote: 'FOR' | 'AGAINST' | null, extra: Partial<Sheet> = {}): Sheet =>
    ({ recused: false, submitted: vote !== null, vote, scores: { SKILLS: 8, HELP: 4 }, ...extra });
  const twoThirds = { numerator: 2, denominator: 3 };

  it('weights the rubric', () => {
    expect(weightedScore(rubric, { SKILLS: 8, HELP: 4 })).toBe(7);
  });

  it('needs two thirds of the members present, exactly at the boundary', () => {
    expect(quorumMet(6, 9, twoThirds)).toBe(true);
    expect(quorumMet(5, 9, twoThirds)).toBe(false);
    expect(quorumMet(4, 6, twoThirds)).toBe(true);
    expect(quorumMet(3, 6, twoThirds)).toBe(false);
  });

  it('approves by more than half of all members by default: half is not enough', () => {
    expect(approvalMet(5, 9, 'MAJORITY_OF_ALL')).toBe(true);
    expect(approvalMet(4, 9, 'MAJORITY_OF_ALL')).toBe(false);
    expect(approvalMet(3, 6, 'MAJORITY_OF_ALL')).toBe(false);
    expect(approvalMet(4, 6, 'MAJORITY_OF_ALL')).toBe(true);
  });

  it('applies the stricter 90 % of all members rule at its exact boundary', () => {
    expect(approvalMet(9, 10, 'NINETY_PERCENT_OF_ALL')).toBe(true);
    expect(approvalMet(8, 10, 'NINETY_PERCENT_OF_ALL')).toBe(false);
    expect(approvalMet(8, 9, 'NINETY_PERCENT_OF_ALL')).toBe(false);
    expect(approvalMet(9, 9, 'NINETY_PERCENT_OF_ALL')).toBe(true);
  });

  it('counts majority over all members, not over ballots cast', () => {
    // 9 members, 6 ballots (quorum), 4 in favour: a majority of ballots but not of members.
    const sheets = [...Array(4).fill(sheet('FOR')), ...Array(2).fill(sheet('AGAINST')), ...Array(3).fill(sheet(null))];
    const t = tally(rubric, sheets, { members: 9, quorum: twoThirds, approvalRule: 'MAJORITY_OF_ALL' });
    expect(t).toMatchObject({ ballots: 6, votesFor: 4, quorumMet: true, approved: false, score: 7 });
  });

  it('does not count a recused member, who no longer counts among the voters either', () => {
    const sheets = [sheet('FOR', { recused: true }), sheet('FOR'), sheet('FOR'), sheet('AGAINST')];
    const t = tally(rubric, sheets, { members: 4, quorum: twoThirds, approvalRule: 'MAJORITY_OF_ALL' });
    expect(t).toMatchObject({ voters: 3, recused: 1, ballots: 3, votesFor: 2, approved: true });
  });

  it('ranks approved nominations and fills the quotas, leaving out a tie that would overflow', () => {
    const items = [
      { id: 1, communeId: 1, score: 9, approved: true },
      { id: 2, communeId: 1, score: 8, approved: true },
      { id: 3, communeId: 2, score: 8, approved: true },
      { id: 4, communeId: 2, score: 7, approved: true },
      { id: 5, communeId: 2, score: 9.5, approved: false },
    ];
    const byId = (r: ReturnType<typeof rankWithinQuota<(typeof items)[number]>>) =>
      Object.fromEntries(r.map((x) => [x.item.id, [x.rank, x.withinQuota]]));
    expect(byId(rankWithinQuota(items, 2, 10))).toEqual({ 1: [1, true], 2: [2, true], 3: [2, true], 4: [4, true] });
    expect(byId(rankWithinQuota(items, 1, 10))).toEqual({ 1: [1, true], 2: [2, false], 3: [2, true], 4: [4, false] });
    expect(byId(rankWithinQuota(items, 2, 2))).toEqual({ 1: [1, true], 2: [2, false], 3: [2, false], 4: [4, true] });
  });
});

describe('masking', () => {
  it('keeps the family name and initials, diacritics intact', () => {
    expect(maskName('Nguyễn Văn An')).toBe('Nguyễn V. A.');
    expect(maskName('Đàm Thị Ánh Tuyết')).toBe('Đàm T. Á. T.');
    expect(maskName('Nông Văn Đức'.normalize('NFD'))).toBe('Nông V. Đ.');
  });
});

describe('cycle settings', () => {
  const settings = { title: 'GIA_DINH_SO_TIEU_BIEU' as const, year: 2026, nominationOpensOn: '2026-09-01', nominationClosesOn: '2026-10-01',
    closesOn: '2026-11-20', quotaPerCommune: 3, quotaTotal: 60, rubric: [{ code: 'KY_NANG', label: 'Kỹ năng số', weight: 1 }],
    memberIds: [1, 2, 3], chairId: 1 };
  it('refuses quotas and a quorum the columns cannot hold, in Vietnamese, instead of a database error', () => {
    expect(cycleProblems(settings)).toEqual([]);
    expect(cycleProblems({ ...settings, quotaTotal: 2_147_483_647 })).toEqual(['Chỉ tiêu toàn tỉnh tối đa 10.000.']);
    expect(cycleProblems({ ...settings, quorumNumerator: 40_000, quorumDenominator: 40_000 })).toEqual(['Tỷ lệ túc số không hợp lệ.']);
  });
});
