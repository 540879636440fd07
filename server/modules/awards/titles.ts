/** What each award title is about: its nominee, the level that decides, the certificate and the eligibility rules. */
export type AwardTitleCode = 'GIA_DINH_SO_TIEU_BIEU' | 'CONG_DAN_SO_DIEN_HINH' | 'TO_CDS_TIEU_BIEU' | 'GIA_DINH_HOC_TAP_SO';
export type NomineeKind = 'household' | 'resident' | 'team';
export type DecidingLevelCode = 'COMMUNE_CHAIR' | 'PROVINCIAL_COUNCIL';
export type RuleCode = 'DIGITAL_FAMILY_ALL_YEAR' | 'MEMBERS_SKILLED' | 'SKILL_PASSED' | 'DIGITAL_FAMILY_NOW'
  | 'SUPPORT_ACTIVITY' | 'TEAM_TARGETS_MET';

export interface TitleInfo {
  label: string;
  nominee: NomineeKind;
  /** Household titles follow the "Gia đình văn hóa" pattern: the commune chair decides (Giấy khen). */
  defaultLevel: DecidingLevelCode;
  rules: RuleCode[];
}

export const TITLES: Record<AwardTitleCode, TitleInfo> = {
  GIA_DINH_SO_TIEU_BIEU: {
    label: 'Gia đình số tiêu biểu', nominee: 'household', defaultLevel: 'COMMUNE_CHAIR', rules: ['DIGITAL_FAMILY_ALL_YEAR'],
  },
  GIA_DINH_HOC_TAP_SO: {
    label: 'Gia đình học tập số', nominee: 'household', defaultLevel: 'COMMUNE_CHAIR',
    rules: ['DIGITAL_FAMILY_ALL_YEAR', 'MEMBERS_SKILLED'],
  },
  CONG_DAN_SO_DIEN_HINH: {
    label: 'Công dân số điển hình', nominee: 'resident', defaultLevel: 'PROVINCIAL_COUNCIL',
    rules: ['SKILL_PASSED', 'DIGITAL_FAMILY_NOW', 'SUPPORT_ACTIVITY'],
  },
  TO_CDS_TIEU_BIEU: {
    label: 'Tổ công nghệ số cộng đồng tiêu biểu', nominee: 'team', defaultLevel: 'PROVINCIAL_COUNCIL',
    rules: ['TEAM_TARGETS_MET'],
  },
};

export const CERTIFICATE_KIND: Record<DecidingLevelCode, string> = {
  COMMUNE_CHAIR: 'Giấy khen',
  PROVINCIAL_COUNCIL: 'Bằng khen',
};

/** Every yearly cycle must be finished before 25 November of its year. */
export const lastClosingDay = (year: number) => `${year}-11-24`;

/** Public posting of the proposed list lasts 10 days. */
export const POSTING_DAYS = 10;

export const addDays = (day: string, days: number): string => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/** 2025-03-01 → 01/03/2025, the way officials write dates. */
export const viDate = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
