// The content a document without history may hold, read and written generically: named maps of JSON values, bytes and
// nested maps. An epoch's rewrite and a client's migration both go through it (docs/decisions/0027).
import * as Y from 'yjs';

/**
 * Any shared type, a root or nested: the parts a generic walk reads. Yjs types each type's events, which makes its
 * types invariant in them; the walk needs none of that.
 */
export type AnyType = Pick<Y.AbstractType<unknown>, '_map' | '_start' | '_item' | 'doc'>;

/** A live map value: a JSON value (ContentAny), bytes (ContentBinary) or a nested map, recursively. */
export type TreeValue =
  | { kind: 'json'; value: unknown }
  | { kind: 'bytes'; value: Uint8Array }
  | { kind: 'map'; entries: Map<string, TreeValue> };

/** Thrown for content a rewrite cannot reproduce: a sequence (Y.Array, Y.Text, XML), a subdocument, legacy JSON. */
export class UnsupportedContent extends Error {
  constructor(where: string) {
    super(`unsupported content at ${where}`);
  }
}

/** The live value of a map key's current item (it must not be deleted). */
export function readItem(item: Y.Item, where: string): TreeValue {
  const content = item.content;
  if (content instanceof Y.ContentAny) {
    const values = content.getContent();
    return { kind: 'json', value: values[values.length - 1] };
  }
  if (content instanceof Y.ContentBinary) return { kind: 'bytes', value: content.content };
  if (content instanceof Y.ContentType && content.type instanceof Y.Map) return readMap(content.type, where);
  throw new UnsupportedContent(where);
}

/** Every live key of a map-like type, in its own order; sequence content anywhere is unsupported. */
export function readMap(type: AnyType, where: string): TreeValue & { kind: 'map' } {
  if (type._start !== null) throw new UnsupportedContent(where);
  const entries = new Map<string, TreeValue>();
  for (const [key, item] of type._map) if (!item.deleted) entries.set(key, readItem(item, `${where}.${key}`));
  return { kind: 'map', entries };
}

/** The document's root types, each as a map (roots are untyped on the relay: they are read by their content). */
export function readRoots(doc: Y.Doc): Map<string, TreeValue & { kind: 'map' }> {
  const roots = new Map<string, TreeValue & { kind: 'map' }>();
  for (const [name, type] of doc.share) roots.set(name, readMap(type, name));
  return roots;
}

/** What `Y.Map.set` takes for a value: a nested map is built before it is integrated, with its content. */
export function materialize(value: TreeValue): unknown {
  if (value.kind !== 'map') return value.value;
  return new Y.Map([...value.entries].map(([key, entry]) => [key, materialize(entry)] as [string, unknown]));
}
