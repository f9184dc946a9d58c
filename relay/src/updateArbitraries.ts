// Test support: fast-check arbitraries for Yjs updates of every content kind and struct, and their mutations
// (updateCheck.test.ts, stateVector.test.ts), and a value nested past the stack's depth (rooms.test.ts, test/sync).
import fc from 'fast-check';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';

const anyValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string(),
    fc.integer(),
    fc.double(),
    fc.float(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
    fc.uint8Array({ maxLength: 4 }),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 3 }), tie('value'), { maxKeys: 3, noNullPrototype: true }),
  ),
})).value;
/** What Yjs takes as a value of its own (no bigint or undefined at the top: those only nest). */
const topValue = anyValue.filter((v) => typeof v !== 'bigint' && v !== undefined);

/** One edit of a kind that puts a given Yjs content or struct in the update. */
export const edit = fc.oneof(
  fc.record({ op: fc.constant('set' as const), key: fc.string({ maxLength: 3 }), value: topValue }),
  fc.record({
    op: fc.constant('text' as const),
    at: fc.nat(),
    text: fc.string({ minLength: 1, maxLength: 5, unit: 'binary' }),
  }),
  fc.record({ op: fc.constant('bold' as const), at: fc.nat(), text: fc.string({ minLength: 1, maxLength: 3 }) }),
  fc.record({ op: fc.constant('cut' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ op: fc.constant('push' as const), values: fc.array(topValue, { minLength: 1, maxLength: 3 }) }),
  fc.record({
    op: fc.constant('type' as const),
    kind: fc.constantFrom('map', 'array', 'text', 'xml', 'xmltext', 'hook'),
  }),
  fc.record({ op: fc.constant('binary' as const), bytes: fc.uint8Array({ maxLength: 6 }) }),
  fc.record({ op: fc.constant('embed' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('subdoc' as const) }),
  fc.record({ op: fc.constant('drop' as const), at: fc.nat() }),
);
export type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

export function apply(doc: Y.Doc, e: Edit): void {
  const text = doc.getText('t');
  const array = doc.getArray<unknown>('a');
  const map = doc.getMap<unknown>('m');
  switch (e.op) {
    case 'set':
      map.set(e.key, e.value);
      return;
    case 'text':
      return text.insert(e.at % (text.length + 1), e.text);
    case 'bold':
      return text.insert(e.at % (text.length + 1), e.text, { bold: true });
    case 'cut':
      if (text.length > 0) text.delete(e.at % text.length, Math.min(e.length, text.length - (e.at % text.length)));
      return;
    case 'push':
      return array.push(e.values);
    case 'type': {
      const made = {
        map: () => new Y.Map(),
        array: () => new Y.Array(),
        text: () => new Y.Text('x'),
        xml: () => new Y.XmlElement('p'),
        xmltext: () => new Y.XmlText('y'),
        hook: () => new Y.XmlHook('h'),
      }[e.kind]();
      return array.push([made]);
    }
    case 'binary':
      return array.push([e.bytes]);
    case 'embed':
      return text.insertEmbed(e.at % (text.length + 1), { image: 'a.png' });
    case 'subdoc':
      map.set('doc', new Y.Doc());
      return;
    case 'drop':
      if (array.length > 0) array.delete(e.at % array.length, 1);
      return;
  }
}

/** Every update the edits produce, their merges (with gaps: Skip structs), and whole states (GC structs, deletions). */
export function updatesOf(edits: Edit[], gc: boolean): Uint8Array[] {
  const doc = new Y.Doc({ gc });
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  for (const e of edits) apply(doc, e);
  const gapped = updates.filter((_, i) => i % 2 === 0);
  return [...updates, Y.encodeStateAsUpdate(doc), ...(gapped.length > 1 ? [Y.mergeUpdates(gapped)] : [])];
}

export const mutation = fc.record({
  flips: fc.array(fc.tuple(fc.nat(), fc.nat(255)), { maxLength: 3 }),
  inserts: fc.array(fc.tuple(fc.nat(), fc.nat(255)), { maxLength: 2 }),
  cut: fc.option(fc.nat()),
});

export function mutate(
  update: Uint8Array,
  { flips, inserts, cut }: { flips: [number, number][]; inserts: [number, number][]; cut: number | null },
): Uint8Array {
  const bytes = [...update];
  for (const [at, value] of flips) if (bytes.length > 0) bytes[at % bytes.length] = value;
  for (const [at, value] of inserts) bytes.splice(at % (bytes.length + 1), 0, value);
  return new Uint8Array(cut === null ? bytes : bytes.slice(0, cut % (bytes.length + 1)));
}

/** A map entry of `depth` arrays nested, encoded by hand: lib0's own writer recurses, and runs out of stack first. */
export function deepArrays(depth: number, client = 1): Uint8Array {
  const e = encoding.createEncoder();
  for (const n of [1, 1, client, 0]) encoding.writeVarUint(e, n); // 1 client, 1 struct, its id, clock 0
  encoding.writeUint8(e, 8 | 0x20); // ContentAny, with a key
  encoding.writeVarUint(e, 1); // parent: a root type by name
  encoding.writeVarString(e, 'm');
  encoding.writeVarString(e, 'deep');
  encoding.writeVarUint(e, 1); // one value
  // an array of one, depth times
  for (let i = 0; i < depth; i++) {
    encoding.writeUint8(e, 117);
    encoding.writeVarUint(e, 1);
  }
  encoding.writeUint8(e, 126); // null
  encoding.writeVarUint(e, 0); // no deletions
  return encoding.toUint8Array(e);
}
