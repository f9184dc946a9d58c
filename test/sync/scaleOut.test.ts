// Two relay processes on one Redis and one Postgres (docs/decisions/0040), stock y-websocket clients on each: edits
// cross relays, late clients get everything, the kill -9 of a relay loses nothing Redis acknowledged, and a revocation,
// a care team's list and the access journal made through one relay hold on the other. The store's own faults and the
// move of a single relay into it: scaleOutStore.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { type RelayProcess } from '../support/relayProcess';
import { startSharedStore, type SharedStore } from '../support/sharedStore';
import { startBalancer, type Balancer } from '../support/balancer';
import { CloseCode, newDocId, newRestrictedNonce, restrictedDocId, roomName } from '@maillage/shared';
import { servedSocket } from '../support/rawSocket';
import { closeOf, eventually, freshRoom, roomUrl, whenSynced, workspaceOf } from '../support/yClient';
import { Started } from '../support/started';

let store: SharedStore;
/** Two relays for the whole file, and a third that the kill -9 test kills. */
let one: RelayProcess;
let two: RelayProcess;
let doomed: RelayProcess;
let balancer: Balancer | null = null;

/** A compaction every 20 updates and entries kept a second past it: a few dozen edits go through Postgres and trims. */
const started = new Started(() => ({ env: { ...store.env, COMPACT_AFTER_UPDATES: '20', STREAM_KEEP_MS: '1000' } }));
const start = () => started.relay();
const client = (wsUrl: string, room: string) => started.client(wsUrl, room);
const roomsIn = async (relay: RelayProcess) =>
  ((await (await fetch(`${relay.url}healthz`)).json()) as { rooms: number }).rooms;
const items = (provider: WebsocketProvider) => provider.doc.getArray<number>('items');

/** Resolves at the first update `provider`'s document receives after this call that satisfies `holds`. */
const nextUpdate = (provider: WebsocketProvider, holds: () => boolean) =>
  new Promise<void>((resolve) => {
    const seen = () => {
      if (!holds()) return;
      provider.doc.off('update', seen);
      resolve();
    };
    provider.doc.on('update', seen);
  });

beforeAll(async () => {
  store = await startSharedStore();
  [one, two, doomed] = await Promise.all([start(), start(), start()]);
});

afterAll(async () => {
  started.dropClients();
  await balancer?.stop();
  await started.end();
  await store?.stop();
});

