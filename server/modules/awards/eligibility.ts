/*
 * Eligibility rules, pure: each takes the facts drawn from the monitoring data and returns
 * pass / fail / no data with a Vietnamese reason and the evidence (dates, figures).
 *
 * "Gia đình số cả năm": the yearly cycle ends before 25 November, so the calendar year is never
 * complete when the committee decides. The year is therefore read as 1 January of the cycle year
 * up to the day eligibility is checked (capped at 31 December for a past year): the household
 * must have been a Gia đình số without a break over that whole stretch.
 */
import type { EligibilityCheckRecord } from './schema';
import { TITLES, type AwardTitleCode, type RuleCode, viDate } from './titles';

export interface DigitalPeriod {
  startsOn: string;
  /** The day the household stopped being a Gia đình số (not a Gia đình số on that day), or null. */
  endsOn: string | null;
}

export interface EligibilityFacts {
  year: number;
  /** The day of the check. */
  asOf: string;
  periods?: DigitalPeriod[];
  residentsTotal?: number;
  residentsPassed?: number;
  skillPassedOn?: string | null;
  /** The nominee as a team member and what they logged in the year; null when that data is not available. */
  supportActivities?: AmbassadorFacts | null;
  /** The team's targets in the cycle year and what it achieved; null when that data is not available. */
  teamTargets?: TeamTargetFacts | null;
}

export interface AmbassadorFacts {
  /** The member of the nominee's hamlet team with the nominee's name, or null when there is none. */
  member: { teamName: string; isAmbassador: boolean } | null;
  window: { from: string; to: string };
  activities: { records: number; quantity: number; firstOn: string | null; lastOn: string | null };
}

export interface TargetLine {
  period: string;
  metric: string;
  target: number;
  achieved: number;
}

export interface TeamTargetFacts {
  year: number;
  asOf: string;
  /** Every target given to the team for a period of the year that has started by `asOf`. */
  lines: TargetLine[];
}

export type EligibilityCheck = EligibilityCheckRecord;

/** The stretch a household must cover: 1 January to the check day, at most 31 December. */
export function yearWindow(year: number, asOf: string): { from: string; to: string } {
  const yearEnd = `${year}-12-31`;
  return { from: `${year}-01-01`, to: asOf < yearEnd ? asOf : yearEnd };
}

const covers = (p: DigitalPeriod, day: string) => p.startsOn <= day && (p.endsOn === null || p.endsOn > day);

export function digitalFamilyAllYear(periods: readonly DigitalPeriod[], year: number, asOf: string): EligibilityCheck {
  const { from, to } = yearWindow(year, asOf);
  const base = { rule: 'DIGITAL_FAMILY_ALL_YEAR', label: 'Là Gia đình số cả năm' };
  const window = `${viDate(from)}–${viDate(to)}`;
  const whole = periods.find((p) => covers(p, from) && (p.endsOn === null || p.endsOn > to));
  if (whole) {
    return { ...base, status: 'PASSED',
      reason: `Là Gia đình số liên tục từ ${viDate(whole.startsOn)}, phủ cả kỳ xét ${window}.`,
      evidence: { startsOn: whole.startsOn, endsOn: whole.endsOn, windowFrom: from, windowTo: to } };
  }
  const atStart = periods.find((p) => covers(p, from));
  if (atStart) {
    return { ...base, status: 'FAILED',
      reason: `Không còn là Gia đình số từ ${viDate(atStart.endsOn!)} (mất tiêu chí giữa kỳ xét ${window}).`,
      evidence: { startsOn: atStart.startsOn, endsOn: atStart.endsOn, windowFrom: from, windowTo: to } };
  }
  const later = [...periods].sort((a, b) => a.startsOn.localeCompare(b.startsOn))
    .find((p) => p.startsOn > from && p.startsOn <= to);
  if (later) {
    return { ...base, status: 'FAILED',
      reason: `Chỉ là Gia đình số từ ${viDate(later.startsOn)}, chưa đủ cả kỳ xét ${window}.`,
      evidence: { startsOn: later.startsOn, endsOn: later.endsOn, windowFrom: from, windowTo: to } };
  }
  return { ...base, status: 'FAILED', reason: `Không là Gia đình số trong kỳ xét ${window}.`,
    evidence: { startsOn: null, endsOn: null, windowFrom: from, windowTo: to } };
}

