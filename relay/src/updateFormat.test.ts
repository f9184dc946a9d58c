// The update format the in-place reader mirrors (updateCheck.ts, lib0Reader.ts, stateVector.ts), fixed: the Yjs and
// lib0 it was written against, one copy of Yjs for the whole workspace, and updates of every struct and content kind
// that the installed Yjs must still write byte for byte and read back the same. A Yjs upgrade that fails here means
// the reader must be checked against the new format (docs/decisions/0023) before the pin and the bytes move.
import { readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { checkInPlace, validateUpdate } from './updateCheck';
import { stateVectorInPlace } from './stateVector';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const relayManifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  dependencies: Record<string, string>;
};

/** The manifest of `name` as resolved from the package at `from` (a directory of the repository or of node_modules). */
function installed(name: string, from: string): { version: string; path: string } {
  const file = createRequire(`${from}/package.json`).resolve(`${name}/package.json`);
  return { version: (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version, path: realpathSync(file) };
}

/** A document whose writer has a fixed client id, so its updates are the same bytes at every run. */
function docOf(clientID: number, gc = true): Y.Doc {
  const doc = new Y.Doc({ gc });
  doc.clientID = clientID;
  return doc;
}

/** Every struct (Item, GC, Skip) and every content kind Yjs still writes, with each way an item names its parent. */
const CASES: Record<string, () => Uint8Array> = {
  'text: strings (UTF-16 past U+FFFF), a formatting mark, an embed': () => {
    const doc = docOf(1);
    const text = doc.getText('t');
    text.insert(0, 'Réunion 🩺 du mardi');
    text.format(0, 7, { bold: true });
    text.insertEmbed(8, { image: 'x.png' });
    return Y.encodeStateAsUpdate(doc);
  },
  'map: "any" values of every kind, under keys': () => {
    const doc = docOf(2);
    doc.getMap('m').set('clé', {
      list: [0, 63, 64, -70000, 1.5, 2 ** 40, -(2 ** 53 - 1), true, false, null, undefined, 'chaîne'],
      big: 2n ** 62n,
      bytes: new Uint8Array([1, 2, 255]),
      nested: { a: [{ b: [] }], c: {} },
    });
    doc.getMap('m').set('n', 7);
    return Y.encodeStateAsUpdate(doc);
  },
  'array: binary, and every shared type (XML element and hook named)': () => {
    const doc = docOf(3);
    const element = new Y.XmlElement('paragraph');
    element.setAttribute('align', 'left');
    doc
      .getArray('a')
      .push([
        new Uint8Array([9, 8, 7]),
        new Y.Map(),
        new Y.Array(),
        new Y.Text('x'),
        element,
        new Y.XmlFragment(),
        new Y.XmlHook('hook'),
        new Y.XmlText('y'),
      ]);
    return Y.encodeStateAsUpdate(doc);
  },
  'two writers: left and right origins, a parent named by its item id': () => {
    const a = docOf(4);
    const b = docOf(5);
    a.getText('t').insert(0, 'ac');
    a.getMap('m').set('inner', new Y.Map());
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    b.getText('t').insert(1, 'b');
    (b.getMap('m').get('inner') as Y.Map<number>).set('k', 1);
    return Y.encodeStateAsUpdate(b);
  },
  'deletions: deleted content, GC structs, a delete set': () => {
    const doc = docOf(6);
    const array = doc.getArray<unknown>('a');
    array.push([1, 2, 3, 4]);
    array.delete(1, 2);
    const gone = new Y.Map<string>();
    doc.getMap('m').set('gone', gone);
    gone.set('x', 'perdu');
    doc.getMap('m').delete('gone');
    return Y.encodeStateAsUpdate(doc);
  },
  'deletions kept (no gc): deleted items keep their content': () => {
    const doc = docOf(7, false);
    doc.getText('t').insert(0, 'gardé');
    doc.getText('t').delete(0, 2);
    return Y.encodeStateAsUpdate(doc);
  },
  'a subdocument and its options': () => {
    const doc = docOf(8);
    const sub = new Y.Doc({ guid: 'sous-document', meta: { kind: 'annexe' } } as ConstructorParameters<
      typeof Y.Doc
    >[0]);
    doc.getMap('m').set('doc', sub);
    return Y.encodeStateAsUpdate(doc);
  },
  'merged updates with a gap: a Skip struct': () => {
    const doc = docOf(9);
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    for (const s of ['un', 'deux', 'trois']) doc.getText('t').insert(0, s);
    return Y.mergeUpdates([updates[0]!, updates[2]!]);
  },
};

/** What the installed Yjs wrote for CASES with the pinned version (yjs 13.6.33, lib0 0.2.120), as hex. */
const GOLDEN: Record<string, string> = {
  'text: strings (UTF-16 past U+FFFF), a formatting mark, an embed':
    '01060100040101740852c3a9756e696f6e84010601208401070df09fa9ba206475206d6172646946010004626f6c64047472' +
    '7565c60106010704626f6c64046e756c6cc501070108117b22696d616765223a22782e706e67227d00',
  'map: "any" values of every kind, under keys':
    '010202002801016d04636cc3a9017604046c697374750c7d007d3f7d80017df0c5087c3fc000007c538000007bc33fffffff' +
    'ffffff78797e7f7707636861c3ae6e65036269677a400000000000000005627974657374030102ff066e6573746564760201' +
    '617501760101627500016376002801016d016e017d0700',
  'array: binary, and every shared type (XML element and hook named)':
    '010b030003010161030908078703000187030100870302020400030301788703030309706172616772617068280003050561' +
    '6c69676e0177046c656674870305048703070504686f6f6b8703080604000309017900',
  'two writers: left and right origins, a parent named by its item id':
    '02020500c404000401016228000402016b017d0103040004010174016184040001632701016d05696e6e65720100',
  'deletions: deleted content, GC structs, a delete set':
    '0105060008010161017d0181060002880602017d042101016d04676f6e6501000101060201020402',
  'deletions kept (no gc): deleted items keep their content': '0102070004010174026761840701047264c3a90107010002',
  'a subdocument and its options':
    '010108002901016d03646f630d736f75732d646f63756d656e747601046d6574617601046b696e647706616e6e65786500',
  'merged updates with a gap: a Skip struct': '010309000401017402756e0a044409020574726f697300',
};

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('the update format the relay reads in place', () => {
  it('comes from the pinned Yjs and lib0, and from nowhere else', () => {
    expect(relayManifest.dependencies.yjs).toBe('13.6.33');
    expect(relayManifest.dependencies.lib0).toBe('0.2.120');
    const yjs = installed('yjs', `${REPO}relay`);
    expect(yjs.version).toBe(relayManifest.dependencies.yjs);
    // lib0 as Yjs itself resolves it: what writes the integers, strings and values the reader reads.
    expect(installed('lib0', `${yjs.path}/..`).version).toBe(relayManifest.dependencies.lib0);
  });

  it('has one Yjs in the workspace: every package, and y-protocols, resolve the same copy', () => {
    const relayYjs = installed('yjs', `${REPO}relay`).path;
    for (const pkg of ['shared', 'client', 'test', 'bench'])
      expect(installed('yjs', `${REPO}${pkg}`).path).toBe(relayYjs);
    const yProtocols = installed('y-protocols', `${REPO}relay`).path;
    expect(installed('yjs', `${yProtocols}/..`).path).toBe(relayYjs);
  });

  it.each(Object.keys(CASES))('writes %s byte for byte as the pinned Yjs did', (name) => {
    expect(hex(CASES[name]!())).toBe(GOLDEN[name]);
  });

  it.each(Object.keys(CASES))('reads %s back as the pinned Yjs did, and so does the reader', (name) => {
    const golden = new Uint8Array(Buffer.from(GOLDEN[name]!, 'hex'));
    // No gc: a document that kept its deleted content must give it back as it was.
    const doc = new Y.Doc({ gc: false });
    Y.applyUpdate(doc, golden);
    expect(hex(Y.encodeStateAsUpdate(doc))).toBe(GOLDEN[name]);
    expect(() => validateUpdate(golden)).not.toThrow();
    if (checkInPlace(golden))
      expect([...stateVectorInPlace(golden)!]).toEqual([...Y.encodeStateVectorFromUpdate(golden)]);
  });
});
