// Accent- and case-insensitive matching, as users type French names ("deces" finds "Décès").
export function normalize(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

export function matches(haystack: string, query: string): boolean {
  const words = normalize(query).split(/\s+/).filter(Boolean);
  const target = normalize(haystack);
  return words.every((w) => target.includes(w));
}