describe('two relays sharing rooms through Redis and Postgres', () => {
  it('brings an edit on one relay to the clients of the other, and everything to a later client on either', async () => {
    const room = await freshRoom();
    const a = client(one.wsUrl, room);
    const b = client(two.wsUrl, room);
    await Promise.all([whenSynced(a), whenSynced(b)]);

    // One edit at a time, timed from the writer's edit to the other relay's client holding it.
    const delays: number[] = [];
    for (let i = 0; i < 60; i++) {
      const [writer, reader] = i % 2 === 0 ? [a, b] : [b, a];
      const arrived = nextUpdate(reader, () => items(reader).length === i + 1);
      const started = performance.now();
      items(writer).push([i]);
      await arrived;
      delays.push(performance.now() - started);
    }
    delays.sort((x, y) => x - y);
    console.info(
      `cross-relay delivery, 60 edits: median ${delays[30]!.toFixed(2)} ms, p99 ${delays[59]!.toFixed(2)} ms`,
    );
    const expected = Array.from({ length: 60 }, (_, i) => i);
    expect(items(a).toArray()).toEqual(expected);
    expect(items(b).toArray()).toEqual(expected);

    // Past 20 updates a room is compacted once, by whichever relay takes its lease first.
    const covered = () => store.sql(`SELECT last_ms || '-' || last_seq FROM maillage_rooms WHERE room = '${room}'`);
    await eventually(() => covered() !== '', 5000, 'a compaction written to Postgres');
    await eventually(
      () => /"event":"compacted"[^\n]*"outcome":"compacted"/.test(one.output() + two.output()),
      5000,
      'the compaction logged',
    );

    // Both relays let the room go. Its last compaction keeps the entries of its last second (STREAM_KEEP_MS), then
    // trims them once that second is over: nobody holds the room to compact it again, and Postgres has them all.
    for (const p of [a, b]) p.destroy();
    await eventually(async () => (await roomsIn(one)) + (await roomsIn(two)) === 0, 5000, 'the room evicted');
    await eventually(() => store.redis('XLEN', `maillage:room:${room}`) === '0', 10_000, 'the stream emptied');

    // Each relay's /metrics has the store's round trips.
    const metrics = await (await fetch(`${one.url}metrics`)).text();
    expect(metrics).toMatch(/^maillage_redis_roundtrip_seconds [\d.e-]+$/m);
    expect(metrics).toMatch(/^maillage_postgres_roundtrip_seconds [\d.e-]+$/m);

    // Loaded again from Postgres and the stream's tail.
    for (const relay of [one, two]) {
      const late = client(relay.wsUrl, room);
      await whenSynced(late);
      expect(items(late).toArray()).toEqual(expected);
    }
  });

  it('shows who is there across relays, and that they left', async () => {
    const room = await freshRoom();
    const a = client(one.wsUrl, room);
    const b = client(two.wsUrl, room);
    await Promise.all([whenSynced(a), whenSynced(b)]);
    a.awareness.setLocalStateField('user', { name: 'Dr Martin' });
    await eventually(() => b.awareness.getStates().get(a.doc.clientID)?.user?.name === 'Dr Martin', 5000, 'presence');
    b.awareness.setLocalStateField('user', { name: 'Mme Roux, IDE' });
    await eventually(() => a.awareness.getStates().get(b.doc.clientID)?.user?.name === 'Mme Roux, IDE', 5000, 'back');
    a.destroy();
    await eventually(() => !b.awareness.getStates().has(a.doc.clientID), 5000, 'presence removed');
  });

  it('loses nothing acknowledged when a relay is killed (-9): its writer reconnects to the other relay', async () => {
    balancer = await startBalancer(() => [doomed, two].filter((r) => r.alive()).map((r) => r.port));
    const room = await freshRoom();
    // Through the balancer to the first relay while it lives, then to the second.
    const writer = client(balancer.wsUrl, room);
    const reader = client(two.wsUrl, room);
    await Promise.all([whenSynced(writer), whenSynced(reader)]);

    let written = 0;
    const writing = setInterval(() => items(writer).push([written++]), 5);
    try {
      await eventually(() => items(reader).length >= 50, 10_000, 'the reader to receive through the other relay');
      // Forwarded means acknowledged by Redis: all of this must survive the kill.
      const acknowledged = items(reader).toArray();
      await doomed.kill();
      await eventually(() => written >= acknowledged.length + 100, 10_000, 'more edits while the relay is gone');
      clearInterval(writing);
      await eventually(() => items(reader).length === written, 10_000, 'the writer to reconnect and send the rest');
      expect(items(reader).toArray().slice(0, acknowledged.length)).toEqual(acknowledged);
    } finally {
      clearInterval(writing);
    }
    const late = client(two.wsUrl, room);
    await whenSynced(late);
    const everything = Array.from({ length: written }, (_, i) => i);
    expect(items(late).toArray()).toEqual(everything);
    expect(Y.encodeStateVector(late.doc)).toEqual(Y.encodeStateVector(writer.doc));
    expect(items(writer).toArray()).toEqual(everything);
  });

  it('trims the stream of a room whose relay was killed within the minute its last compaction kept', async () => {
    // Kept 6 s past its compaction by this relay; the file's others look for due trims every half second.
    const lone = await started.relay({ env: { STREAM_KEEP_MS: '6000' } });
    const room = await freshRoom();
    const writer = client(lone.wsUrl, room);
    await whenSynced(writer);
    const stream = `maillage:room:${room}`;
    const covered = () => store.sql(`SELECT last_ms || '-' || last_seq FROM maillage_rooms WHERE room = '${room}'`);
    // The oldest entry a compaction holds in Postgres, if one is still in the stream. A compaction covers what its relay
    // had read back of its own writes, which may be none of them yet: the writer goes on until one covers some.
    const coveredInStream = () => {
      const last = covered();
      return last === '' ? '' : store.redis('XRANGE', stream, '-', last, 'COUNT', '1');
    };
    let written = 0;
    await eventually(
      () => {
        items(writer).push([written++]);
        return coveredInStream() !== '';
      },
      10_000,
      'a compaction covering entries of the stream',
    );
    // In the stream means acknowledged by Redis (no other relay holds the room, so none compacts it but this one).
    await eventually(() => Number(store.redis('XLEN', stream)) >= written, 5000, 'every edit in the stream');
    // Killed once the compaction has planned its trim (a kill between its Postgres write and that plan is the one
    // window left, decision 0040).
    const planned = () =>
      store
        .redis('ZRANGE', 'maillage:trims', '0', '-1')
        .split('\n')
        .some((m) => m.endsWith(` ${room}`));
    await eventually(planned, 5000, 'the trim planned');
    await lone.kill();
    // What Postgres holds is still in the stream: the kill came within the time (6 s) the compaction kept it there.
    expect(coveredInStream()).not.toBe('');
    await eventually(() => coveredInStream() === '', 15_000, 'the covered entries trimmed by another relay');
    // Nothing was lost: the room reads back whole from Postgres and what the stream still holds.
    const late = client(two.wsUrl, room);
    await whenSynced(late);
    expect(items(late).toArray()).toEqual(Array.from({ length: written }, (_, i) => i));
  });

  it('closes a revoked member’s socket on the other relay at once, and refuses them there afterwards', async () => {
    const room = await freshRoom();
    const workspace = workspaceOf(room);
    const member = newDocId();
    const token = await workspace.token({ member });
    const socket = await servedSocket(roomUrl(two.wsUrl, room, token));
    expect((await workspace.revokeThrough(one.url, member)).status).toBe(200);
    expect((await socket.closed()).code).toBe(CloseCode.revoked);
    expect((await closeOf(roomUrl(two.wsUrl, room, token))).code).toBe(CloseCode.revoked);
    // A relay (re)started afterwards knows it too.
    const three = await doomed.restart();
    started.keepRelay(three);
    expect((await closeOf(roomUrl(three.wsUrl, room, token))).code).toBe(CloseCode.revoked);
  });
});

