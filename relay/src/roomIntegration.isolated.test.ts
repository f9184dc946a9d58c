// What the room does when Yjs refuses, on integrating, an update that passed validation. No such update is known (the
// known one is refused by validation, see room.test.ts), so Yjs is made to refuse one: the rest must still integrate.
import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import type * as Yjs from 'yjs';

/** Updates whose bytes are in this set make the mocked Y.applyUpdate throw, as Yjs would on a corrupt struct. */
const refused = new Set<string>();
vi.mock('yjs', async (importOriginal) => {
  const yjs = await importOriginal<typeof Yjs>();
  return {
    ...yjs,
    applyUpdate: (doc: Y.Doc, update: Uint8Array, origin?: unknown) => {
      if (refused.has(update.join())) throw new Error('Unexpected case');
      yjs.applyUpdate(doc, update, origin);
    },
  };
});
const { Room } = await import('./room');

function updatesOf(edit: (doc: Y.Doc) => void, count: number): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  for (let i = 0; i < count; i++) edit(doc);
  return updates;
}

describe('room integrating on read', () => {
  it('reports an update Yjs refuses and integrates the others of its transaction', () => {
    let n = 0;
    const updates = updatesOf((doc) => doc.getMap('m').set(`k${n}`, n++), 40);
    const failures: unknown[] = [];
    const room = new Room(
      'ws/doc',
      [],
      () => {},
      1 << 20,
      (err) => failures.push(err),
    );
    // A map set of its own client: nothing else depends on it.
    const lonely = updatesOf((doc) => doc.getMap('other').set('x', 1), 1)[0]!;
    refused.add(lonely.join());
    for (const update of updates.slice(0, 10)) room.apply(update);
    room.apply(lonely);
    for (const update of updates.slice(10)) room.apply(update);

    const newcomer = new Y.Doc();
    Y.applyUpdate(newcomer, room.missingFrom(new Uint8Array([0])));
    expect(failures).toHaveLength(1);
    expect(String(failures[0])).toContain('Unexpected case');
    expect(newcomer.getMap('m').size).toBe(40);
    expect(newcomer.getMap('other').size).toBe(0);
  });
});
