// A search hit's snippet under its row: the document's own words around the first one found, the query's words marked.
import type { SearchHit } from './fullText';

export function SearchSnippet({ hit }: { hit: SearchHit | undefined }) {
  if (!hit || hit.snippet.length === 0) return null;
  return (
    <p className="snippet muted small">
      {hit.snippet.map((part, i) => (part.found ? <mark key={i}>{part.text}</mark> : part.text))}
    </p>
  );
}
