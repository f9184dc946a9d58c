// A collecting room rewritten into a new epoch at compaction: the store holds the rewrite and the closed epoch's record
// (one transaction), sockets of the closed epoch are told and closed, and only rooms that can be rewritten are.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { WebSocket } from 'ws';
import {
  applyChanges,
  changesSince,
  CloseCode,
  decodeClosing,
  decodeEpochNotice,
  MESSAGE_EPOCH,
  WELL_KNOWN_DOCS,
  roomName,
} from '@maillage/shared/sync';
import { openRoomStore, type RoomStore } from './persistence';
import { Rooms } from './rooms';
import { Metrics } from './metrics';

const dirs: string[] = [];
const stores: RoomStore[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const WS = 'a'.repeat(52);
const CATALOGUE = roomName({ workspaceId: WS, docId: WELL_KNOWN_DOCS.catalogue });
const PROTOCOL = roomName({ workspaceId: WS, docId: 'protocole-plaies-0001' });

function roomsOver(dir = mkdtempSync(join(tmpdir(), 'epochs-'))) {
  if (!dirs.includes(dir)) dirs.push(dir);
  const store = openRoomStore(dir);
  stores.push(store);
  const events: { event: string; fields?: Record<string, unknown> }[] = [];
  const rooms = new Rooms(store, {
    evictAfterMs: 60_000,
    compactAfterUpdates: 20,
    maxBufferedBytes: 1 << 22,
    log: (event, fields) => events.push({ event, fields }),
    metrics: new Metrics(),
    epochMinBytes: 4 * 1024,
    epochGrowth: 3,
  });
  return { dir, store, rooms, events };
}

/** An open socket that keeps what it is sent and how it was closed. */
function socket() {
  const ws = {
    sent: [] as Uint8Array[],
    closedWith: null as number | null,
    readyState: 1,
    OPEN: 1,
    bufferedAmount: 0,
    send: (data: Uint8Array) => ws.sent.push(data),
    close: (code: number) => (ws.closedWith = code),
  };
  return ws as typeof ws & WebSocket;
}

/**
 * Sessions (a new client id each) overwriting the dates of 20 entries, each update through the write path. When the
 * room starts an epoch, the writer migrates as our client does: its changes against the closing, onto the new state.
 */
function overwriteSessions(rooms: Rooms, room: string, sessions: number, initial = new Y.Doc({ gc: true })) {
  const r = rooms.acquire(room, socket())!;
  let doc = initial;
  const send = (update: Uint8Array) => rooms.receive(r, update, socket());
  send(Y.encodeStateAsUpdate(doc));
  doc.on('update', send);
  let epoch = r.epoch;
  for (let s = 0; s < sessions; s++) {
    doc.clientID = 1000 + s * 7919;
    const entries = doc.getMap<Y.Map<unknown>>('entries');
    doc.transact(() => {
      for (let e = 0; e < 20; e++) {
        if (!entries.has(`e${e}`)) entries.set(`e${e}`, new Y.Map([['title', `Protocole ${e}`]]));
        entries.get(`e${e}`)!.set('updatedAt', `2026-12-05T02:${String(s).padStart(6, '0')}`);
      }
    });
    rooms.flush();
    if (r.epoch !== epoch) {
      const fresh = new Y.Doc({ gc: true });
      Y.applyUpdate(
        fresh,
        rooms.read(r, (x) => x.missingFrom(new Uint8Array([0]))),
      );
      applyChanges(fresh, changesSince(doc, decodeClosing(rooms.epochs.closingOf(room, epoch))), r.rewriter);
      doc.off('update', send);
      doc = fresh;
      doc.on('update', send);
      epoch = r.epoch;
    }
  }
  return doc;
}

const loaded = (store: RoomStore, room: string) => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.mergeUpdates(store.load(room)));
  return doc;
};