export function digitalFamilyNow(periods: readonly DigitalPeriod[], asOf: string): EligibilityCheck {
  const base = { rule: 'DIGITAL_FAMILY_NOW', label: 'Hộ gia đình là Gia đình số' };
  const current = periods.find((p) => covers(p, asOf));
  return current
    ? { ...base, status: 'PASSED', reason: `Hộ là Gia đình số từ ${viDate(current.startsOn)}.`,
      evidence: { startsOn: current.startsOn, asOf } }
    : { ...base, status: 'FAILED', reason: `Hộ chưa là Gia đình số vào ngày ${viDate(asOf)}.`, evidence: { asOf } };
}

/** "Gia đình học tập số": at least half of the household's recorded members passed the skills assessment. */
export function membersSkilled(passed: number, total: number): EligibilityCheck {
  const base = { rule: 'MEMBERS_SKILLED', label: 'Ít nhất một nửa thành viên đạt kỹ năng số' };
  const evidence = { residentsPassed: passed, residentsTotal: total };
  if (total === 0) return { ...base, status: 'FAILED', reason: 'Chưa có thành viên nào trong dữ liệu.', evidence };
  return passed * 2 >= total
    ? { ...base, status: 'PASSED', reason: `${passed}/${total} thành viên đã đạt đánh giá kỹ năng số.`, evidence }
    : { ...base, status: 'FAILED', reason: `Mới ${passed}/${total} thành viên đạt đánh giá kỹ năng số (cần ít nhất một nửa).`, evidence };
}

export function skillPassed(passedOn: string | null, asOf: string): EligibilityCheck {
  const base = { rule: 'SKILL_PASSED', label: 'Đạt đánh giá kỹ năng số cơ bản' };
  return passedOn !== null && passedOn <= asOf
    ? { ...base, status: 'PASSED', reason: `Đạt đánh giá kỹ năng số ngày ${viDate(passedOn)}.`, evidence: { passedOn } }
    : { ...base, status: 'FAILED', reason: `Chưa đạt đánh giá kỹ năng số đến ngày ${viDate(asOf)}.`, evidence: { passedOn: null, asOf } };
}

const NO_DATA_REASON = 'Chưa có dữ liệu (hoạt động của Tổ công nghệ số chưa được ghi nhận trong hệ thống); Hội đồng xem xét theo hồ sơ.';

const nf = new Intl.NumberFormat('vi-VN');

export const METRIC_LABELS: Record<string, string> = {
  OUTREACH_SESSIONS: 'Buổi tuyên truyền',
  PEOPLE_SUPPORTED: 'Lượt người dân được hỗ trợ',
  APP_INSTALLS: 'Lượt cài ứng dụng',
  LESSONS_COMPLETED: 'Bài học kỹ năng số hoàn thành',
  NEW_DIGITAL_FAMILIES: 'Gia đình số mới',
};

/** "2026-Q4" → "quý IV/2026", "2026" → "năm 2026". */
export function periodLabel(period: string): string {
  const q = /^(\d{4})-Q([1-4])$/.exec(period);
  return q ? `quý ${['I', 'II', 'III', 'IV'][Number(q[2]) - 1]}/${q[1]}` : `năm ${period}`;
}

/**
 * "Công dân số điển hình": an ambassador (Đại sứ số) must have logged support activity in the year.
 * A nominee who is not an ambassador of their hamlet's team is not concerned by the rule.
 */
