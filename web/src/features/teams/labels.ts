/** Vietnamese labels of target metrics and pace statuses; a day's quarter as a period. */
export const METRIC_LABELS: Record<string, string> = {
  OUTREACH_SESSIONS: 'Buổi tuyên truyền',
  PEOPLE_SUPPORTED: 'Lượt người dân được hỗ trợ',
  APP_INSTALLS: 'Lượt cài ứng dụng',
  LESSONS_COMPLETED: 'Bài học kỹ năng số hoàn thành',
  NEW_DIGITAL_FAMILIES: 'Gia đình số mới',
};

/** Metrics a team logs by hand (Gia đình số mới comes from household data). */
export const LOGGED_METRICS = ['OUTREACH_SESSIONS', 'PEOPLE_SUPPORTED', 'APP_INSTALLS', 'LESSONS_COMPLETED'] as const;

export const STATUS_LABELS: Record<string, string> = {
  NOT_STARTED: 'Chưa bắt đầu',
  ON_TRACK: 'Đúng tiến độ',
  AT_RISK: 'Có nguy cơ không đạt',
  MET: 'Đã đạt',
  MISSED: 'Không đạt',
};

export const metricLabel = (m: string) => METRIC_LABELS[m] ?? m;

/** "2026-11-25" → "2026-Q4". */
export function quarterOf(day: string): string {
  const [y, m] = day.split('-').map(Number);
  return `${y}-Q${Math.floor(((m ?? 1) - 1) / 3) + 1}`;
}

/** "2026-Q4" → "quý IV/2026". */
export function periodLabel(period: string): string {
  const match = /^(\d{4})-Q([1-4])$/.exec(period);
  if (!match) return `năm ${period}`;
  return `quý ${['I', 'II', 'III', 'IV'][Number(match[2]) - 1]}/${match[1]}`;
}

/** The first year with targets (the movement started in August 2025). */
export const FIRST_TARGET_YEAR = 2025;

export const isPeriod = (value: string | null | undefined): value is string => !!value && /^\d{4}(-Q[1-4])?$/.test(value);

/** Periods to choose from: each year from 2025 to next year, as the year and its four quarters. */
export function periodChoices(today: string): { year: number; periods: string[] }[] {
  const last = Number(today.slice(0, 4)) + 1;
  const years: { year: number; periods: string[] }[] = [];
  for (let y = last; y >= FIRST_TARGET_YEAR; y--) years.push({ year: y, periods: [`${y}`, `${y}-Q1`, `${y}-Q2`, `${y}-Q3`, `${y}-Q4`] });
  return years;
}

export const MEMBER_ROLE_LABELS: Record<string, string> = { LEADER: 'Tổ trưởng', DEPUTY: 'Tổ phó', MEMBER: 'Thành viên' };

export const ORGANISATION_LABELS: Record<string, string> = {
  HAMLET_HEAD: 'Trưởng thôn, xóm',
  YOUTH_UNION: 'Đoàn Thanh niên',
  WOMENS_UNION: 'Hội Phụ nữ',
  FARMERS_UNION: 'Hội Nông dân',
  VETERANS_ASSOCIATION: 'Hội Cựu chiến binh',
  RETIRED_TEACHER: 'Giáo viên nghỉ hưu',
  POLICE: 'Công an',
  MILITIA: 'Dân quân',
  STUDENT: 'Học sinh, sinh viên',
  OTHER: 'Khác',
};
