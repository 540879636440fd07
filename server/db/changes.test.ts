import { describe, expect, it } from 'vitest';
import { ANYTHING, tag, touches } from '../graphql/response-cache';
import { decodeChanges, encodeChanges, MAX_PAYLOAD_BYTES } from './changes';

describe('change events on the wire', () => {
  it('carries kinds and areas, and only the kinds (every area) when the areas would not fit a NOTIFY', () => {
    const small = encodeChanges('me', { households: ['90001-004', '90001', '04', 'VN'] });
    expect(decodeChanges(small)).toEqual({ origin: 'me', changes: { households: ['90001-004', '90001', '04', 'VN'] } });
    const many = Array.from({ length: 2000 }, (_, i) => `90001-${String(i).padStart(3, '0')}`);
    const big = encodeChanges('me', { households: many, activities: ['04'] });
    expect(Buffer.byteLength(big)).toBeLessThan(MAX_PAYLOAD_BYTES);
    expect(decodeChanges(big)).toEqual({ origin: 'me', changes: { households: 'all', activities: 'all' } });
  });

  it('reads a payload it does not understand as everything', () => {
    expect(decodeChanges('not json').changes).toBe('everything');
    expect(decodeChanges(JSON.stringify({ origin: 'x', changes: { spaceships: ['04'] } })).changes).toBe('everything');
    expect(decodeChanges(JSON.stringify({ origin: 'x', changes: { households: [4] } })).changes).toBe('everything');
  });

  it('touches an answer only through a kind it read, in an area it read or any area', () => {
    const board = [tag('households', '90001'), tag('areas', '*')];
    expect(touches({ households: ['90001-004', '90001', '04'] }, board)).toBe(true);
    expect(touches({ households: ['90002-001', '90002', '04'] }, board)).toBe(false);
    expect(touches({ activities: ['90001-004', '90001', '04'] }, board)).toBe(false);
    expect(touches({ households: 'all' }, board)).toBe(true);
    expect(touches({ areas: ['90002'] }, board)).toBe(true);
    expect(touches({ teams: ['90002'] }, [ANYTHING])).toBe(true);
    expect(touches({}, [ANYTHING])).toBe(false);
    expect(touches('everything', [tag('reviews', '*')])).toBe(true);
  });
});
