import { Kind } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DateScalar } from './scalars';

describe('Date scalar', () => {
  it('accepts calendar dates, from variables and literals', () => {
    expect(DateScalar.parseValue('2025-12-31')).toBe('2025-12-31');
    expect(DateScalar.parseValue('2024-02-29')).toBe('2024-02-29');
    expect(DateScalar.parseLiteral({ kind: Kind.STRING, value: '2026-10-31' })).toBe('2026-10-31');
  });

  it('refuses 2025-02-30 as bad input (BAD_USER_INPUT), from variables and literals, in Vietnamese', () => {
    for (const parse of [() => DateScalar.parseValue('2025-02-30'), () => DateScalar.parseLiteral({ kind: Kind.STRING, value: '2025-02-30' })]) {
      expect(parse).toThrow(expect.objectContaining({
        message: expect.stringMatching(/^Ngày không hợp lệ: 2025-02-30\. /), extensions: { code: 'BAD_USER_INPUT' } }));
    }
  });

  it('refuses days that are not on the calendar, other shapes and other types, in Vietnamese', () => {
    for (const bad of ['2025-02-29', '2025-13-01', '2025-04-31', '2025-1-01', '31/12/2025', '2025-12-31T00:00:00Z', 20251231, null]) {
      expect(() => DateScalar.parseValue(bad)).toThrow(/Ngày không hợp lệ/);
    }
    expect(() => DateScalar.parseLiteral({ kind: Kind.INT, value: '20251231' })).toThrow(/Ngày phải là chuỗi/);
  });

  it('serializes ISO date strings as they are', () => {
    expect(DateScalar.serialize('2026-10-31')).toBe('2026-10-31');
    expect(() => DateScalar.serialize(new Date())).toThrow();
  });
});