describe('epochs', () => {
  it('rewrites a collecting room at compaction, tells and closes the sockets of the closed epoch, and survives a restart', () => {
    const { dir, store, rooms, events } = roomsOver();
    const ours = socket();
    const stock = socket();
    const awaited = socket();
    const room = rooms.acquire(CATALOGUE, ours)!;
    rooms.trackEpoch(ours, { declared: 0, servedIn: 0 });
    rooms.acquire(CATALOGUE, stock);
    rooms.trackEpoch(stock, { declared: null, servedIn: 0 });
    rooms.acquire(CATALOGUE, awaited);
    rooms.trackEpoch(awaited, { declared: 0, servedIn: null });
    const writer = overwriteSessions(rooms, CATALOGUE, 400);

    const started = events.filter((e) => e.event === 'epoch_started');
    expect(started.length).toBeGreaterThanOrEqual(1);
    expect(room.epoch).toBe(started.length);
    expect(room.rewriter).not.toBeNull();
    // One row: the rewrite (or it and what came after it), far smaller than the state it replaced.
    expect(started[0]!.fields!.bytesAfter as number).toBeLessThan((started[0]!.fields!.bytesBefore as number) / 3);
    const stored = loaded(store, CATALOGUE);
    expect(stored.getMap('entries').toJSON()).toEqual(writer.getMap('entries').toJSON());
    expect(Y.decodeStateVector(Y.encodeStateVector(stored)).has(room.rewriter!)).toBe(true);

    // Ours was sent the closed epoch's record, then closed; the stock one closed; the awaited one left to decide.
    const notice = decodeEpochNotice(ours.sent.find((m) => m[0] === MESSAGE_EPOCH)!.subarray(1));
    expect(ours.sent.filter((m) => m[0] === MESSAGE_EPOCH)).toHaveLength(1);
    expect(notice).toMatchObject({ kind: 'migrate', epoch: 1 });
    const closing = decodeClosing(notice?.kind === 'migrate' ? notice.closing : null)!;
    expect(closing.sv.size).toBeGreaterThan(10);
    expect(ours.closedWith).toBe(CloseCode.epochChanged);
    expect(stock.closedWith).toBe(CloseCode.epochChanged);
    const notices = (ws: ReturnType<typeof socket>) =>
      ws.sent.filter((m) => m[0] === MESSAGE_EPOCH && decodeEpochNotice(m.subarray(1)) !== null);
    expect(notices(stock)).toEqual([]);
    expect(notices(awaited)).toEqual([]);
    expect(awaited.closedWith).toBeNull();
    expect(rooms.epochs.closingOf(CATALOGUE, 0)).toEqual(notice?.kind === 'migrate' ? notice.closing : null);
    expect(rooms.epochs.closingOf(CATALOGUE, room.epoch)).toBeNull();

    // Another relay on the same store: the same epoch, the same content.
    rooms.shutdown();
    const again = roomsOver(dir).rooms.acquire(CATALOGUE, socket())!;
    expect([again.epoch, again.rewriter]).toEqual([room.epoch, room.rewriter]);
  });

  it('never rewrites a room with versions, a small room, or one not yet grown past its last rewrite', () => {
    const { rooms, events } = roomsOver();
    overwriteSessions(rooms, PROTOCOL, 200);
    expect(events.some((e) => e.event === 'epoch_started')).toBe(false);
    expect(rooms.acquire(PROTOCOL, socket())!.epoch).toBe(0);

    const small = roomsOver();
    overwriteSessions(small.rooms, CATALOGUE, 10);
    expect(small.rooms.acquire(CATALOGUE, socket())!.epoch).toBe(0);

    // Each rewrite is computed once the state has outgrown the last one, not at each compaction.
    const grown = roomsOver();
    let rewrites = 0;
    const room = grown.rooms.acquire(CATALOGUE, socket())!;
    const rewrite = room.rewrite.bind(room);
    room.rewrite = () => (rewrites++, rewrite());
    overwriteSessions(grown.rooms, CATALOGUE, 400);
    const compactions = 400;
    expect(rewrites).toBeGreaterThan(0);
    expect(rewrites).toBeLessThan(compactions / 10);
  });

  it('leaves a room it cannot rewrite in its epoch, compacted as before', () => {
    const { store, rooms, events } = roomsOver();
    const doc = new Y.Doc({ gc: true });
    doc.getArray('log').push(['début']);
    overwriteSessions(rooms, CATALOGUE, 300, doc);
    expect(events.some((e) => e.event === 'epoch_started')).toBe(false);
    expect(events.filter((e) => e.event === 'epoch_not_rewritable').length).toBeGreaterThan(0);
    expect(rooms.acquire(CATALOGUE, socket())!.epoch).toBe(0);
    expect(loaded(store, CATALOGUE).getArray('log').toArray()).toEqual(['début']);
  });
});
