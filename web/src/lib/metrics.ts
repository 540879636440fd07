/** The indicators the app shows, with their Vietnamese labels. */
import type { Metric } from '../gql/graphql';

export const METRICS: readonly Metric[] = ['DIGITAL_FAMILY_RATE', 'DIGITAL_SKILL_RATE'];

export const metricLabel: Record<Metric, string> = {
  DIGITAL_FAMILY_RATE: 'Tỷ lệ Gia đình số',
  DIGITAL_SKILL_RATE: 'Tỷ lệ đạt kỹ năng số cơ bản',
};

/** What numerator/denominator count, for "123/456 hộ". */
export const metricUnit: Record<Metric, string> = {
  DIGITAL_FAMILY_RATE: 'hộ',
  DIGITAL_SKILL_RATE: 'người',
};

export function parseMetric(value: string | null): Metric {
  return METRICS.find((m) => m === value) ?? 'DIGITAL_FAMILY_RATE';
}
