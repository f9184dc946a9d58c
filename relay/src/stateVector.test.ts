import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import { stateVectorInPlace, stateVectorOf } from './stateVector';
import { apply, edit, mutate, mutation, type Edit } from './updateArbitraries';

/** Updates of several writers: each one's own, all merged, merged with gaps (Skips), and the whole state. */
function updatesOfWriters(writers: { clientID: number; edits: Edit[] }[], gc: boolean): Uint8Array[] {
  const doc = new Y.Doc({ gc });
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  for (const { clientID, edits } of writers) {
    doc.clientID = clientID;
    for (const e of edits) apply(doc, e);
  }
  const gapped = updates.filter((_, i) => i % 3 !== 1);
  return [
    ...updates,
    Y.mergeUpdates(updates),
    Y.mergeUpdates(gapped),
    Y.encodeStateAsUpdate(doc),
    Y.diffUpdate(Y.encodeStateAsUpdate(doc), Y.encodeStateVector(new Y.Doc())),
  ];
}

const writers = fc.array(
  fc.record({
    clientID: fc.oneof(fc.nat(), fc.integer({ min: 2 ** 31, max: 2 ** 53 - 1 })),
    edits: fc.array(edit, { minLength: 1, maxLength: 6 }),
  }),
  { minLength: 1, maxLength: 4 },
);

describe('reading a state vector in place', () => {
  const yjsOrThrown = (update: Uint8Array) => {
    try {
      return [...Y.encodeStateVectorFromUpdate(update)];
    } catch {
      return 'thrown';
    }
  };

  it('reads the bytes Yjs reads, for updates of several writers, merged, with gaps, whole', () => {
    let inPlace = 0;
    fc.assert(
      fc.property(writers, fc.boolean(), (ws, gc) => {
        for (const update of updatesOfWriters(ws, gc)) {
          const expected = Y.encodeStateVectorFromUpdate(update);
          const read = stateVectorInPlace(update);
          if (read !== null) {
            inPlace++;
            expect([...read]).toEqual([...expected]);
          }
          expect([...stateVectorOf(update)]).toEqual([...expected]);
        }
      }),
      { numRuns: 400 },
    );
    // Most updates hold no JSON, embed, format or subdocument: read in place, or the comparison says little.
    expect(inPlace).toBeGreaterThan(2000);
  });

  it('says what Yjs says of mutated updates (including a leading Skip, which Yjs counts)', () => {
    let differs = 0;
    fc.assert(
      fc.property(writers, fc.boolean(), mutation, (ws, gc, m) => {
        for (const update of updatesOfWriters(ws, gc)) {
          const mutated = mutate(update, m);
          const expected = yjsOrThrown(mutated);
          const read = stateVectorInPlace(mutated);
          if (read !== null) expect([...read]).toEqual(expected);
          if (
            expected !== 'thrown' &&
            JSON.stringify(expected) !== JSON.stringify([...Y.encodeStateVectorFromUpdate(update)])
          )
            differs++;
        }
      }),
      { numRuns: 600 },
    );
    // Enough mutations must change the vector itself (clients, clocks, lengths) for the comparison to bite (150-210 do).
    expect(differs).toBeGreaterThan(80);
    // A lone Skip at clock 0 (1 client, 1 struct, client 7, clock 0, info 10, length 3; no deletions).
    const leadingSkip = new Uint8Array([1, 1, 7, 0, 10, 3, 0]);
    expect([...stateVectorInPlace(leadingSkip)!]).toEqual([...Y.encodeStateVectorFromUpdate(leadingSkip)]);
  });

  it('writes an empty vector for an update without structs, as Yjs does', () => {
    const empty = Y.encodeStateAsUpdate(new Y.Doc());
    expect([...stateVectorInPlace(empty)!]).toEqual([...Y.encodeStateVectorFromUpdate(empty)]);
  });
});
