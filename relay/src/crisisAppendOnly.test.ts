import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { keepsEntriesAppendOnly } from './crisisAppendOnly';

const entry = (text: string) => ({
  at: '2027-07-20T13:00:00.000Z',
  author: 'member-claire',
  text,
  kind: 'information',
});

/** The relay's copy of a room holding two entries and a mark, and a client synced with it. */
function room(): { relay: Y.Doc; client: Y.Doc } {
  const writer = new Y.Doc();
  writer.getMap('entries').set('entry-one-0001', entry('un'));
  writer.getMap('entries').set('entry-two-0002', entry('deux'));
  writer
    .getMap('checks')
    .set('entry-one-0001', { state: 'a_verifier', by: 'member-claire', at: '2027-07-20T13:01:00.000Z' });
  const relay = new Y.Doc({ gc: false });
  Y.applyUpdate(relay, Y.encodeStateAsUpdate(writer));
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(relay));
  return { relay, client };
}

/** The update a change on the client makes. */
function updateOf(client: Y.Doc, change: () => void): Uint8Array {
  let update: Uint8Array | null = null;
  const take = (u: Uint8Array) => (update = u);
  client.on('update', take);
  change();
  client.off('update', take);
  if (!update) throw new Error('no update');
  return update;
}

describe('the main courante, append-only at the relay', () => {
  it('takes new entries, new marks and a mark rewritten', () => {
    const { relay, client } = room();
    for (const change of [
      () => client.getMap('entries').set('entry-new-0003', entry('trois')),
      () => client.getMap('checks').set('entry-two-0002', { state: 'a_verifier' }),
      () => client.getMap('checks').set('entry-one-0001', { state: 'verifie' }),
      () => client.getMap('acks').set('member-denis1:abcdefgh', { answer: 'disponible' }),
      () => client.getMap('tasks').set('task-0001', { status: 'faite' }),
    ]) {
      const update = updateOf(client, change);
      expect(keepsEntriesAppendOnly(relay, update)).toBe(true);
      Y.applyUpdate(relay, update);
    }
  });

  it('takes an update it holds already, resent by a client with an older view of the room', () => {
    const { relay, client } = room();
    const update = updateOf(client, () => client.getMap('entries').set('entry-new-0003', entry('trois')));
    Y.applyUpdate(relay, update);
    expect(keepsEntriesAppendOnly(relay, update)).toBe(true);
    expect(keepsEntriesAppendOnly(relay, Y.encodeStateAsUpdate(client))).toBe(true);
  });

  it('refuses an entry rewritten, deleted, or set again under its id', () => {
    const { relay, client } = room();
    const rewrite = updateOf(client, () => client.getMap('entries').set('entry-one-0001', entry('autre')));
    expect(keepsEntriesAppendOnly(relay, rewrite)).toBe(false);
    const fresh = room();
    const removal = updateOf(fresh.client, () => fresh.client.getMap('entries').delete('entry-two-0002'));
    expect(keepsEntriesAppendOnly(fresh.relay, removal)).toBe(false);
    // A client that never saw the entry writes a key of the same id: a concurrent set, which would win or lose.
    const blind = new Y.Doc();
    const again = updateOf(blind, () => blind.getMap('entries').set('entry-two-0002', entry('faux')));
    expect(keepsEntriesAppendOnly(room().relay, again)).toBe(false);
  });

  it('refuses an entry written then changed in one update, or two values under one new key', () => {
    const { relay, client } = room();
    const offline = new Y.Doc();
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(client));
    const before = Y.encodeStateVector(offline);
    offline.getMap('entries').set('entry-new-0003', entry('trois'));
    offline.getMap('entries').set('entry-new-0003', entry('trois, changé'));
    expect(keepsEntriesAppendOnly(relay, Y.encodeStateAsUpdate(offline, before))).toBe(false);
    const deleted = new Y.Doc();
    Y.applyUpdate(deleted, Y.encodeStateAsUpdate(client));
    const sv = Y.encodeStateVector(deleted);
    deleted.getMap('entries').set('entry-new-0004', entry('quatre'));
    deleted.getMap('entries').delete('entry-new-0004');
    expect(keepsEntriesAppendOnly(relay, Y.encodeStateAsUpdate(deleted, sv))).toBe(false);
  });

  it('refuses a nested type as an entry, and a deletion of what nobody has written yet', () => {
    const { relay, client } = room();
    const nested = updateOf(client, () => client.getMap('entries').set('entry-new-0005', new Y.Map()));
    expect(keepsEntriesAppendOnly(relay, nested)).toBe(false);
    // Deletions of a client's clocks 0–99 with none of its writes: they would strike its entries once written.
    const victim = new Y.Doc();
    for (let i = 0; i < 100; i++) victim.getMap('entries').set(`entry-v-${i}`, entry('v'));
    victim.getMap('entries').forEach((_, key) => victim.getMap('entries').delete(key));
    const all = Y.encodeStateAsUpdate(victim);
    const forged = Y.diffUpdate(all, Y.encodeStateVectorFromUpdate(all));
    expect(Y.decodeUpdate(forged).structs).toHaveLength(0);
    expect(keepsEntriesAppendOnly(relay, forged)).toBe(false);
  });
});
