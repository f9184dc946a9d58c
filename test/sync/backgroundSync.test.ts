// The device side of the change feed against the real relay: the client's BackgroundSync, its DocStore (over
// fake-indexeddb: a store unit, not a browser) and stock y-websocket sockets (docs/decisions/0029).
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import {
  changesResponseSchema,
  changesUrl,
  newDocId,
  newRestrictedNonce,
  restrictedDocId,
  roomName,
  type RoomChange,
  WELL_KNOWN_DOCS,
} from '@maillage/shared';
import { MaillageDb } from '../../client/src/store/db';
import { DocStore } from '../../client/src/store/docStore';
import { BackgroundSync } from '../../client/src/sync/background/backgroundSync';
import { FetchQueue } from '../../client/src/sync/background/fetchQueue';
import { openRoomStore } from '../../relay/src/persistence';
import { startRelayProcess, type RelayProcess } from '../support/relayProcess';
import { newTestWorkspace, type TestWorkspace } from '../support/tokens';
import { connect, whenSynced } from '../support/yClient';

let relay: RelayProcess;
let workspace: TestWorkspace;
let writer: string;

beforeAll(async () => {
  relay = await startRelayProcess();
});
// A workspace per test: each device fetches everything its workspace holds.
beforeEach(async () => {
  workspace = await newTestWorkspace();
  writer = await workspace.token({ member: 'dr-martin-01', role: 'member' });
});
afterAll(() => relay.stop());

/** A colleague's edit, through their own stock client, read back so the relay has committed it. */
async function write(docId: string, text: string): Promise<void> {
  const room = roomName({ workspaceId: workspace.ws, docId });
  const doc = new Y.Doc();
  const provider = connect(relay.wsUrl, room, { doc, token: writer });
  await whenSynced(provider);
  doc.getText('t').insert(doc.getText('t').length, text);
  provider.destroy();
  const reader = new Y.Doc();
  const check = connect(relay.wsUrl, room, { doc: reader, token: writer });
  await whenSynced(check);
  check.destroy();
  expect(reader.getText('t').toString()).toContain(text);
}

/** The update that makes a document's text `text`, as a colleague's device would have sent it. */
function textUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

/** Every change the feed lists for a token, page after page. */
async function feedOf(token: string): Promise<RoomChange[]> {
  const all: RoomChange[] = [];
  for (let cursor = 0, more = true; more;) {
    const response = await fetch(changesUrl(relay.url.replace(/\/$/, ''), workspace.ws, cursor), {
      headers: { authorization: `Bearer ${token}` },
    });
    const answer = changesResponseSchema.parse(await response.json());
    all.push(...answer.changes);
    ({ cursor, more } = answer);
  }
  return all;
}

/** Runs `work` `n` at a time. */
async function inBatches<T>(items: readonly T[], n: number, work: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += n) await Promise.all(items.slice(i, i + n).map(work));
}

/** A device of `member`: its own IndexedDB, DocStore and background sync; counts the documents it synced. */
async function device(
  member: string,
  { isLive, setAside }: { isLive?: (docId: string) => boolean; setAside?: ReadonlySet<string> } = {},
) {
  const db = new MaillageDb(`device-${newDocId()}`);
  const store = new DocStore(db);
  const queue = new FetchQueue(workspace.ws, db);
  const token = await workspace.token({ member, role: 'member' });
  // Synced: opened to sync with the relay, or (a first fetch) stored as the relay sent it.
  const synced: string[] = [];
  const firstFetched: string[] = [];
  const acquire = store.acquire.bind(store);
  store.acquire = (ws, docId) => {
    synced.push(docId);
    return acquire(ws, docId);
  };
  const storeFetched = store.storeFetched.bind(store);
  store.storeFetched = (ws, copies) => {
    for (const { docId } of copies) {
      synced.push(docId);
      firstFetched.push(docId);
    }
    return storeFetched(ws, copies);
  };
  // Sockets this device opened: a first copy comes over HTTP, many to a request (decision 0044).
  const sockets = { opened: 0 };
  class CountedSocket extends WebSocket {
    constructor(...args: ConstructorParameters<typeof WebSocket>) {
      super(...args);
      sockets.opened++;
    }
  }
  const sync = new BackgroundSync({
    workspaceId: workspace.ws,
    token,
    httpBase: relay.url.replace(/\/$/, ''),
    wsBase: relay.wsUrl,
    store,
    queue,
    WebSocketPolyfill: CountedSocket as unknown as typeof globalThis.WebSocket,
    ...(isLive ? { isLive } : {}),
    ...(setAside ? { setAside: () => setAside } : {}),
  });
  const textOf = async (docId: string) => {
    const doc = await acquire(workspace.ws, docId);
    const text = doc.getText('t').toString();
    await store.release(workspace.ws, docId);
    return text;
  };
  return { db, store, queue, sync, synced, firstFetched, textOf, token, sockets };
}

