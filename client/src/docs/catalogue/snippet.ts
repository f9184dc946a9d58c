// A search hit's snippet: the document's own words (accents, case, punctuation as written) around the first word
// found, every query word in it marked. The index searches a normalized copy; this maps its offsets back.
import { normalize } from '../../ui/search';

export interface SnippetPart {
  text: string;
  /** Whether this part is a word of the query, as found in the text. */
  found: boolean;
}

/** A text normalized for search, with where each stretch of it starts in the original. */
export interface NormalizedText {
  text: string;
  /** Pairs (normalized offset, original offset), one per CHUNK characters of the original, in order. */
  marks: Int32Array;
}

const RADIUS = 60;
const CHUNK = 256;

/**
 * Normalizes by stretches, noting where each starts: normalizing drops some characters (« · », « ^ », combining
 * accents) and may change others' length, so offsets into the normalized text differ from the original's as soon as
 * one occurs. A snippet then maps its offsets back from the nearest mark, not from the start of a long text.
 */
export function normalizeForSearch(original: string): NormalizedText {
  const parts: string[] = [];
  const marks = new Int32Array(2 * Math.ceil(original.length / CHUNK) + 2);
  let length = 0;
  let at = 0;
  let m = 0;
  while (at < original.length) {
    let end = Math.min(original.length, at + CHUNK);
    // Never split a surrogate pair.
    if (end < original.length && /[\uD800-\uDBFF]/.test(original[end - 1]!)) end++;
    marks[m++] = length;
    marks[m++] = at;
    const part = normalize(original.slice(at, end));
    parts.push(part);
    length += part.length;
    at = end;
  }
  return { text: parts.join(''), marks: marks.subarray(0, m) };
}

/** Each character's normalized form, cached: French text uses a few dozen distinct characters. */
const forms = new Map<string, string>();
const formOf = (ch: string): string => {
  let form = forms.get(ch);
  if (form === undefined) {
    form = normalize(ch);
    forms.set(ch, form);
  }
  return form;
};

/** For each normalized offset in [from, to), the original [start, end) it comes from. */
function origins(original: string, normalized: NormalizedText, from: number, to: number) {
  const { marks } = normalized;
  let m = 0;
  while (m + 2 < marks.length && marks[m + 2]! <= from) m += 2;
  let n = marks[m] ?? 0;
  let at = marks[m + 1] ?? 0;
  const starts: number[] = [];
  const ends: number[] = [];
  while (n < to && at < original.length) {
    const code = original.codePointAt(at)!;
    const ch = String.fromCodePoint(code);
    const form = formOf(ch);
    for (let i = 0; i < form.length; i++, n++) {
      if (n >= from) {
        starts.push(at);
        ends.push(at + ch.length);
      }
    }
    at += ch.length;
  }
  return {
    start: (i: number) => starts[i - from] ?? original.length,
    end: (i: number) => ends[i - from] ?? original.length,
  };
}

/** The snippet around the first occurrence of `words[0]` in the normalized `original`. */
export function snippetOf(original: string, normalized: NormalizedText, words: readonly string[]): SnippetPart[] {
  const text = normalized.text;
  const first = words[0] ?? '';
  const at = first ? text.indexOf(first) : -1;
  if (at === -1) return [];
  const from = Math.max(0, at - RADIUS);
  const to = Math.min(text.length, at + first.length + RADIUS);
  const origin = origins(original, normalized, from, to);
  const start = from === 0 ? 0 : origin.start(from);
  const end = to >= text.length ? original.length : origin.end(to - 1);
  // Every occurrence of every word inside the window, as original ranges; overlapping ones merge.
  const ranges: [number, number][] = [];
  for (const word of words) {
    for (let i = text.indexOf(word, from); i !== -1 && i + word.length <= to; i = text.indexOf(word, i + 1))
      ranges.push([origin.start(i), origin.end(i + word.length - 1)]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const parts: SnippetPart[] = [];
  const push = (slice: string, found: boolean) => {
    const tidy = slice.replace(/\s+/g, ' ');
    if (tidy) parts.push({ text: tidy, found });
  };
  let cursor = start;
  for (const [a, b] of ranges) {
    if (b <= cursor) continue;
    push(original.slice(cursor, Math.max(cursor, a)), false);
    push(original.slice(Math.max(cursor, a), b), true);
    cursor = b;
  }
  push(original.slice(cursor, end), false);
  trimEnds(parts);
  if (start > 0) parts.unshift({ text: '…', found: false });
  if (end < original.length) parts.push({ text: '…', found: false });
  return parts.filter((p) => p.text !== '');
}

function trimEnds(parts: SnippetPart[]): void {
  const head = parts[0];
  if (head && !head.found) head.text = head.text.trimStart();
  const tail = parts[parts.length - 1];
  if (tail && !tail.found) tail.text = tail.text.trimEnd();
}

/** The snippet as plain text (tests, a title attribute). */
export const snippetText = (parts: readonly SnippetPart[]): string => parts.map((p) => p.text).join('');
