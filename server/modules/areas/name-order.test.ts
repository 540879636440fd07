import { describe, expect, it } from 'vitest';
import { byVietnameseName } from './name-order';

const names = (rows: { name: string }[]) => rows.map((r) => r.name);

describe('byVietnameseName', () => {
  it('orders by Vietnamese collation, the same list again the same way, without changing its input', () => {
    const rows = ['Xã Đông Khê', 'Xã Ân Thi', 'Xã Bạch Đằng', 'Phường Thục Phán', 'Xã An Lạc', 'Xã Ấp Mới'].map((name, id) => ({ id, name }));
    const expected = ['Phường Thục Phán', 'Xã An Lạc', 'Xã Ân Thi', 'Xã Ấp Mới', 'Xã Bạch Đằng', 'Xã Đông Khê'];
    expect(names(byVietnameseName(rows))).toEqual(expected);
    expect(names(byVietnameseName(rows))).toEqual(expected);
    expect(rows[0]!.name).toBe('Xã Đông Khê');
  });

  it('remembers the order of the names, not of the rows: other rows with the same names keep their own data', () => {
    const first = byVietnameseName([{ name: 'Xóm B', n: 1 }, { name: 'Xóm A', n: 2 }]);
    const second = byVietnameseName([{ name: 'Xóm B', n: 3 }, { name: 'Xóm A', n: 4 }]);
    expect(first.map((r) => r.n)).toEqual([2, 1]);
    expect(second.map((r) => r.n)).toEqual([4, 3]);
  });
});
