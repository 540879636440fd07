/*
 * Colour classes for choropleths: ColorBrewer YlGnBu (colour-blind safe, sequential), five classes
 * with "nice" equal-interval bounds over the values shown, so the legend and the numbers agree:
 * a value v is in class i when lower_i <= v < upper_i (the last class includes its upper bound).
 */
export const PALETTE = ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'] as const;
export const NO_DATA_COLOUR = '#c8c8c8';

export interface ColourClass {
  lower: number;
  upper: number;
  colour: string;
  count: number;
}

export interface Classification {
  classes: ColourClass[];
  noData: number;
  colourOf(value: number | null | undefined): string;
  classOf(value: number | null | undefined): number | null;
}

const STEPS = [0.01, 0.02, 0.025, 0.05, 0.1, 0.2];
const EPS = 1e-9;

/** Equal-interval classes on a nice step (1, 2, 2.5, 5, 10 or 20 points) covering the values, within 0..1. */
export function classify(values: readonly (number | null | undefined)[], classCount = PALETTE.length): Classification {
  const present = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  const min = present.length ? Math.min(...present) : 0;
  const max = present.length ? Math.max(...present) : 1;
  let lower = 0;
  let step = 0.2;
  for (const candidate of STEPS) {
    const start = Math.max(0, Math.min(1 - candidate * classCount, Math.floor(min / candidate + EPS) * candidate));
    if (start + candidate * classCount >= max - EPS) {
      lower = start;
      step = candidate;
      break;
    }
  }
  const round = (x: number) => Math.round(x * 10000) / 10000;
  const classes: ColourClass[] = Array.from({ length: classCount }, (_, i) => ({
    lower: round(lower + i * step),
    upper: round(lower + (i + 1) * step),
    colour: PALETTE[Math.min(i, PALETTE.length - 1)] ?? NO_DATA_COLOUR,
    count: 0,
  }));
  const classOf = (value: number | null | undefined): number | null => {
    if (typeof value !== 'number' || !Number.isFinite(value)) return null;
    const index = classes.findIndex((c, i) => value >= c.lower - EPS && (value < c.upper - EPS || i === classes.length - 1));
    return index === -1 ? (value < lower ? 0 : classes.length - 1) : index;
  };
  let noData = 0;
  for (const v of values) {
    const index = classOf(v);
    if (index === null) noData++;
    else classes[index]!.count++;
  }
  return {
    classes,
    noData,
    classOf,
    colourOf: (value) => {
      const index = classOf(value);
      return index === null ? NO_DATA_COLOUR : (classes[index]?.colour ?? NO_DATA_COLOUR);
    },
  };
}

/** Okabe–Ito: distinguishable series colours for the comparison charts. */
export const SERIES_COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#D55E00'] as const;