describe('care teams across relays', () => {
  it('closes the socket of someone taken off a list through the other relay, and refuses them on every relay', async () => {
    const workspace = workspaceOf(await freshRoom());
    const [martin, durand] = ['dr-martin-01', 'ide-durand01'];
    const token = {
      [martin]: await workspace.token({ member: martin }),
      [durand]: await workspace.token({ member: durand }),
    };
    const nonce = newRestrictedNonce();
    const room = roomName({ workspaceId: workspace.ws, docId: await restrictedDocId(workspace.ws, martin, nonce) });
    const setList = (relay: RelayProcess, members: string[]) =>
      fetch(`${relay.url}acl`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token[martin]}` },
        body: JSON.stringify({ room, members, nonce }),
      });
    expect((await setList(one, [durand])).status).toBe(200);
    // The list reaches the other relay: the colleague on it is served there.
    await eventually(
      async () => {
        const socket = await servedSocket(roomUrl(two.wsUrl, room, token[durand])).catch(() => null);
        socket?.ws.close();
        return socket !== null;
      },
      5000,
      'the list on the other relay',
    );
    const socket = await servedSocket(roomUrl(two.wsUrl, room, token[durand]));
    expect((await setList(one, [])).status).toBe(200);
    expect((await socket.closed()).code).toBe(CloseCode.forbidden);
    for (const relay of [one, two])
      expect((await closeOf(roomUrl(relay.wsUrl, room, token[durand]))).code).toBe(CloseCode.forbidden);
  });
});

describe('the access journal across relays', () => {
  it('reads the same from either relay: who opened a room through one is there through the other', async () => {
    const room = await freshRoom();
    const workspace = workspaceOf(room);
    const member = newDocId();
    const socket = await servedSocket(roomUrl(one.wsUrl, room, await workspace.token({ member })));
    socket.ws.close();
    const coordinator = await workspace.token({ role: 'coordinator' });
    const read = async (relay: RelayProcess) => {
      const response = await fetch(`${relay.url}journal?ws=${workspace.ws}&member=${member}`, {
        headers: { authorization: `Bearer ${coordinator}` },
      });
      return ((await response.json()) as { entries: { event: string; room: string }[] }).entries;
    };
    await eventually(async () => (await read(two)).some((e) => e.event === 'close'), 5000, 'the close in the journal');
    const [fromOne, fromTwo] = [await read(one), await read(two)];
    expect(fromTwo).toEqual(fromOne);
    expect(fromTwo.map((e) => e.event).sort()).toEqual(['close', 'open']);
  });
});
