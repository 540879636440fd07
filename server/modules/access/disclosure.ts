/*
 * What the public may see of the indicator figures (DOMAIN.md, "never publish a cell small enough
 * to identify a family"). Signed-in users, whose reads are scoped and audited, see real figures.
 *
 * Primary suppression: a cell of 1 to 4 households (for the figures counted in households: the
 * Gia đình số rate, each criterion) or of 1 to 4 households or residents (for the figures counted
 * in residents: the skill rate) is blanked: value null, numerator and denominator 0,
 * `suppressed: true`. An area with nobody identifies no one and is shown as is (0/0).
 *
 * Complementary suppression, as statistics offices do: a parent's figure is the sum of its
 * children's, so a single hidden child of a published parent is the parent minus its other
 * children. Among the children of one parent:
 *   - parent published, exactly one child hidden → also hide the next-smallest non-empty child;
 *   - parent hidden (itself a small cell, or hidden as a complement among its own siblings) and no
 *     child hidden → hide its smallest non-empty child, or the children would add up to it.
 * With both rules no hidden figure follows from the published ones by adding and subtracting
 * (for any hidden area a change of its value can be balanced along hidden areas only: down to a
 * hidden leaf, up to the first published ancestor and down a second hidden child of it). Every
 * published parent keeps its exact figure. The decision depends only on the current
 * denominators, so it is the same for every date and every figure of the same basis.
 */

export const MIN_PUBLIC_HOUSEHOLDS = 5;
/** Fewer residents than this in an area hides its residents-based figures too. */
export const MIN_PUBLIC_RESIDENTS = 5;

export const isSmallCell = (count: number, min = MIN_PUBLIC_HOUSEHOLDS) => count > 0 && count < min;

/** One child of a parent as the rule sees it: its denominator, and whether it is a small cell itself. */
export interface SiblingCell {
  size: number;
  small: boolean;
}

/** What is known of the parent of a set of siblings: published, hidden, or none (the roots). */
export type ParentState = 'published' | 'hidden' | 'none';

/**
 * Which of one parent's children to hide (same order as given). Complements are taken smallest
 * first (by denominator, then by position: give the children in a fixed order, e.g. by id).
 */
export function hiddenAmongSiblings(cells: readonly SiblingCell[], parent: ParentState): boolean[] {
  const hidden = cells.map((c) => c.small);
  if (parent === 'none') return hidden;
  // A hidden child with nobody in this basis (0/0) adds nothing to the sum: it protects no one.
  const count = cells.filter((c, i) => hidden[i] && c.size > 0).length;
  const wanted = parent === 'published' ? (count === 1 ? 1 : 0) : count === 0 ? 1 : 0;
  if (wanted === 0) return hidden;
  const complement = cells
    .map((c, index) => ({ size: c.size, index }))
    .filter((c) => c.size > 0 && !hidden[c.index])
    .sort((a, b) => a.size - b.size || a.index - b.index)[0];
  if (complement) hidden[complement.index] = true;
  return hidden;
}

/** The two bases of public figures: counted in households, or in residents. */
export type Basis = 'households' | 'residents';

export interface Hidden {
  households: boolean;
  residents: boolean;
}

export const NOTHING_HIDDEN: Hidden = Object.freeze({ households: false, residents: false });

export interface AreaCell {
  id: number;
  parentId: number | null;
  households: number;
  residents: number;
}

/** Primary suppression of one area, from its own denominators only. */
export const smallCell = (cell: { households: number; residents: number }): Hidden => {
  const households = isSmallCell(cell.households);
  return { households, residents: households || isSmallCell(cell.residents, MIN_PUBLIC_RESIDENTS) };
};

const basisCell = (cell: AreaCell, basis: Basis): SiblingCell => ({
  size: basis === 'households' ? cell.households : cell.residents,
  small: smallCell(cell)[basis],
});

/**
 * The public status of every area of `cells` whose family is complete here: all the children of
 * its parent, and (recursively) the status of that parent, are in `cells`. Roots (no parent) are
 * hidden only when small. Areas whose parent's status cannot be known are left out.
 */
export function hiddenAreas(cells: readonly AreaCell[]): Map<number, Hidden> {
  const families = new Map<number | null, AreaCell[]>();
  const seen = new Set<number>();
  for (const cell of cells) {
    if (seen.has(cell.id)) continue;
    seen.add(cell.id);
    let family = families.get(cell.parentId);
    if (!family) families.set(cell.parentId, (family = []));
    family.push(cell);
  }
  const status = new Map<number, Hidden>();
  const parentOf = new Map(cells.map((c) => [c.id, c.parentId]));
  const settle = (parentId: number | null, parent: Hidden | null) => {
    const family = [...families.get(parentId)!].sort((a, b) => a.id - b.id);
    const decide = (basis: Basis) => hiddenAmongSiblings(family.map((c) => basisCell(c, basis)),
      parent === null ? 'none' : parent[basis] ? 'hidden' : 'published');
    const [households, residents] = [decide('households'), decide('residents')];
    family.forEach((c, i) => status.set(c.id, { households: households[i]!, residents: residents[i]! }));
  };
  const statusOf = (id: number): Hidden | undefined => {
    if (status.has(id)) return status.get(id);
    if (!parentOf.has(id)) return undefined;
    const parentId = parentOf.get(id)!;
    const parent = parentId === null ? null : statusOf(parentId);
    if (parent === undefined) return undefined;
    settle(parentId, parent);
    return status.get(id);
  };
  for (const cell of cells) statusOf(cell.id);
  return status;
}

interface Figures {
  value: number | null;
  numerator: number;
  denominator: number;
}

export interface DisclosedFigures extends Figures {
  suppressed: boolean;
}

/**
 * The figures, blanked when `hidden`, with `suppressed` telling which. Always a new object of
 * exactly these four fields (it is built for every row of every public read).
 */
export function disclose(hidden: boolean, figures: Figures): DisclosedFigures {
  return hidden
    ? { value: null, numerator: 0, denominator: 0, suppressed: true }
    : { value: figures.value, numerator: figures.numerator, denominator: figures.denominator, suppressed: false };
}
