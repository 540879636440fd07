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

/** The figures as the viewer may see them, with `suppressed` telling whether they were blanked. */
export function disclose<T extends Figures>(viewer: Viewer | null, households: number, figures: T): T & { suppressed: boolean } {
  if (!suppressedFor(viewer, households)) return { ...figures, suppressed: false };
  return { ...figures, value: null, numerator: 0, denominator: 0, suppressed: true };
}
