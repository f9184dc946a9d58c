// The device side of the change feed against the real relay: the client's BackgroundSync, its DocStore (over
// fake-indexeddb: a store unit, not a browser), GET /fetch and stock y-websocket sockets (docs/decisions/0029, 0044).
import { describe, expect, it } from 'vitest';
import { newDocId, newRestrictedNonce, restrictedDocId, roomName, WELL_KNOWN_DOCS } from '@maillage/shared';
import { openRoomStore } from '../../relay/src/persistence';
import {
  device,
  feedOf,
  inBatches,
  onRelay,
  textUpdate,
  useBackgroundWorld,
  write,
} from '../support/backgroundDevices';

const world = useBackgroundWorld();

describe('every document on the device', () => {
  it('a device holding 1,000 stale copies fetches exactly the 10 that changed', async () => {
    // The relay's store and the device's copies are written directly: 1,000 rooms through sockets is a benchmark.
    const docs = Array.from({ length: 1000 }, () => newDocId());
    const v1 = new Map(docs.map((docId) => [docId, textUpdate('v1')]));
    await world.relay.stop();
    const store = openRoomStore(world.relay.dataDir);
    store.appendBatch(
      docs.map((docId) => ({ room: roomName({ workspaceId: world.workspace.ws, docId }), update: v1.get(docId)! })),
    );
    store.close();
    world.relay = await world.relay.restart();
    const phone = await device(world, 'ide-durand01');
    await phone.db.updates.bulkAdd(
      docs.map((docId) => ({ workspaceId: world.workspace.ws, docId, data: v1.get(docId)! })),
    );
    const feed = await feedOf(world, phone.token);
    await phone.db.fetches.bulkPut(
      feed.map((c) => ({
        workspaceId: world.workspace.ws,
        docId: c.doc,
        tick: c.tick,
        fetchedTick: c.tick,
        readable: true,
      })),
    );
    expect(await phone.queue.progress()).toEqual({ onDevice: 1000, total: 1000 });

    const changed = docs.filter((_, i) => i % 100 === 7);
    for (const doc of changed) await write(world, doc, ' v2');
    phone.synced.length = 0;
    await phone.sync.checkNow();
    expect(phone.synced.sort()).toEqual([...changed].sort());
    for (const doc of changed) expect(await phone.textOf(doc)).toBe('v1 v2');
    expect(phone.sync.current).toMatchObject({ phase: 'idle', onDevice: 1000, total: 1000 });
  }, 120_000);

  it('stores a new device’s first copies as the relay sent them, and a copy it holds through the doc', async () => {
    const [big, second] = [newDocId(), newDocId()];
    await write(world, big, 'protocole '.repeat(20_000));
    const phone = await device(world, 'ide-durand01');
    await phone.sync.checkNow();
    // Stored without opening it on the page (acquire never called), nor a socket, and it opens with everything in it.
    expect(phone.firstFetched).toEqual([big]);
    expect(phone.synced).toEqual([big]);
    expect(phone.sockets.opened).toBe(0);
    expect(await phone.db.updates.where('[workspaceId+docId]').equals([world.workspace.ws, big]).count()).toBe(1);
    expect(await phone.textOf(big)).toBe('protocole '.repeat(20_000));

    // Held now: a later change syncs through the DocStore's copy, as before.
    await write(world, big, 'fin');
    await write(world, second, 'autre');
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
    await write(world, open, 'ouvert');
    await write(world, closed, 'fermé');
    // The workspace keeps its catalogue open all the time: it counts as on the device all the same.
    await write(world, WELL_KNOWN_DOCS.catalogue, 'catalogue');
    const onScreen = new Set([open, WELL_KNOWN_DOCS.catalogue]);
    const tablet = await device(world, 'ide-martin01', { isLive: (docId) => onScreen.has(docId) });
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
    const docId = await restrictedDocId(world.workspace.ws, 'dr-martin-01', nonce);
    const room = roomName({ workspaceId: world.workspace.ws, docId });
    const setList = (members: string[]) =>
      fetch(`${world.relay.url}acl`, {
        method: 'POST',
        headers: { authorization: `Bearer ${world.writer}` },
        body: JSON.stringify({ room, members, nonce }),
      });
    expect((await setList(['kine-petit01'])).status).toBe(200);
    await write(world, docId, 'plaie du talon');
    const phone = await device(world, 'kine-petit01');
    await phone.sync.checkNow();
    expect(await phone.textOf(docId)).toBe('plaie du talon');

    expect((await setList([])).status).toBe(200);
    phone.synced.length = 0;
    await phone.sync.checkNow();
    expect(phone.synced).not.toContain(docId);
    expect(phone.sync.current.dropped).toEqual([docId]);
    expect(await phone.db.updates.where('[workspaceId+docId]').equals([world.workspace.ws, docId]).count()).toBe(0);

    // Another member's device never had it: not on the list, never fetched.
    const other = await device(world, 'sage-femme01');
    await other.sync.checkNow();
    expect(other.synced).not.toContain(docId);
    // …and is not told that a document left it.
    expect(other.sync.current.dropped).toEqual([]);
  }, 120_000);

  it('a device cut off halfway resumes where it stopped, without fetching again what it has', async () => {
    // More than two requests' worth (50 documents each, two at a time).
    const fresh = Array.from({ length: 120 }, () => newDocId());
    await inBatches(fresh, 20, (doc) => write(world, doc, 'nouveau'));
    const laptop = await device(world, 'pharma-lucas1');
    // The relay dies while the laptop fetches: once the first request's documents are in.
    const stopped = new Promise<void>((done) => {
      const unsubscribe = laptop.sync.subscribe(() => {
        if (laptop.synced.length >= 10) {
          unsubscribe();
          void world.relay.kill().then(done);
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

    world.relay = await world.relay.restart();
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
    for (const doc of [kept, old, editedHere]) await write(world, doc, 'clos');
    const setAside = new Set<string>();
    const phone = await device(world, 'ide-durand01', { setAside });
    await phone.sync.checkNow();
    expect(phone.sync.current).toMatchObject({ onDevice: 3, total: 3 });
    // A change made on this device with no network, never sent.
    await phone.editHere(editedHere, ' + note hors ligne');

    setAside.add(old).add(editedHere);
    phone.synced.length = 0;
    const sockets = phone.sockets.opened;
    await phone.sync.checkNow();
    // The relay's copies came in one request: the only socket is the one that sent the change.
    expect(phone.sockets.opened - sockets).toBe(1);
    expect(await phone.store.hasCopy(world.workspace.ws, old)).toBe(false);
    // The unsent change goes to the relay first; the copy stays until a later round sees the relay hold it.
    expect(await phone.store.hasCopy(world.workspace.ws, editedHere)).toBe(true);
    expect(await onRelay(world, editedHere)).toBe('clos + note hors ligne');
    await phone.sync.checkNow();
    expect(phone.sockets.opened - sockets).toBe(1);
    expect(await phone.store.hasCopy(world.workspace.ws, editedHere)).toBe(false);
    expect(await phone.store.hasCopy(world.workspace.ws, kept)).toBe(true);
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
    for (const doc of docs) await write(world, doc, 'à lire');
    const tablet = await device(world, 'ide-martin01');
    await tablet.sync.checkNow();
    expect(tablet.sync.current).toMatchObject({ onDevice: 5, total: 5 });
    // Summaries are written each minute, and when the relay stops.
    await world.relay.stop();
    world.relay = await world.relay.restart();
    const coordinator = await world.workspace.token({ member: 'coord-leroy1', role: 'coordinator' });
    const response = await fetch(`${world.relay.url}journal?ws=${world.workspace.ws}&member=ide-martin01`, {
      headers: { authorization: `Bearer ${coordinator}` },
    });
    const { entries } = (await response.json()) as { entries: { event: string; reason: string | null }[] };
    expect(entries).toEqual([expect.objectContaining({ event: 'fetch', reason: 'documents:5' })]);
  });
});
