import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { WELL_KNOWN_DOCS } from '@maillage/shared/sync';
import { DocStore } from './docStore';
import { UnloadJournal } from './unloadJournal';
import { markRemoteOrigin } from './remoteOrigins';
import { freshDbsFor } from '../testing/freshDbs';
import { MemoryStorage } from '../testing/memoryStorage';

const freshDb = freshDbsFor('unsent');
const relay = {};
markRemoteOrigin(relay);

/** Opens a document, runs `edit` on it, lets it go once stored. */
async function edited(store: DocStore, docId: string, edit: (doc: Y.Doc) => void): Promise<void> {
  const doc = await store.acquire('ws', docId);
  edit(doc);
  await store.flushed('ws', docId);
  await store.release('ws', docId);
}

const madeHere = (doc: Y.Doc) => doc.getText('body').insert(0, 'écrit ici');
const sentByRelay = (doc: Y.Doc) => doc.transact(() => doc.getText('body').insert(0, 'reçu'), relay);

describe('changes made on this device that the relay may not have', () => {
  it('marks a document changed here, not one a relay changed, nor a well-known document', async () => {
    const store = new DocStore(freshDb());
    await edited(store, 'protocol-1', madeHere);
    await edited(store, 'protocol-2', sentByRelay);
    await edited(store, WELL_KNOWN_DOCS.catalogue, madeHere);
    expect((await store.listUnsent('ws')).map((row) => row.docId)).toEqual(['protocol-1']);
    expect(await store.listUnsent('other-ws')).toEqual([]);
  });

  it('clears a mark only if no change was stored after it was read', async () => {
    const store = new DocStore(freshDb());
    await edited(store, 'protocol-1', madeHere);
    const [seen] = await store.listUnsent('ws');
    await edited(store, 'protocol-1', (doc) => doc.getText('body').insert(0, 'encore '));
    await store.clearUnsent(seen!);
    const [kept] = await store.listUnsent('ws');
    expect(kept?.mark).toBeGreaterThan(seen!.mark);
    await store.clearUnsent(kept!);
    expect(await store.listUnsent('ws')).toEqual([]);
  });

  it('counts the sends the relay did not keep, and a new change starts the count again', async () => {
    const store = new DocStore(freshDb());
    await edited(store, 'dossier-1', madeHere);
    await store.countUnsentTry((await store.listUnsent('ws'))[0]!);
    await store.countUnsentTry((await store.listUnsent('ws'))[0]!);
    expect((await store.listUnsent('ws'))[0]?.tries).toBe(2);
    const stale = (await store.listUnsent('ws'))[0]!;
    await edited(store, 'dossier-1', (doc) => doc.getText('body').insert(0, 'après '));
    await store.countUnsentTry(stale);
    expect((await store.listUnsent('ws'))[0]?.tries).toBe(0);
  });

  it('marks what a page that went away had typed, replayed from the unload journal', async () => {
    const storage = new MemoryStorage();
    const lost = new Y.Doc();
    lost.getText('body').insert(0, 'frappé avant de fermer');
    new UnloadJournal(storage).append('ws/protocol-3', Y.encodeStateAsUpdate(lost));
    const store = new DocStore(freshDb(), new UnloadJournal(storage));
    await store.acquire('ws', 'protocol-3');
    expect((await store.listUnsent('ws')).map((row) => row.docId)).toEqual(['protocol-3']);
  });

  it('stores and marks what a page typed before it went away, for a document nothing opens again', async () => {
    const storage = new MemoryStorage();
    const journal = new UnloadJournal(storage);
    for (const docId of ['protocol-4', 'protocol-open-elsewhere']) {
      const lost = new Y.Doc();
      lost.getText('body').insert(0, `frappé dans ${docId}`);
      journal.append(`ws/${docId}`, Y.encodeStateAsUpdate(lost));
    }
    // A copy that keeps no history (`@copy`) is the open workspace's to load.
    journal.append(`ws/${WELL_KNOWN_DOCS.catalogue}@copie-1`, Y.encodeStateAsUpdate(new Y.Doc()));
    const store = new DocStore(freshDb(), new UnloadJournal(storage));
    await store.storeJournaled('ws', new Set(['protocol-open-elsewhere']));
    expect((await store.listUnsent('ws')).map((row) => row.docId)).toEqual(['protocol-4']);
    expect(await store.storedUpdateCount('ws', 'protocol-4')).toBe(1);
    expect(await store.storedUpdateCount('ws', WELL_KNOWN_DOCS.catalogue)).toBe(0);
    expect(new UnloadJournal(storage).docKeys().sort()).toEqual(
      [`ws/${WELL_KNOWN_DOCS.catalogue}@copie-1`, 'ws/protocol-open-elsewhere'].sort(),
    );
  });

  it('forgets the mark with the copy', async () => {
    const store = new DocStore(freshDb());
    await edited(store, 'dossier-2', madeHere);
    await store.forget('ws', 'dossier-2');
    expect(await store.listUnsent('ws')).toEqual([]);
  });
});
