/** Names shown to roles that need only counts: family name in full, the other words as initials. */

const initial = (word: string) => `${(Array.from(word)[0] ?? '').toLocaleUpperCase('vi')}.`;

/** "Nguyễn Văn An" → "Nguyễn V. A."; a one-word name keeps only its initial. */
export function maskName(fullName: string): string {
  const words = fullName.normalize('NFC').trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '';
  if (words.length === 1) return initial(words[0]!);
  const [family, ...rest] = words;
  return [family, ...rest.map(initial)].join(' ');
}
