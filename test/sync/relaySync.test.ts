// Stock y-websocket clients against the real relay: convergence, presence, and what survives a restart or a crash.
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connect, eventually, freshRoom, untilRelayHolds, whenSynced } from '../support/yClient';
import { Started } from '../support/started';

const started = new Started();
const start = (env?: Record<string, string>) => started.relay({ env });
const client = (wsUrl: string, room: string) => started.client(wsUrl, room);

afterEach(async () => {
  await started.end();
});

describe('relay sync', () => {
  it('makes two clients converge on concurrent edits', async () => {
    const relay = await start();
    const room = await freshRoom();
    const a = client(relay.wsUrl, room);
    const b = client(relay.wsUrl, room);
    await Promise.all([whenSynced(a), whenSynced(b)]);
    a.doc.getText('body').insert(0, 'Bonjour ');
    b.doc.getText('body').insert(0, 'Madame ');
    b.doc.getMap('header').set('status', 'relecture');
    await eventually(
      () => a.doc.getText('body').length === 15 && b.doc.getText('body').length === 15,
      5000,
      'convergence',
    );
    expect(a.doc.getText('body').toString()).toBe(b.doc.getText('body').toString());
    await eventually(() => a.doc.getMap('header').get('status') === 'relecture');
  });

  it('relays presence and removes it when a client leaves', async () => {
    const relay = await start();
    const room = await freshRoom();
    const a = client(relay.wsUrl, room);
    const b = client(relay.wsUrl, room);
    await Promise.all([whenSynced(a), whenSynced(b)]);
    a.awareness.setLocalStateField('user', { name: 'Dr Martin', color: '#0a7' });
    await eventually(() => b.awareness.getStates().get(a.doc.clientID)?.user?.name === 'Dr Martin', 5000, 'presence');
    a.destroy();
    await eventually(() => !b.awareness.getStates().has(a.doc.clientID), 5000, 'presence removed');
  });

  it('gives a later client everything after a restart, and synced never fires on an empty document', async () => {
    const relay = await start();
    const room = await freshRoom();
    const a = client(relay.wsUrl, room);
    await whenSynced(a);
    a.doc.getText('body').insert(0, 'Protocole plaies chroniques');
    await untilRelayHolds(relay.wsUrl, room, (doc) => doc.getText('body').toString() === 'Protocole plaies chroniques');
    a.destroy();
    const again = await relay.restart();
    started.keepRelay(again);
    const c = client(again.wsUrl, room);
    let textAtSync = '';
    c.once('sync', () => (textAtSync = c.doc.getText('body').toString()));
    await whenSynced(c);
    expect(textAtSync).toBe('Protocole plaies chroniques');
  });

  it('loses nothing another client received when the relay is killed (-9)', async () => {
    const relay = await start();
    const room = await freshRoom();
    const a = client(relay.wsUrl, room);
    const b = client(relay.wsUrl, room);
    await Promise.all([whenSynced(a), whenSynced(b)]);
    for (let i = 0; i < 200; i++) a.doc.getArray<number>('items').push([i]);
    // Forwarded means committed: once b has seen an update, the relay's disk has it.
    await eventually(() => b.doc.getArray('items').length === 200, 5000, 'b receives');
    a.destroy();
    b.destroy();
    await relay.kill();
    const again = await started.relay({ dataDir: relay.dataDir });
    const c = client(again.wsUrl, room);
    await whenSynced(c);
    expect(c.doc.getArray('items').toArray()).toEqual(Array.from({ length: 200 }, (_, i) => i));
  });

  it('keeps content through compaction', async () => {
    const relay = await start({ COMPACT_AFTER_UPDATES: '20' });
    const room = await freshRoom();
    const a = client(relay.wsUrl, room);
    await whenSynced(a);
    for (let i = 0; i < 120; i++) {
      a.doc.getText('body').insert(i, String(i % 10));
      await new Promise((r) => setImmediate(r));
    }
    const expected = a.doc.getText('body').toString();
    await untilRelayHolds(relay.wsUrl, room, (doc) => doc.getText('body').toString() === expected);
    a.destroy();
    const again = await relay.restart();
    started.keepRelay(again);
    const c = client(again.wsUrl, room);
    await whenSynced(c);
    expect(c.doc.getText('body').toString()).toBe(expected);
  });

  it('keeps deleted content, so a newcomer rebuilds a version taken before the deletion (after compaction and restart)', async () => {
    const relay = await start({ COMPACT_AFTER_UPDATES: '10' });
    const room = await freshRoom();
    const a = client(relay.wsUrl, room);
    await whenSynced(a);
    a.doc.getText('body').insert(0, 'Version soumise à la CPAM');
    const submitted = Y.encodeSnapshot(Y.snapshot(a.doc));
    for (let i = 0; i < 'Version '.length; i++) {
      a.doc.getText('body').delete(0, 1);
      await new Promise((r) => setImmediate(r));
    }
    for (const [i, ch] of [...'Nouvelle '].entries()) {
      a.doc.getText('body').insert(i, ch);
      await new Promise((r) => setImmediate(r));
    }
    await untilRelayHolds(relay.wsUrl, room, (doc) => doc.getText('body').toString() === 'Nouvelle soumise à la CPAM');
    a.destroy();
    const again = await relay.restart();
    started.keepRelay(again);
    const newcomer = new Y.Doc({ gc: false });
    const c = connect(again.wsUrl, room, { doc: newcomer });
    started.keep(c);
    await whenSynced(c);
    expect(newcomer.getText('body').toString()).toBe('Nouvelle soumise à la CPAM');
    const past = Y.createDocFromSnapshot(newcomer, Y.decodeSnapshot(submitted));
    expect(past.getText('body').toString()).toBe('Version soumise à la CPAM');
  });

  it('loads a room once when 50 clients join at the same instant', async () => {
    const relay = await start();
    const room = await freshRoom();
    const seed = client(relay.wsUrl, room);
    await whenSynced(seed);
    // The update leaves before the close frame, on the same socket: the room is stored with it when evicted.
    seed.doc.getText('body').insert(0, 'contenu initial');
    seed.destroy();
    const health = async () =>
      (await (await fetch(`${relay.url}healthz`)).json()) as { rooms: number; roomLoads: number };
    await eventually(async () => (await health()).rooms === 0, 5000, 'the room evicted (EVICT_AFTER_MS=200)');
    const before = await health();
    const crowd = Array.from({ length: 50 }, () => client(relay.wsUrl, room));
    await Promise.all(crowd.map((p) => whenSynced(p)));
    for (const p of crowd) expect(p.doc.getText('body').toString()).toBe('contenu initial');
    const after = await health();
    expect(after.roomLoads - before.roomLoads).toBe(1);
    expect(after.rooms).toBe(1);
  });
});
