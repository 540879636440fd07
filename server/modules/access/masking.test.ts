import { describe, expect, it } from 'vitest';
import { maskName } from './masking';

describe('maskName', () => {
  it('keeps the family name and turns the other words into initials', () => {
    expect(maskName('Nguyễn Văn An')).toBe('Nguyễn V. A.');
    expect(maskName('Nông Thị Ánh Tuyết')).toBe('Nông T. Á. T.');
  });

  it('keeps Vietnamese initials whole, whatever the Unicode form', () => {
    expect(maskName('Đặng Đức Ơn')).toBe('Đặng Đ. Ơ.');
    const decomposed = 'Lưu Ánh'.normalize('NFD');
    expect(maskName(decomposed)).toBe('Lưu Á.');
    expect(maskName(decomposed)).toBe(maskName('Lưu Ánh'));
  });

  it('ignores extra spaces and upper-cases initials', () => {
    expect(maskName('  hoàng   văn  thụ ')).toBe('hoàng V. T.');
  });

  it('does not reveal a one-word name in full', () => {
    expect(maskName('Lý')).toBe('L.');
    expect(maskName('   ')).toBe('');
  });
});
