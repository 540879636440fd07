import { describe, expect, it } from 'vitest';
import { disclose, isSmallCell } from './disclosure';
import { Role, type Viewer } from './roles';

const officer: Viewer = { userId: 1, role: Role.COMMUNE_OFFICER, areaIds: [3] };
const figures = { value: 0.75, numerator: 3, denominator: 4 };

describe('small-cell suppression', () => {
  it('blanks a cell of 1 to 4 households for the public and says so', () => {
    expect(disclose(null, 4, figures)).toEqual({ value: null, numerator: 0, denominator: 0, suppressed: true });
    expect(disclose(null, 1, figures)).toEqual({ value: null, numerator: 0, denominator: 0, suppressed: true });
  });

  it('shows cells of 5 or more, and empty areas, to the public', () => {
    expect(disclose(null, 5, figures)).toEqual({ ...figures, suppressed: false });
    expect(disclose(null, 0, { value: null, numerator: 0, denominator: 0 }).suppressed).toBe(false);
    expect(isSmallCell(0)).toBe(false);
  });

  it('shows small cells to signed-in users', () => {
    expect(disclose(officer, 3, figures)).toEqual({ ...figures, suppressed: false });
  });
});
