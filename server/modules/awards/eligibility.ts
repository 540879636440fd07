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
  /** Support activities logged by the nominee in the year; null when that data does not exist (yet). */
  supportActivities?: number | null;
  teamTargets?: { achieved: number; target: number } | null;
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

export function supportActivity(count: number | null): EligibilityCheck {
  const base = { rule: 'SUPPORT_ACTIVITY', label: 'Có hoạt động hỗ trợ người dân (Đại sứ số)' };
  if (count === null) return { ...base, status: 'NO_DATA', reason: NO_DATA_REASON, evidence: {} };
  return count > 0
    ? { ...base, status: 'PASSED', reason: `Đã ghi nhận ${count} hoạt động hỗ trợ trong năm.`, evidence: { activities: count } }
    : { ...base, status: 'FAILED', reason: 'Chưa ghi nhận hoạt động hỗ trợ nào trong năm.', evidence: { activities: 0 } };
}

export function teamTargetsMet(targets: { achieved: number; target: number } | null): EligibilityCheck {
  const base = { rule: 'TEAM_TARGETS_MET', label: 'Tổ hoàn thành chỉ tiêu được giao' };
  if (targets === null) return { ...base, status: 'NO_DATA', reason: NO_DATA_REASON, evidence: {} };
  const evidence = { ...targets };
  return targets.achieved >= targets.target
    ? { ...base, status: 'PASSED', reason: `Đạt ${targets.achieved}/${targets.target} chỉ tiêu.`, evidence }
    : { ...base, status: 'FAILED', reason: `Mới đạt ${targets.achieved}/${targets.target} chỉ tiêu.`, evidence };
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