describe('every document on the device', () => {
  it('a device holding 1,000 stale copies fetches exactly the 10 that changed', async () => {
    // The relay's store and the device's copies are written directly: 1,000 rooms through sockets is a benchmark.
    const docs = Array.from({ length: 1000 }, () => newDocId());
    const v1 = new Map(docs.map((docId) => [docId, textUpdate('v1')]));
    await relay.stop();
    const store = openRoomStore(relay.dataDir);
    store.appendBatch(
      docs.map((docId) => ({ room: roomName({ workspaceId: workspace.ws, docId }), update: v1.get(docId)! })),
    );
    store.close();
    relay = await relay.restart();
    const phone = await device('ide-durand01');
    await phone.db.updates.bulkAdd(docs.map((docId) => ({ workspaceId: workspace.ws, docId, data: v1.get(docId)! })));
    const feed = await feedOf(phone.token);
    await phone.db.fetches.bulkPut(
      feed.map((c) => ({ workspaceId: workspace.ws, docId: c.doc, tick: c.tick, fetchedTick: c.tick, readable: true })),
    );
    expect(await phone.queue.progress()).toEqual({ onDevice: 1000, total: 1000 });

    const changed = docs.filter((_, i) => i % 100 === 7);
    for (const doc of changed) await write(doc, ' v2');
    phone.synced.length = 0;
    await phone.sync.checkNow();
    expect(phone.synced.sort()).toEqual([...changed].sort());
    for (const doc of changed) expect(await phone.textOf(doc)).toBe('v1 v2');
    expect(phone.sync.current).toMatchObject({ phase: 'idle', onDevice: 1000, total: 1000 });
  }, 120_000);

  it('stores a new device’s first copies as the relay sent them, and a copy it holds through the doc', async () => {
    const [big, second] = [newDocId(), newDocId()];
    await write(big, 'protocole '.repeat(20_000));
    const phone = await device('ide-durand01');
    await phone.sync.checkNow();
    // Stored without opening it on the page (acquire never called), nor a socket, and it opens with everything in it.
    expect(phone.firstFetched).toEqual([big]);
    expect(phone.synced).toEqual([big]);
    expect(phone.sockets.opened).toBe(0);
    expect(await phone.db.updates.where('[workspaceId+docId]').equals([workspace.ws, big]).count()).toBe(1);
    expect(await phone.textOf(big)).toBe('protocole '.repeat(20_000));

    // Held now: a later change syncs through the DocStore's copy, as before.
    await write(big, 'fin');
    await write(second, 'autre');
    phone.synced.length = 0;
    phone.firstFetched.length = 0;
    await phone.sync.checkNow();
    expect(phone.firstFetched).toEqual([second]);
    expect(phone.synced.sort()).toEqual([big, second].sort());
    expect(phone.sockets.opened).toBe(1);
    expect(await phone.textOf(big)).toBe(`${'protocole '.repeat(20_000)}fin`);
    expect(phone.sync.current).toMatchObject({ phase: 'idle', onDevice: 2, total: 2 });
  });

  it('leaves a document open on a screen to that screen’s socket, and fetches it once the screen closes', async () => {
    const [open, closed] = [newDocId(), newDocId()];
    await write(open, 'ouvert');
    await write(closed, 'fermé');
    // The workspace keeps its catalogue open all the time: it counts as on the device all the same.
    await write(WELL_KNOWN_DOCS.catalogue, 'catalogue');
    const onScreen = new Set([open, WELL_KNOWN_DOCS.catalogue]);
    const tablet = await device('ide-martin01', { isLive: (docId) => onScreen.has(docId) });
    await tablet.sync.checkNow();
    expect(tablet.synced).toEqual([closed]);
    expect(tablet.sync.current).toMatchObject({ phase: 'idle', onDevice: 2, total: 3 });

    onScreen.clear();
    await tablet.sync.checkNow();
    expect(tablet.synced).toEqual([closed, open]);
    expect(await tablet.textOf(open)).toBe('ouvert');
    expect(tablet.sync.current).toMatchObject({ onDevice: 3, total: 3 });
  });

  it('a member taken off a care team neither fetches the room nor keeps its copy', async () => {
    const nonce = newRestrictedNonce();
    const docId = await restrictedDocId(workspace.ws, 'dr-martin-01', nonce);
    const room = roomName({ workspaceId: workspace.ws, docId });
    const setList = (members: string[]) =>
      fetch(`${relay.url}acl`, {
        method: 'POST',
        headers: { authorization: `Bearer ${writer}` },
        body: JSON.stringify({ room, members, nonce }),
      });
    expect((await setList(['kine-petit01'])).status).toBe(200);
    await write(docId, 'plaie du talon');
    const phone = await device('kine-petit01');
    await phone.sync.checkNow();
    expect(await phone.textOf(docId)).toBe('plaie du talon');

    expect((await setList([])).status).toBe(200);
    phone.synced.length = 0;
    await phone.sync.checkNow();
    expect(phone.synced).not.toContain(docId);
    expect(phone.sync.current.dropped).toEqual([docId]);
    expect(await phone.db.updates.where('[workspaceId+docId]').equals([workspace.ws, docId]).count()).toBe(0);

    // Another member's device never had it: not on the list, never fetched.
    const other = await device('sage-femme01');
    await other.sync.checkNow();
    expect(other.synced).not.toContain(docId);
    // …and is not told that a document left it.
    expect(other.sync.current.dropped).toEqual([]);
  }, 120_000);

  it('a device cut off halfway resumes where it stopped, without fetching again what it has', async () => {
    // More than two requests' worth (50 documents each, two at a time).
    const fresh = Array.from({ length: 120 }, () => newDocId());
    await inBatches(fresh, 20, (doc) => write(doc, 'nouveau'));
    const laptop = await device('pharma-lucas1');
    // The relay dies while the laptop fetches: once the first request's documents are in.
    const stopped = new Promise<void>((done) => {
      const unsubscribe = laptop.sync.subscribe(() => {
        if (laptop.synced.length >= 10) {
          unsubscribe();
          void relay.kill().then(done);
        }
      });
    });
    await laptop.sync.checkNow();
    await stopped;
    const before = await laptop.queue.progress();
    expect(before.onDevice).toBeLessThan(before.total);
    const fetchedBefore = new Set(
      (await laptop.db.fetches.toArray()).filter((r) => r.fetchedTick >= r.tick).map((r) => r.docId),
    );
    expect(fetchedBefore.size).toBeGreaterThan(0);

    relay = await relay.restart();
    laptop.synced.length = 0;
    await laptop.sync.checkNow();
    const after = await laptop.queue.progress();
    expect(after.onDevice).toBe(after.total);
    for (const doc of fresh) expect(await laptop.textOf(doc)).toBe('nouveau');
    // What it had before the cut is not fetched again, and none of it needed a socket.
    expect(laptop.synced.filter((d) => fetchedBefore.has(d))).toEqual([]);
    expect(laptop.sockets.opened).toBe(0);
  }, 120_000);

  it('lets go of the copies this device chose not to keep, once the relay holds all of them', async () => {
    const [kept, old, editedHere] = [newDocId(), newDocId(), newDocId()];
    for (const doc of [kept, old, editedHere]) await write(doc, 'clos');
    const setAside = new Set<string>();
    const phone = await device('ide-durand01', { setAside });
    await phone.sync.checkNow();
    expect(phone.sync.current).toMatchObject({ onDevice: 3, total: 3 });
    // A change made on this device with no network, never sent.
    const copy = await phone.store.acquire(workspace.ws, editedHere);
    copy.getText('t').insert(copy.getText('t').length, ' + note hors ligne');
    await phone.store.flushed(workspace.ws, editedHere);
    await phone.store.release(workspace.ws, editedHere);

    setAside.add(old).add(editedHere);
    phone.synced.length = 0;
    await phone.sync.checkNow();
    expect(await phone.store.hasCopy(workspace.ws, old)).toBe(false);
    // The unsent change goes to the relay first; the copy stays until a later round sees the relay hold it.
    expect(await phone.store.hasCopy(workspace.ws, editedHere)).toBe(true);
    const colleague = connect(relay.wsUrl, roomName({ workspaceId: workspace.ws, docId: editedHere }), {
      doc: new Y.Doc(),
      token: writer,
    });
    await whenSynced(colleague);
    expect(colleague.doc.getText('t').toString()).toBe('clos + note hors ligne');
    colleague.destroy();
    await phone.sync.checkNow();
    expect(await phone.store.hasCopy(workspace.ws, editedHere)).toBe(false);
    expect(await phone.store.hasCopy(workspace.ws, kept)).toBe(true);
    // Set aside is not « left the device because you may no longer read it », and counts on neither side.
    expect(phone.sync.current).toMatchObject({ phase: 'idle', onDevice: 1, total: 1, dropped: [] });

    // Changing one's mind fetches them again.
    setAside.clear();
    await phone.sync.checkNow();
    expect(phone.sync.current).toMatchObject({ onDevice: 3, total: 3 });
    expect(await phone.textOf(editedHere)).toBe('clos + note hors ligne');
  });

  it('journals a device’s background fetches as one line, not two per document', async () => {
    const docs = Array.from({ length: 5 }, () => newDocId());
    for (const doc of docs) await write(doc, 'à lire');
    const tablet = await device('ide-martin01');
    await tablet.sync.checkNow();
    expect(tablet.sync.current).toMatchObject({ onDevice: 5, total: 5 });
    // Summaries are written each minute, and when the relay stops.
    await relay.stop();
    relay = await relay.restart();
    const coordinator = await workspace.token({ member: 'coord-leroy1', role: 'coordinator' });
    const response = await fetch(`${relay.url}journal?ws=${workspace.ws}&member=ide-martin01`, {
      headers: { authorization: `Bearer ${coordinator}` },
    });
    const { entries } = (await response.json()) as { entries: { event: string; reason: string | null }[] };
    expect(entries).toEqual([expect.objectContaining({ event: 'fetch', reason: 'documents:5' })]);
  });
});
