// Before a report is saved: does its free text seem to name someone? A colleague's name from the annuaire, a date of
// birth, a phone number, an INS/NIR. Warnings only: the reporter rephrases or confirms; nothing is sent meanwhile.

export type IdentityWarningKind = 'memberName' | 'birthDate' | 'phone' | 'nir';

export interface IdentityWarning {
  kind: IdentityWarningKind;
  /** What was found, as written in the text (for a name, the words of the annuaire's name that matched). */
  found: string;
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

/** Words of a name that identify someone: not titles, not initials. */
const TITLES = new Set([
  'dr',
  'docteur',
  'pr',
  'professeur',
  'mme',
  'madame',
  'm',
  'mr',
  'monsieur',
  'mlle',
  'de',
  'du',
  'le',
  'la',
]);
const nameWords = (name: string) =>
  fold(name)
    .split(/[^\p{L}]+/u)
    .filter((w) => w.length >= 3 && !TITLES.has(w));

const PHONE = /(?:\+33[\s.-]?|0033[\s.-]?|(?<!\d)0)[1-9](?:[\s.-]?\d{2}){4}(?!\d)/g;
const NIR_CANDIDATE = /(?<![\dA-Za-z])[1-478][\d\s.AaBb]{11,21}\d(?!\d)/g;
const NIR = /^[1-478]\d{4}(?:\d{2}|2[AB])\d{6}(?:\d{2})?$/;
const DATE = /(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?!\d)/g;
const BIRTH_CUE = /(?:(?<!\p{L})n[ée]e?s?(?!\p{L})|naissance|\bddn\b)[^.\n]{0,20}$/iu;

function dates(text: string, now: Date): IdentityWarning[] {
  const found: IdentityWarning[] = [];
  const lastYear = now.getUTCFullYear() - 1;
  for (const match of text.matchAll(DATE)) {
    const yearText = match[3]!;
    const year = yearText.length === 2 ? 1900 + Number(yearText) : Number(yearText);
    const cued = BIRTH_CUE.test(text.slice(0, match.index));
    // An event is reported days after it happens; a full date from earlier years is most likely someone's birth.
    if (cued || (yearText.length === 4 && year < lastYear)) found.push({ kind: 'birthDate', found: match[0] });
  }
  return found;
}

function names(text: string, memberNames: readonly string[]): IdentityWarning[] {
  const words = new Set(fold(text).split(/[^\p{L}]+/u));
  const found: IdentityWarning[] = [];
  for (const name of memberNames) {
    const matched = nameWords(name).filter((w) => words.has(w));
    if (matched.length > 0) found.push({ kind: 'memberName', found: name });
  }
  return found;
}

export function identityWarnings(
  text: string,
  memberNames: readonly string[],
  now: Date = new Date(),
): IdentityWarning[] {
  const phones = [...text.matchAll(PHONE)].map((m) => ({ kind: 'phone' as const, found: m[0] }));
  const nirs = [...text.matchAll(NIR_CANDIDATE)]
    .filter((m) => NIR.test(m[0].replace(/[\s.]/g, '').toUpperCase()))
    .map((m) => ({ kind: 'nir' as const, found: m[0] }));
  return [...names(text, memberNames), ...dates(text, now), ...phones, ...nirs];
}
