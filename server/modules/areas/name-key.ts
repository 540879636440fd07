/**
 * Folding of Vietnamese place names for matching and search.
 *
 * Real sources write the same name with the tone mark on different vowels ("Hòa An" / "Hoà An",
 * "Đàm Thủy" / "Đàm Thuỷ"), in NFC or NFD, in any case. The key is the NFD form, lower-cased,
 * with whitespace collapsed and the tone marks of each word moved to the end of that word, so
 * all these spellings give the same key. Other marks stay where they are (â, ă, ê, ô, ơ, ư are
 * different letters), and so does đ (NFD does not decompose it).
 */

/** Combining grave, acute, tilde, hook above, dot below: the five Vietnamese tone marks. */
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/gu;

export function nameKey(name: string): string {
  return name
    .normalize('NFD')
    .toLowerCase()
    .trim()
    .split(/\s+/u)
    .filter((word) => word.length > 0)
    .map((word) => {
      const tones = word.match(TONE_MARKS);
      if (!tones) return word;
      return word.replace(TONE_MARKS, '') + [...tones].sort().join('');
    })
    .join(' ');
}
