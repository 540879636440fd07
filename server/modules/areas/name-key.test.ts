import { describe, expect, it } from 'vitest';
import { nameKey } from './name-key';

describe('nameKey', () => {
  it('treats both tone-mark placements as the same name', () => {
    expect(nameKey('Hòa An')).toBe(nameKey('Hoà An'));
    expect(nameKey('Xã Đàm Thủy')).toBe(nameKey('Xã Đàm Thuỷ'));
    expect(nameKey('Xã Phục Hòa')).toBe(nameKey('Xã Phục Hoà'));
  });

  it('ignores case, NFC/NFD form and extra whitespace', () => {
    const key = nameKey('Xã Hòa An');
    expect(nameKey('XÃ HÒA AN')).toBe(key);
    expect(nameKey('xã hòa an'.normalize('NFD'))).toBe(key);
    expect(nameKey('  Xã   Hoà An ')).toBe(key);
    expect(nameKey('Xã Hòa An'.normalize('NFD'))).toBe(nameKey('Xã Hoà An'.normalize('NFC')));
  });

  it('keeps đ and the letter marks (circumflex, breve, horn) apart', () => {
    expect(nameKey('Đàm')).not.toBe(nameKey('Dàm'));
    expect(nameKey('Đàm').startsWith('đ')).toBe(true);
    expect(nameKey('Tân')).not.toBe(nameKey('Tan'));
    expect(nameKey('Lăng')).not.toBe(nameKey('Lâng'));
    expect(nameKey('Sơn')).not.toBe(nameKey('Son'));
    expect(nameKey('Lư')).not.toBe(nameKey('Lu'));
  });

  it('keeps different tones apart', () => {
    expect(nameKey('Nà')).not.toBe(nameKey('Ná'));
    expect(nameKey('Nà')).not.toBe(nameKey('Na'));
    expect(nameKey('Mạ')).not.toBe(nameKey('Mã'));
  });

  it('moves the tone mark of each word to the end of that word', () => {
    expect(nameKey('Thủy')).toBe('thuy\u0309');
    expect(nameKey('Quảng Uyên')).toBe('quang\u0309 uye\u0302n');
  });
});
