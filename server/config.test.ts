import { describe, expect, it } from 'vitest';
import { readConfig } from './config';

describe('PUBLIC_BASE_URL', () => {
  it('defaults to the local address on PORT', () => {
    expect(readConfig({}).publicBaseUrl).toBe('http://localhost:4000');
    expect(readConfig({ PORT: '8080' }).publicBaseUrl).toBe('http://localhost:8080');
  });

  it('takes the configured address, without a trailing slash', () => {
    expect(readConfig({ PUBLIC_BASE_URL: 'https://thiduaso.caobang.gov.vn/' }).publicBaseUrl).toBe('https://thiduaso.caobang.gov.vn');
    expect(readConfig({ PUBLIC_BASE_URL: 'https://caobang.gov.vn/thi-dua-so/' }).publicBaseUrl).toBe('https://caobang.gov.vn/thi-dua-so');
  });

  it('refuses what is not an http(s) address, saying which variable', () => {
    for (const bad of ['thiduaso.caobang.gov.vn', 'javascript:alert(1)', 'ftp://x.example', 'https://x.example/?a=1']) {
      expect(() => readConfig({ PUBLIC_BASE_URL: bad }), bad).toThrow(/PUBLIC_BASE_URL không hợp lệ/);
    }
  });
});
