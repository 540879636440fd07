/** Masking of personal names for public pages: "Nguyễn Văn An" → "Nguyễn V. A.". */
export function maskPersonName(fullName: string): string {
  const parts = fullName.normalize('NFC').trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return '';
  const [family, ...rest] = parts;
  if (rest.length === 0) return `${family}`;
  // Array.from keeps a precomposed letter such as "Đ" or "Ấ" whole.
  return [family, ...rest.map((p) => `${Array.from(p)[0]!.toUpperCase()}.`)].join(' ');
}
