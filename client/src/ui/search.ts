// Accent- and case-insensitive matching, as users type French names ("deces" finds "Décès"); a keyboard's ' finds the
// text's ’ (one character for one, so offsets into the text still hold).
export function normalize(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/[’‘ʼ]/g, "'")
    .toLowerCase();
}

export function matches(haystack: string, query: string): boolean {
  const words = normalize(query).split(/\s+/).filter(Boolean);
  const target = normalize(haystack);
  return words.every((w) => target.includes(w));
}
