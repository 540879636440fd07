/*
 * Small-cell suppression for the public: an area with 1 to 4 households is a cell small enough to
 * identify a family, so anonymous viewers get its figures blanked (value null, numerator and
 * denominator 0) with `suppressed: true`, and the UI shows "<5". Signed-in users, whose reads are
 * scoped and audited, see the real figures. An area with no households identifies no one and is
 * shown as is (0/0).
 */
import type { Viewer } from './roles';

export const MIN_PUBLIC_HOUSEHOLDS = 5;

export const isSmallCell = (households: number) => households > 0 && households < MIN_PUBLIC_HOUSEHOLDS;

export const suppressedFor = (viewer: Viewer | null, households: number) => viewer === null && isSmallCell(households);

interface Figures {
  value: number | null;
  numerator: number;
  denominator: number;
}

export interface DisclosedFigures extends Figures {
  suppressed: boolean;
}

/**
 * The figures as the viewer may see them, with `suppressed` telling whether they were blanked.
 * Always a new object of exactly these four fields (it is built for every row of every public read).
 */
export function disclose(viewer: Viewer | null, households: number, figures: Figures): DisclosedFigures {
  return suppressedFor(viewer, households)
    ? { value: null, numerator: 0, denominator: 0, suppressed: true }
    : { value: figures.value, numerator: figures.numerator, denominator: figures.denominator, suppressed: false };
}