export function supportActivity(facts: AmbassadorFacts | null): EligibilityCheck {
  const base = { rule: 'SUPPORT_ACTIVITY', label: 'Có hoạt động hỗ trợ người dân (Đại sứ số)' };
  if (facts === null) return { ...base, status: 'NO_DATA', reason: NO_DATA_REASON, evidence: {} };
  const window = `${viDate(facts.window.from)}–${viDate(facts.window.to)}`;
  const { member, activities: a } = facts;
  if (!member || !member.isAmbassador) {
    return { ...base, status: 'NOT_APPLICABLE',
      reason: member
        ? `Là thành viên ${member.teamName} nhưng không phải Đại sứ số: tiêu chí không áp dụng.`
        : 'Không là Đại sứ số của Tổ công nghệ số nơi cư trú: tiêu chí không áp dụng.',
      evidence: { team: member?.teamName ?? null, ambassador: 0 } };
  }
  const evidence = { team: member.teamName, records: a.records, quantity: a.quantity, firstOn: a.firstOn, lastOn: a.lastOn,
    windowFrom: facts.window.from, windowTo: facts.window.to };
  return a.records > 0
    ? { ...base, status: 'PASSED', evidence,
      reason: `Đại sứ số của ${member.teamName}: ${nf.format(a.records)} hoạt động hỗ trợ (${nf.format(a.quantity)} lượt) từ ${viDate(a.firstOn!)} đến ${viDate(a.lastOn!)}.` }
    : { ...base, status: 'FAILED', evidence,
      reason: `Đại sứ số của ${member.teamName} nhưng chưa ghi nhận hoạt động hỗ trợ nào trong kỳ xét ${window}.` };
}

const lineText = (l: TargetLine) => `${METRIC_LABELS[l.metric] ?? l.metric} ${periodLabel(l.period)} ${nf.format(l.achieved)}/${nf.format(l.target)}`;

/** "Tổ công nghệ số tiêu biểu": every target given to the team in the year, met by the day of the check. */
export function teamTargetsMet(facts: TeamTargetFacts | null): EligibilityCheck {
  const base = { rule: 'TEAM_TARGETS_MET', label: 'Tổ hoàn thành chỉ tiêu được giao' };
  if (facts === null) return { ...base, status: 'NO_DATA', reason: NO_DATA_REASON, evidence: {} };
  const order = Object.keys(METRIC_LABELS);
  const lines = [...facts.lines].sort((a, b) => a.period.localeCompare(b.period) || order.indexOf(a.metric) - order.indexOf(b.metric));
  const met = lines.filter((l) => l.achieved >= l.target);
  const evidence = { asOf: facts.asOf, met: met.length, total: lines.length,
    targets: lines.map((l) => ({ period: l.period, metric: l.metric, label: METRIC_LABELS[l.metric] ?? l.metric, target: l.target, achieved: l.achieved })) };
  if (lines.length === 0) {
    return { ...base, status: 'FAILED', reason: `Tổ chưa được giao chỉ tiêu nào trong năm ${facts.year}.`, evidence };
  }
  const upTo = `đến ${viDate(facts.asOf)}`;
  return met.length === lines.length
    ? { ...base, status: 'PASSED', evidence,
      reason: `Đạt ${met.length}/${lines.length} chỉ tiêu được giao (${upTo}): ${lines.map(lineText).join('; ')}.` }
    : { ...base, status: 'FAILED', evidence,
      reason: `Mới đạt ${met.length}/${lines.length} chỉ tiêu được giao (${upTo}); chưa đạt: ${lines.filter((l) => l.achieved < l.target).map(lineText).join('; ')}.` };
}

const RULES: Record<RuleCode, (f: EligibilityFacts) => EligibilityCheck> = {
  DIGITAL_FAMILY_ALL_YEAR: (f) => digitalFamilyAllYear(f.periods ?? [], f.year, f.asOf),
  DIGITAL_FAMILY_NOW: (f) => digitalFamilyNow(f.periods ?? [], f.asOf),
  MEMBERS_SKILLED: (f) => membersSkilled(f.residentsPassed ?? 0, f.residentsTotal ?? 0),
  SKILL_PASSED: (f) => skillPassed(f.skillPassedOn ?? null, f.asOf),
  SUPPORT_ACTIVITY: (f) => supportActivity(f.supportActivities ?? null),
  TEAM_TARGETS_MET: (f) => teamTargetsMet(f.teamTargets ?? null),
};

/** Every rule of the title, in order; eligible when none failed ("no data" is shown, not held against). */
export function assessEligibility(title: AwardTitleCode, facts: EligibilityFacts) {
  const checks = TITLES[title].rules.map((rule) => RULES[rule](facts));
  return { eligible: checks.every((c) => c.status !== 'FAILED'), checks };
}
