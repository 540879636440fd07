import { describe, expect, it } from 'vitest';
import { type AreaCell, disclose, type Hidden, hiddenAmongSiblings, hiddenAreas, isSmallCell, smallCell } from './disclosure';

const figures = { value: 0.75, numerator: 3, denominator: 4 };
const cells = (...sizes: number[]) => sizes.map((size) => ({ size, small: isSmallCell(size) }));

describe('small cells', () => {
  it('are 1 to 4 households; 1 to 4 residents hide the residents-based figures too', () => {
    expect([0, 1, 4, 5].map((n) => isSmallCell(n))).toEqual([false, true, true, false]);
    expect(smallCell({ households: 3, residents: 12 })).toEqual({ households: true, residents: true });
    expect(smallCell({ households: 6, residents: 4 })).toEqual({ households: false, residents: true });
    expect(smallCell({ households: 0, residents: 0 })).toEqual({ households: false, residents: false });
  });

  it('are blanked when hidden, and only then', () => {
    expect(disclose(true, figures)).toEqual({ value: null, numerator: 0, denominator: 0, suppressed: true });
    expect(disclose(false, figures)).toEqual({ ...figures, suppressed: false });
  });
});

describe('complementary suppression among siblings', () => {
  it('hides the next-smallest non-empty child when a published parent has exactly one small child', () => {
    // commune 01304's case: a 3-household hamlet among bigger ones
    expect(hiddenAmongSiblings(cells(40, 3, 0, 12, 25), 'published')).toEqual([false, true, false, true, false]);
  });

  it('takes the first of equal sizes, and never an empty child (it hides nothing)', () => {
    expect(hiddenAmongSiblings(cells(0, 9, 2, 9), 'published')).toEqual([false, true, true, false]);
  });

  it('adds nothing when none or at least two children are small', () => {
    expect(hiddenAmongSiblings(cells(30, 40, 50), 'published')).toEqual([false, false, false]);
    expect(hiddenAmongSiblings(cells(30, 2, 4, 50), 'published')).toEqual([false, true, true, false]);
  });

  it('does not count a hidden child with nobody in this basis (3 households, no residents) as protection', () => {
    expect(hiddenAmongSiblings([{ size: 0, small: true }, { size: 50, small: false }, { size: 3, small: true }, { size: 4, small: true }], 'published'))
      .toEqual([true, false, true, true]);
    expect(hiddenAmongSiblings([{ size: 0, small: true }, { size: 50, small: false }, { size: 190, small: false }], 'published'))
      .toEqual([true, false, false]);
    expect(hiddenAmongSiblings([{ size: 0, small: true }, { size: 3, small: true }, { size: 40, small: false }], 'published'))
      .toEqual([true, true, true]);
  });

  it('hides one child of a hidden parent whose children would add up to it', () => {
    expect(hiddenAmongSiblings(cells(30, 10, 20), 'hidden')).toEqual([false, true, false]);
    expect(hiddenAmongSiblings(cells(30, 3, 20), 'hidden')).toEqual([false, true, false]);
  });

  it('has no parent figure to protect at the roots', () => {
    expect(hiddenAmongSiblings(cells(3, 500), 'none')).toEqual([true, false]);
  });
});

// A random administrative tree: root → provinces → communes → hamlets, households and residents
// summed upwards as in area_totals; many small hamlets, some tiny communes.
function randomTree(seed: number): AreaCell[] {
  let state = seed;
  const next = (n: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % n;
  };
  const all: AreaCell[] = [];
  let id = 1;
  const add = (parentId: number | null, depth: number): AreaCell => {
    const cell: AreaCell = { id: id++, parentId, households: 0, residents: 0 };
    all.push(cell);
    if (depth === 3) {
      const pick = next(10);
      cell.households = pick < 3 ? next(5) : pick < 4 ? 5 + next(5) : 10 + next(60);
      cell.residents = cell.households === 0 ? 0 : Math.max(1, cell.households * (1 + next(4)) - next(6));
      return cell;
    }
    const count = depth === 2 ? 1 + next(5) : 1 + next(4);
    for (let i = 0; i < count; i++) {
      const child = add(cell.id, depth + 1);
      cell.households += child.households;
      cell.residents += child.residents;
    }
    return cell;
  };
  add(null, 0);
  return all;
}

/**
 * Which hidden areas follow from the published ones by the sum equations (value of a parent =
 * sum over its children), by Gaussian elimination: hidden area v is derivable when the unit vector
 * of v is in the row space of the equations restricted to the hidden areas.
 */
