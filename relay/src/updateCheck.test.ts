import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import { checkInPlace, MAX_VALUE_DEPTH, MAX_VALUE_ENTRIES, validateUpdate, validateWithYjs } from './updateCheck';
import { deepArrays, edit, mutate, mutation, updatesOf } from './updateArbitraries';
import { MalformedMessage } from './protocol';
import { anyUpdate, deepValue, depthOf, nested, valueContents } from './valueUpdates';

/** What a check says of an update: accepted, or refused (always as MalformedMessage). */
function verdict(check: (u: Uint8Array) => void, update: Uint8Array): 'accepted' | 'refused' {
  try {
    check(update);
    return 'accepted';
  } catch (err) {
    expect(err).toBeInstanceOf(MalformedMessage);
    return 'refused';
  }
}

describe('validating an update in place', () => {
  it('accepts every update Yjs writes, of every content kind and struct', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 12 }), fc.boolean(), (edits, gc) => {
        for (const update of updatesOf(edits, gc)) {
          expect(verdict(validateWithYjs, update)).toBe('accepted');
          expect(verdict(validateUpdate, update)).toBe('accepted');
        }
      }),
      { numRuns: 300 },
    );
  });

  it('says what Yjs says of mutated, truncated and lengthened updates', () => {
    let refused = 0;
    let decidedInPlace = 0;
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 8 }), fc.boolean(), mutation, (edits, gc, m) => {
        for (const update of updatesOf(edits, gc)) {
          const mutated = mutate(update, m);
          const expected = verdict(validateWithYjs, mutated);
          expect(verdict(validateUpdate, mutated)).toBe(expected);
          if (expected === 'refused') refused++;
          try {
            if (checkInPlace(mutated)) decidedInPlace++;
          } catch {
            decidedInPlace++;
          }
        }
      }),
      { numRuns: 1500 },
    );
    // Mutations must be refused often, and most updates decided without Yjs, or the comparison says little.
    expect(refused).toBeGreaterThan(1000);
    expect(decidedInPlace).toBeGreaterThan(3000);
  });

  it('says what Yjs says of random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 48 }), (bytes) => {
        expect(verdict(validateUpdate, bytes)).toBe(verdict(validateWithYjs, bytes));
      }),
      { numRuns: 5000 },
    );
  });

  it('accepts exactly the UTF-8 a fatal TextDecoder accepts, in keys and strings', () => {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const doc = new Y.Doc();
    doc.getMap('m').set('k', 'abcd');
    const template = Y.encodeStateAsUpdate(doc);
    const at = template.findIndex((_, i) => template[i] === 97 && template[i + 1] === 98); // « abcd »
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 4, maxLength: 4 }), (four) => {
        const update = template.slice();
        update.set(four, at);
        let valid = true;
        try {
          decoder.decode(four);
        } catch {
          valid = false;
        }
        expect(verdict(validateUpdate, update)).toBe(valid ? 'accepted' : 'refused');
      }),
      { numRuns: 5000 },
    );
  });

  it('reads a view into a larger buffer only up to its end, as Yjs does', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'Réunion de concertation');
    const update = Y.encodeStateAsUpdate(doc);
    fc.assert(
      fc.property(fc.nat(update.length), fc.uint8Array({ minLength: 1, maxLength: 16 }), (cut, after) => {
        const buffer = new Uint8Array([...update.subarray(0, cut), ...after]);
        const view = buffer.subarray(0, cut);
        expect(verdict(validateUpdate, view)).toBe(verdict(validateWithYjs, view));
      }),
      { numRuns: 1000 },
    );
  });

  it('says what Yjs says of every single-byte change to updates of every kind', () => {
    const templates: Uint8Array[] = [];
    const record = (edit: (doc: Y.Doc) => void) => {
      const doc = new Y.Doc();
      doc.getMap('seed').set('x', 1);
      const sv = Y.encodeStateVector(doc);
      edit(doc);
      templates.push(Y.encodeStateAsUpdate(doc, sv));
    };
    record((d) =>
      d
        .getMap('m')
        .set('clé', { a: [1, -70000, 1.5, 2 ** 40, 2n ** 62n, true, false, null, undefined, new Uint8Array([1, 2])] }),
    );
    // Every edge of UTF-8: the first 3- and 4-byte sequences, the last before the surrogates, the last code point.
    record((d) => d.getText('t').insert(0, 'é\u0800\ud7ff\u{10000}\u{10ffff}'));
    for (const make of [
      () => new Y.Map(),
      () => new Y.Array(),
      () => new Y.Text(),
      () => new Y.XmlElement('p'),
      () => new Y.XmlFragment(),
      () => new Y.XmlHook('h'),
      () => new Y.XmlText(),
    ]) {
      record((d) => d.getArray('a').push([make()]));
    }
    record((d) => d.getArray('a').push([new Uint8Array([7, 8, 9])]));
    // Three items in one update, the second's string followed by the third's info byte 0x84 (a UTF-8 continuation).
    record((d) =>
      d.transact(() =>
        [
          [0, 'a'],
          [0, 'b'],
          [2, 'c'],
        ].forEach(([at, s]) => d.getText('t').insert(at as number, s as string)),
      ),
    );
    record((d) => d.getMap('seed').delete('x'));
    const gcDoc = new Y.Doc();
    gcDoc.getArray('a').push([1, 2, 3]);
    gcDoc.getArray('a').delete(0, 3);
    templates.push(Y.encodeStateAsUpdate(gcDoc));
    let refused = 0;
    for (const template of templates) {
      for (let at = 0; at < template.length; at++) {
        for (let value = 0; value < 256; value++) {
          const changed = template.slice();
          changed[at] = value;
          const expected = verdict(validateWithYjs, changed);
          if (verdict(validateUpdate, changed) !== expected)
            throw new Error(`byte ${at} → ${value} of [${template.join(', ')}]: Yjs says ${expected}`);
          if (expected === 'refused') refused++;
        }
      }
    }
    expect(refused).toBeGreaterThan(10_000);
  });

  it('reads lib0 integers to the same limits (past 2^53 only a last byte is let through)', () => {
    // One client of structs whose client id is the varint under test, then one GC struct of length 1 and no deletions.
    const withClient = (varint: number[]) => new Uint8Array([1, 1, ...varint, 0, 0, 1, 0]);
    const cases = [
      [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f], // 2^56 - 1, ends on its last byte: read
      [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01], // past 2^53 before its last byte: refused
      [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00],
    ].map(withClient);
    expect(cases.map((u) => verdict(validateWithYjs, u))).toEqual(['accepted', 'refused', 'accepted']);
    expect(cases.map((u) => verdict(validateUpdate, u))).toEqual(['accepted', 'refused', 'accepted']);
  });

  it('refuses a struct of length 0, which Yjs reads and then cannot integrate (for deleted ranges see room.test.ts)', () => {
    // One GC struct of length 0: 1 client, 1 struct, client 1, clock 0, info 0 (GC), length 0; no deletions.
    expect(() => validateUpdate(new Uint8Array([1, 1, 1, 0, 0, 0, 0]))).toThrow('empty struct');
    expect(() => validateUpdate(new Uint8Array([1, 1, 1, 0, 0, 1, 0]))).not.toThrow();
  });

  it('refuses a value nested past the bound, in every content that carries one, and accepts one at the bound', () => {
    for (const { make, wraps } of valueContents) {
      expect(verdict(validateUpdate, make(nested(MAX_VALUE_DEPTH - wraps)))).toBe('accepted');
      expect(verdict(validateWithYjs, make(nested(MAX_VALUE_DEPTH - wraps)))).toBe('accepted');
      expect(() => validateUpdate(make(nested(MAX_VALUE_DEPTH - wraps + 1)))).toThrow('nested too deep');
    }
    // What poisoned a room (docs/decisions/0015): deep enough to pass Yjs' own decoder here, not a fresh relay's load.
    expect(() => validateUpdate(deepArrays(8000))).toThrow('nested too deep');
  });

  it('refuses a value of more entries than the bound, and accepts one at it', () => {
    const wide = (n: number) => Array.from({ length: n - 1 }, (_, i) => i);
    for (const { make, wraps } of valueContents) {
      expect(verdict(validateUpdate, make(wide(MAX_VALUE_ENTRIES - wraps)))).toBe('accepted');
      expect(() => validateUpdate(make(wide(MAX_VALUE_ENTRIES - wraps + 1)))).toThrow('value too large');
    }
    // The bound is per value: as many values as the message holds, each under it, pass.
    expect(verdict(validateUpdate, anyUpdate(Array.from({ length: 3 }, () => wide(MAX_VALUE_ENTRIES))))).toBe(
      'accepted',
    );
  });

  it('checks the bound even after content only Yjs can judge', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'gras', { bold: true });
    doc.getMap('m').set('deep', nested(MAX_VALUE_DEPTH + 1));
    expect(() => validateUpdate(Y.encodeStateAsUpdate(doc))).toThrow('nested too deep');
  });

  it('accepts what the app writes: a rich text with marks, attributes, tables, a version, a territory', () => {
    const doc = new Y.Doc({ gc: false });
    const body = doc.getXmlFragment('body');
    const table = new Y.XmlElement('table');
    const row = new Y.XmlElement('tableRow');
    const cell = new Y.XmlElement('tableCell');
    cell.setAttribute('colwidth', [120] as unknown as string);
    const text = new Y.XmlText();
    text.insert(0, 'Posologie', { bold: {}, link: { href: 'https://has-sante.fr', target: '_blank', class: null } });
    cell.insert(0, [text]);
    row.insert(0, [cell]);
    table.insert(0, [row]);
    body.insert(0, [table]);
    doc
      .getArray('versions')
      .push([{ id: 'v1', name: 'Diffusion', snapshot: Y.encodeSnapshot(Y.snapshot(doc)), kind: 'published' }]);
    doc.getMap('workspace').set(
      'territory',
      Array.from({ length: 300 }, (_, i) => `Commune ${i}`),
    );
    const update = Y.encodeStateAsUpdate(doc);
    expect(verdict(validateUpdate, update)).toBe('accepted');
  });

  it('says what the bounds say of random nested values, and what Yjs says within them', () => {
    fc.assert(
      fc.property(deepValue, fc.constantFrom(...valueContents), (value, { make, wraps }) => {
        const update = make(value);
        const expected = depthOf(value) + wraps <= MAX_VALUE_DEPTH ? verdict(validateWithYjs, update) : 'refused';
        expect(verdict(validateUpdate, update)).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });
});
