import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { freshDbsFor } from '../testing/freshDbs';
import { COMPACT_AFTER, DocStore, LARGE_COPY_BYTES } from './docStore';
import { noteInput, QUIET_MS } from './inputRests';

const freshDb = freshDbsFor('test');

describe('DocStore', () => {
  it('keeps deleted content of per-thing documents across a reopen and compaction, so old versions replay', async () => {
    const db = freshDb();
    const store = new DocStore(db);
    const doc = await store.acquire('ws', 'protocol-1');
    doc.getText('body').insert(0, 'Avis infirmier à J+2');
    const v1 = Y.encodeSnapshot(Y.snapshot(doc));
    doc.getText('body').delete(17, 3);
    doc.getText('body').insert(17, 'J+3');
    await store.flushed('ws', 'protocol-1');
    await store.compact('ws', 'protocol-1');
    await store.release('ws', 'protocol-1');
    const reopened = await new DocStore(db).acquire('ws', 'protocol-1');
    expect(reopened.getText('body').toString()).toBe('Avis infirmier à J+3');
    expect(Y.createDocFromSnapshot(reopened, Y.decodeSnapshot(v1)).getText('body').toString()).toBe(
      'Avis infirmier à J+2',
    );
    // The workspace's well-known documents collect their garbage: they have no versions.
    expect((await store.acquire('ws', 'catalogue')).gc).toBe(true);
  });

  it('stores a fetched document as the bytes it came in, or applies it to a copy open meanwhile', async () => {
    const db = freshDb();
    const relay = new Y.Doc();
    relay.getText('body').insert(0, 'protocole du relais');
    const sent = Y.encodeStateAsUpdate(relay);
    const store = new DocStore(db);
    await store.storeFetched('ws', [{ docId: 'protocol-1', updates: [sent] }]);
    expect(store.isOpen('ws', 'protocol-1')).toBe(false);
    expect((await db.updates.toArray()).map((r) => r.data)).toEqual([sent]);
    expect((await new DocStore(db).acquire('ws', 'protocol-1')).getText('body').toString()).toBe('protocole du relais');

    // A screen opened it while it was fetched: its copy gets it, and stores it before the fetch counts.
    const open = await store.acquire('ws', 'protocol-2');
    await store.storeFetched('ws', [{ docId: 'protocol-2', updates: [sent] }]);
    expect(open.getText('body').toString()).toBe('protocole du relais');
    const rows = await db.updates.where('[workspaceId+docId]').equals(['ws', 'protocol-2']).count();
    expect(rows).toBe(1);
    await store.release('ws', 'protocol-2');
    expect((await new DocStore(db).acquire('ws', 'protocol-2')).getText('body').toString()).toBe('protocole du relais');
  });

  it('reads a large copy for a list once the member pauses, or at once when a screen asks for it', async () => {
    const db = freshDb();
    const big = new Y.Doc();
    big.getText('body').insert(0, 'x'.repeat(LARGE_COPY_BYTES));
    const small = new Y.Doc();
    small.getText('body').insert(0, 'court');
    const store = new DocStore(db);
    await store.storeFetched('ws', [
      { docId: 'case-big', updates: [Y.encodeStateAsUpdate(big)] },
      { docId: 'case-small', updates: [Y.encodeStateAsUpdate(small)] },
    ]);
    const read = (docId: string) => {
      const reading = { done: false, doc: store.acquire('ws', docId, { canWait: true }) };
      void reading.doc.then(() => (reading.done = true));
      return reading;
    };

    noteInput();
    const started = performance.now();
    expect((await read('case-small').doc).getText('body').toString()).toBe('court');
    const waited = read('case-big');
    await waited.doc;
    expect(performance.now() - started).toBeGreaterThanOrEqual(QUIET_MS - 5);
    await store.release('ws', 'case-big');
    await store.release('ws', 'case-small');

    // The member keeps typing; a screen opens the copy a list waits for: both have it now.
    noteInput();
    const typing = setInterval(noteInput, 50);
    try {
      const listed = read('case-big');
      await vi.waitFor(() => expect(store.waitsForInput('ws', 'case-big')).toBe(true));
      expect(listed.done).toBe(false);
      const opened = await store.acquire('ws', 'case-big');
      expect(opened.getText('body').length).toBe(LARGE_COPY_BYTES);
      expect(await listed.doc).toBe(opened);
      await store.release('ws', 'case-big');
      await store.release('ws', 'case-big');
      // Nor does a copy forgotten (the member taken off its team) wait on their typing.
      const again = read('case-big');
      await vi.waitFor(() => expect(store.waitsForInput('ws', 'case-big')).toBe(true));
      expect(again.done).toBe(false);
      await store.forget('ws', 'case-big');
      expect(again.done).toBe(true);
    } finally {
      clearInterval(typing);
    }
  });

  it('skips the read of a document said to hold nothing, and keeps rows stored meanwhile', async () => {
    const db = freshDb();
    const earlier = new DocStore(db);
    const doc = await earlier.acquire('ws', 'protocol-1');
    doc.getText('body').insert(0, 'écrit dans un autre onglet');
    await earlier.release('ws', 'protocol-1');
    const store = new DocStore(db);
    const blank = await store.acquire('ws', 'protocol-1', { nothingStored: true });
    expect(blank.getText('body').toString()).toBe('');
    blank.getText('title').insert(0, 'reçu du relais');
    await store.release('ws', 'protocol-1');
    const reopened = await new DocStore(db).acquire('ws', 'protocol-1');
    expect(reopened.getText('body').toString()).toBe('écrit dans un autre onglet');
    expect(reopened.getText('title').toString()).toBe('reçu du relais');
    // The hint never skips the epoch of a document without history.
    const catalogue = await earlier.acquire('ws', 'catalogue');
    catalogue.getMap('items').set('a', 1);
    await earlier.release('ws', 'catalogue');
    expect((await new DocStore(db).acquire('ws', 'catalogue', { nothingStored: true })).getMap('items').get('a')).toBe(
      1,
    );
  });

  it('restores a document after the app is reopened', async () => {
    const db = freshDb();
    const store = new DocStore(db);
    const doc = await store.acquire('ws', 'doc-1');
    doc.getText('body').insert(0, 'Bonjour');
    doc.getMap('header').set('title', 'Plaies');
    await store.release('ws', 'doc-1');
    const reopened = await new DocStore(db).acquire('ws', 'doc-1');
    expect(reopened.getText('body').toString()).toBe('Bonjour');
    expect(reopened.getMap('header').get('title')).toBe('Plaies');
  });

  it('persists updates that arrive from the network too', async () => {
    const db = freshDb();
    const store = new DocStore(db);
    const doc = await store.acquire('ws', 'doc-1');
    const remote = new Y.Doc();
    remote.getText('body').insert(0, 'du réseau');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote), 'provider');
    await store.flushed('ws', 'doc-1');
    expect((await new DocStore(db).acquire('ws', 'doc-1')).getText('body').toString()).toBe('du réseau');
  });

  it('compacts past the threshold without losing an edit made meanwhile', async () => {
    const db = freshDb();
    const store = new DocStore(db);
    const doc = await store.acquire('ws', 'doc-1');
    for (let i = 0; i < COMPACT_AFTER + 20; i++) {
      doc.getArray<number>('items').push([i]);
      await store.flushed('ws', 'doc-1');
    }
    const compaction = store.compact('ws', 'doc-1');
    doc.getArray<number>('items').push([-1]);
    await compaction;
    await store.flushed('ws', 'doc-1');
    expect(await store.storedUpdateCount('ws', 'doc-1')).toBeLessThan(30);
    const items = (await new DocStore(db).acquire('ws', 'doc-1')).getArray<number>('items').toArray();
    expect(items).toHaveLength(COMPACT_AFTER + 21);
    expect(items.at(-1)).toBe(-1);
  });

  it('shares one Y.Doc between holders of the same document', async () => {
    const store = new DocStore(freshDb());
    const [a, b] = await Promise.all([store.acquire('ws', 'd'), store.acquire('ws', 'd')]);
    expect(a).toBe(b);
  });

  it('tells the latest stored update of many documents at once, as one at a time would', async () => {
    const store = new DocStore(freshDb());
    for (const [docId, edits] of [
      ['a', 3],
      ['b', 1],
      ['c', 2],
    ] as const) {
      const doc = await store.acquire('ws', docId);
      for (let i = 0; i < edits; i++) doc.getText('t').insert(0, `${docId}${i}`);
      await store.flushed('ws', docId);
      await store.release('ws', docId);
    }
    const other = await store.acquire('ws2', 'a');
    other.getText('t').insert(0, 'elsewhere');
    await store.flushed('ws2', 'a');
    const many = await store.latestSeqs('ws', ['a', 'b', 'c', 'none']);
    for (const docId of ['a', 'b', 'c', 'none']) expect(many.get(docId)).toBe(await store.latestSeq('ws', docId));
    expect(many.get('none')).toBe(0);
    expect(many.get('a')).toBeGreaterThan(0);
    expect(many.get('a')).not.toBe(await store.latestSeq('ws2', 'a'));
  });

  it('lists metadata rows of one workspace without opening documents', async () => {
    const store = new DocStore(freshDb());
    const row = {
      kind: 'protocol',
      title: 'T',
      status: 'brouillon',
      updatedAt: '2026-11-24T10:00:00.000Z',
      excerpt: '',
    };
    await store.putMeta({ workspaceId: 'a', docId: '1', ...row });
    await store.putMeta({ workspaceId: 'a', docId: '2', ...row });
    await store.putMeta({ workspaceId: 'b', docId: '3', ...row });
    expect((await store.listMeta('a')).map((r) => r.docId).sort()).toEqual(['1', '2']);
  });
});

describe('DocStore holders', () => {
  it('keeps a document open for a screen that takes it while the previous one lets it go', async () => {
    const store = new DocStore(freshDb());
    const first = await store.acquire('ws', 'doc-3');
    // The way a route change runs: the leaving screen releases, the arriving one acquires, in the same turn.
    const releasing = store.release('ws', 'doc-3');
    const second = await store.acquire('ws', 'doc-3');
    await releasing;
    expect(second).toBe(first);
    second.getText('body').insert(0, 'toujours ouvert');
    await store.flushed('ws', 'doc-3');
    expect(await store.storedUpdateCount('ws', 'doc-3')).toBe(1);
    expect(second.isDestroyed).toBe(false);
  });
});
