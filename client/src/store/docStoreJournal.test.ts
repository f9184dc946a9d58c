import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DocStore } from './docStore';
import { UnloadJournal } from './unloadJournal';
import { markRemoteOrigin } from './remoteOrigins';
import { freshDbsFor } from '../testing/freshDbs';
import { MemoryStorage } from '../testing/memoryStorage';

const freshDb = freshDbsFor('journal');

describe('DocStore unload journal', () => {
  it('replays what a page that went away had typed but not stored, then forgets it', async () => {
    const db = freshDb();
    const storage = new MemoryStorage();
    // The page that went away: its update reached the journal, never IndexedDB.
    const lost = new Y.Doc();
    lost.getText('body').insert(0, 'frappé juste avant de recharger');
    new UnloadJournal(storage).append('ws/doc-1', Y.encodeStateAsUpdate(lost));
    expect(storage.length).toBe(1);

    const doc = await new DocStore(db, new UnloadJournal(storage)).acquire('ws', 'doc-1');
    expect(doc.getText('body').toString()).toBe('frappé juste avant de recharger');
    expect(storage.length).toBe(0);
    expect(
      await new DocStore(db, new UnloadJournal(new MemoryStorage()))
        .acquire('ws', 'doc-1')
        .then((d) => d.getText('body').toString()),
    ).toBe('frappé juste avant de recharger');
  });

  it('keeps the journal empty once IndexedDB has the updates', async () => {
    const storage = new MemoryStorage();
    const store = new DocStore(freshDb(), new UnloadJournal(storage));
    const doc = await store.acquire('ws', 'doc-2');
    doc.getText('body').insert(0, 'a');
    expect(storage.length).toBe(1);
    await store.flushed('ws', 'doc-2');
    expect(storage.length).toBe(0);
  });

  it('journals this device’s edits, not what a relay sent, and stores both', async () => {
    const storage = new MemoryStorage();
    const db = freshDb();
    const store = new DocStore(db, new UnloadJournal(storage));
    const doc = await store.acquire('ws', 'doc-3');
    const relay = {};
    markRemoteOrigin(relay);
    const colleague = new Y.Doc();
    colleague.getText('body').insert(0, 'reçu du relais');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(colleague), relay);
    expect(storage.length).toBe(0);
    doc.getText('body').insert(0, 'tapé ici · ');
    expect(storage.length).toBe(1);
    await store.flushed('ws', 'doc-3');
    await store.release('ws', 'doc-3');
    const reopened = await new DocStore(db, new UnloadJournal(new MemoryStorage())).acquire('ws', 'doc-3');
    expect(reopened.getText('body').toString()).toBe('tapé ici · reçu du relais');
  });
});
