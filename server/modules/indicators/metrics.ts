/** The indicators of DOMAIN.md as pure functions of an area's counts. */
import { registerEnumType } from 'type-graphql';
import type { Basis } from '../access/disclosure';
import { type Fraction, rate } from './ranking';

export enum Metric {
  DIGITAL_FAMILY_RATE = 'DIGITAL_FAMILY_RATE',
  DIGITAL_SKILL_RATE = 'DIGITAL_SKILL_RATE',
}
registerEnumType(Metric, {
  name: 'Metric',
  description: 'Chỉ số: tỷ lệ Gia đình số; tỷ lệ người dân đạt kỹ năng số cơ bản',
});

export interface Counts {
  households: number;
  residents: number;
  digitalFamilies: number;
  skilledResidents: number;
}

export interface IndicatorFigures {
  numerator: number;
  denominator: number;
  value: number | null;
}

/** Numerator and denominator of a metric: sums over the area, so a commune's rate is a ratio of sums. */
export function figures(metric: Metric, counts: Counts): IndicatorFigures {
  const [numerator, denominator] =
    metric === Metric.DIGITAL_FAMILY_RATE
      ? [counts.digitalFamilies, counts.households]
      : [counts.skilledResidents, counts.residents];
  return { numerator, denominator, value: denominator > 0 ? numerator / denominator : null };
}

/** What a metric counts: its small cells and complements are decided on that denominator. */
export const basisOf = (metric: Metric): Basis => (metric === Metric.DIGITAL_FAMILY_RATE ? 'households' : 'residents');

export const metricFraction = (metric: Metric, counts: Counts): Fraction | null => {
  const f = figures(metric, counts);
  return rate(f.numerator, f.denominator);
};

/** A hamlet is a "Xóm số" when its Gia đình số rate reaches the threshold (in thousandths, exact). */
export const isDigitalHamlet = (counts: Counts, thresholdThousandths: number | undefined): boolean =>
  thresholdThousandths !== undefined &&
  counts.households > 0 &&
  counts.digitalFamilies * 1000 >= thresholdThousandths * counts.households;
