/** vi-VN formatting in one place: rates (72,5%), points (+2,4 điểm %), counts (130.000), dates (14/09/2025). */
const percent = new Intl.NumberFormat('vi-VN', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
const wholePercent = new Intl.NumberFormat('vi-VN', { style: 'percent', maximumFractionDigits: 0 });
const integer = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
const points = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' });

export const NO_DATA = 'Chưa có dữ liệu';

export function formatRate(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : percent.format(value);
}

/** Class bounds in legends: whole percent when exact (60%), else one decimal. */
export function formatBound(value: number): string {
  return Math.abs(value * 100 - Math.round(value * 100)) < 1e-9 ? wholePercent.format(value) : percent.format(value);
}

export function formatCount(value: number): string {
  return integer.format(value);
}

/** A difference of rates in percentage points: 0.25 → "+25,0 điểm %". */
export function formatPoints(delta: number | null | undefined): string {
  return delta === null || delta === undefined ? '—' : `${points.format(delta * 100)} điểm %`;
}

/** ISO date "2025-09-14" → "14/09/2025", without time-zone surprises. */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** ISO date → "09/2025" for month axes. */
export function formatMonth(iso: string): string {
  const [y, m] = iso.split('-');
  return `${m}/${y}`;
}

const precisePercents = new Map<number, Intl.NumberFormat>();
/** A rate with more decimals (66,63%), where one decimal would show two different ranks as equal. */
export function formatRatePrecise(value: number | null | undefined, fractionDigits: number): string {
  if (value === null || value === undefined) return '—';
  let format = precisePercents.get(fractionDigits);
  if (!format) {
    format = new Intl.NumberFormat('vi-VN', { style: 'percent', minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits });
    precisePercents.set(fractionDigits, format);
  }
  return format.format(value);
}
