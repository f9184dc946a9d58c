// Test support for updateCheck.test.ts: values nested around the depth bound, and updates carrying a value in each
// kind of content that holds one.
import fc from 'fast-check';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';

/** `depth` arrays, one inside the other, around a string. */
export function nested(depth: number): unknown {
  let value: unknown = 'fond';
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? [value] : { k: value };
  return value;
}

/** Arrays and objects nested in one value, as many as there are on its deepest path. */
export function depthOf(value: unknown): number {
  if (Array.isArray(value)) return 1 + Math.max(0, ...value.map(depthOf));
  if (value !== null && typeof value === 'object') return 1 + Math.max(0, ...Object.values(value).map(depthOf));
  return 0;
}

/** Values up to ~90 deep: either side of the bound. */
export const deepValue = fc
  .integer({ min: 0, max: 90 })
  .chain((depth) =>
    fc
      .array(fc.constantFrom<'array' | 'object'>('array', 'object'), { minLength: depth, maxLength: depth })
      .map((kinds) =>
        kinds.reduce<unknown>((inner, kind) => (kind === 'array' ? [1, inner] : { a: inner, b: 'x' }), 'fond'),
      ),
  );

/** An update of one ContentAny struct holding these values, written as lib0 writes them (Yjs' own writer recurses). */
export function anyUpdate(values: unknown[]): Uint8Array {
  const doc = new Y.Doc();
  doc.getArray('a').push(values);
  return Y.encodeStateAsUpdate(doc);
}

/**
 * Every content that carries a value: ContentAny (an array entry), ContentFormat (a mark), ContentEmbed, ContentJSON,
 * ContentDoc (its options). `wraps`: the objects Yjs writes around the value (each one entry and one level).
 */
export const valueContents: { make: (value: unknown) => Uint8Array; wraps: number }[] = [
  { make: (value) => anyUpdate([value]), wraps: 0 },
  {
    make: (value) => {
      const doc = new Y.Doc();
      doc.getText('t').insert(0, 'x', { mark: value });
      return Y.encodeStateAsUpdate(doc);
    },
    wraps: 0,
  },
  {
    make: (value) => {
      const doc = new Y.Doc();
      doc.getText('t').insertEmbed(0, value as object);
      return Y.encodeStateAsUpdate(doc);
    },
    wraps: 0,
  },
  { make: (value) => jsonUpdate(JSON.stringify(value)), wraps: 0 },
  {
    make: (value) => {
      const doc = new Y.Doc();
      doc.getMap('m').set('doc', new Y.Doc({ meta: value } as ConstructorParameters<typeof Y.Doc>[0]));
      return Y.encodeStateAsUpdate(doc);
    },
    wraps: 1,
  },
];

/** One ContentJSON struct (Yjs reads it still, from old documents; it no longer writes it): a map entry of one JSON text. */
function jsonUpdate(json: string): Uint8Array {
  const e = encoding.createEncoder();
  for (const n of [1, 1, 1, 0]) encoding.writeVarUint(e, n); // 1 client, 1 struct, client 1, clock 0
  encoding.writeUint8(e, 2 | 0x20); // ContentJSON, with a key
  encoding.writeVarUint(e, 1); // parent: a root type by name
  encoding.writeVarString(e, 'm');
  encoding.writeVarString(e, 'k');
  encoding.writeVarUint(e, 1);
  encoding.writeVarString(e, json);
  encoding.writeVarUint(e, 0); // no deletions
  return encoding.toUint8Array(e);
}
