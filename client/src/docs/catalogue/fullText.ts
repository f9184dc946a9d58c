// Full-text search over the documents on this device: every word of the query must appear (accents and case
// ignored, word starts match: « diab » finds « Diabète »); ranked by where and how often the words appear, weighed
// by how rare they are; each hit with a snippet around the first word found (snippet.ts).
import { normalize } from '../../ui/search';
import { normalizeForSearch, snippetOf, type NormalizedText, type SnippetPart } from './snippet';

export interface SearchableDoc {
  docId: string;
  title: string;
  theme: string;
  text: string;
}

export interface SearchHit {
  docId: string;
  score: number;
  /** The document's own words around the first word found, the query's words marked. */
  snippet: SnippetPart[];
}

interface Indexed {
  title: string;
  theme: string;
  text: string;
  /** The original text, for snippets, and where its stretches start in the normalized one. */
  raw: string;
  normalized: NormalizedText;
}

/** Occurrences counted per word and document: past this, more of the same word says nothing new. */
const MAX_COUNT = 50;

function count(haystack: string, needle: string): number {
  let n = 0;
  for (let at = haystack.indexOf(needle); at !== -1 && n < MAX_COUNT; at = haystack.indexOf(needle, at + needle.length))
    n++;
  return n;
}

export class FullTextIndex {
  private readonly docs = new Map<string, Indexed>();

  get size(): number {
    return this.docs.size;
  }

  /** Adds or updates a document; its text is normalized again only if it changed (a 50-page text costs ~10 ms). */
  set(doc: SearchableDoc): void {
    const previous = this.docs.get(doc.docId);
    const normalized = previous && previous.raw === doc.text ? previous.normalized : normalizeForSearch(doc.text);
    this.docs.set(doc.docId, {
      title: normalize(doc.title),
      theme: normalize(doc.theme),
      text: normalized.text,
      raw: doc.text,
      normalized,
    });
  }

  ids(): string[] {
    return [...this.docs.keys()];
  }

  delete(docId: string): void {
    this.docs.delete(docId);
  }

  search(query: string, limit = 100): SearchHit[] {
    const words = [...new Set(normalize(query).split(/\s+/).filter(Boolean))];
    if (words.length === 0) return [];
    const matching: { docId: string; doc: Indexed; counts: number[][] }[] = [];
    const df = words.map(() => 0);
    for (const [docId, doc] of this.docs) {
      const counts = words.map((w) => [count(doc.title, w), count(doc.theme, w), count(doc.text, w)]);
      if (counts.some(([a, b, c]) => a! + b! + c! === 0)) continue;
      counts.forEach((_, i) => df[i]!++);
      matching.push({ docId, doc, counts });
    }
    const n = this.docs.size;
    return matching
      .map(({ docId, doc, counts }) => ({
        docId,
        score: counts.reduce(
          (sum, [inTitle, inTheme, inText], i) =>
            sum +
            Math.log(1 + n / df[i]!) *
              (10 * Math.min(inTitle!, 1) + 5 * Math.min(inTheme!, 1) + Math.log2(1 + inText!)),
          0,
        ),
        snippet: snippetOf(doc.raw, doc.normalized, words),
      }))
      .sort((a, b) => b.score - a.score)
      .slice(0, limit);
  }
}