function derivable(tree: readonly AreaCell[], hidden: (c: AreaCell) => boolean): number[] {
  const unknown = tree.filter(hidden).map((c) => c.id);
  const column = new Map(unknown.map((id, i) => [id, i]));
  const rows: number[][] = [];
  for (const parent of tree) {
    const children = tree.filter((c) => c.parentId === parent.id);
    if (children.length === 0) continue;
    const row = new Array<number>(unknown.length).fill(0);
    const add = (id: number, x: number) => {
      const j = column.get(id);
      if (j !== undefined) row[j] = row[j]! + x;
    };
    add(parent.id, 1);
    for (const c of children) add(c.id, -1);
    if (row.some((x) => x !== 0)) rows.push(row);
  }
  // reduced row echelon form
  const m = rows.map((r) => [...r]);
  const pivots: number[] = [];
  let r = 0;
  for (let col = 0; col < unknown.length && r < m.length; col++) {
    const p = m.findIndex((row, i) => i >= r && Math.abs(row[col]!) > 1e-9);
    if (p < 0) continue;
    [m[r], m[p]] = [m[p]!, m[r]!];
    const pivot = m[r]![col]!;
    m[r] = m[r]!.map((x) => x / pivot);
    for (let i = 0; i < m.length; i++) {
      if (i !== r && Math.abs(m[i]![col]!) > 1e-9) {
        const f = m[i]![col]!;
        m[i] = m[i]!.map((x, j) => x - f * m[r]![j]!);
      }
    }
    pivots.push(col);
    r++;
  }
  // e_v is in the row space iff some reduced row is exactly e_v
  return m.slice(0, r).flatMap((row) => {
    const nonzero = row.flatMap((x, j) => (Math.abs(x) > 1e-9 ? [j] : []));
    return nonzero.length === 1 ? [unknown[nonzero[0]!]!] : [];
  });
}

describe('hiddenAreas over a tree', () => {
  it('hides a complement in the commune of a 3-household hamlet, and keeps the commune published', () => {
    const tree: AreaCell[] = [
      { id: 1, parentId: null, households: 66, residents: 200 },
      { id: 2, parentId: 1, households: 66, residents: 200 },
      { id: 10, parentId: 2, households: 3, residents: 9 },
      { id: 11, parentId: 2, households: 20, residents: 60 },
      { id: 12, parentId: 2, households: 43, residents: 131 },
    ];
    const status = hiddenAreas(tree);
    expect(status.get(2)).toEqual({ households: false, residents: false });
    expect([10, 11, 12].map((id) => status.get(id)!.households)).toEqual([true, true, false]);
    expect([10, 11, 12].map((id) => status.get(id)!.residents)).toEqual([true, true, false]);
  });

  it('carries a complement down: a hidden commune with published hamlets would be their sum', () => {
    // province = small commune (3) + commune of 40: the 40 is the complement, so one of its hamlets is hidden too
    const tree: AreaCell[] = [
      { id: 1, parentId: null, households: 43, residents: 120 },
      { id: 2, parentId: 1, households: 40, residents: 111 },
      { id: 3, parentId: 1, households: 3, residents: 9 },
      { id: 20, parentId: 2, households: 10, residents: 30 },
      { id: 21, parentId: 2, households: 30, residents: 81 },
      { id: 30, parentId: 3, households: 3, residents: 9 },
    ];
    const status = hiddenAreas(tree);
    const households = (id: number) => status.get(id)!.households;
    expect([2, 3, 20, 21, 30].map(households)).toEqual([true, true, true, false, true]);
    expect(derivable(tree, (c) => households(c.id))).toEqual([]);
  });

  it('leaves out areas whose parent is not known, and decides each family independently of the order given', () => {
    const tree: AreaCell[] = [
      { id: 7, parentId: 99, households: 3, residents: 9 },
      { id: 8, parentId: 99, households: 30, residents: 90 },
    ];
    expect(hiddenAreas(tree).size).toBe(0);
    const a = hiddenAreas(randomTree(7));
    const b = hiddenAreas([...randomTree(7)].reverse());
    expect([...b.entries()].sort((x, y) => x[0] - y[0])).toEqual([...a.entries()].sort((x, y) => x[0] - y[0]));
  });

  it('on 300 random trees: no small cell nor complement follows from the published figures by sums, and no published parent has exactly one hidden child', () => {
    let checked = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const tree = randomTree(seed);
      const status = hiddenAreas(tree);
      expect(status.size).toBe(tree.length);
      for (const basis of ['households', 'residents'] as const) {
        const hidden = (c: AreaCell) => (status.get(c.id) as Hidden)[basis];
        for (const c of tree) if (smallCell(c)[basis]) expect(hidden(c)).toBe(true);
        for (const parent of tree.filter((c) => !hidden(c))) {
          expect(tree.filter((c) => c.parentId === parent.id && hidden(c)).length, `seed ${seed}`).not.toBe(1);
        }
        expect(derivable(tree, hidden), `seed ${seed} ${basis}`).toEqual([]);
        checked += tree.filter(hidden).length;
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });
});
