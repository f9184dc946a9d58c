// A copy of a well-known document replaced by its next epoch on this device: the new state and epoch stored in place
// of the old rows, edits of the old doc forwarded, and no row of a closed epoch ever joined to a newer one.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { freshDbsFor } from '../testing/freshDbs';
import { DocStore } from './docStore';
import { UnloadJournal } from './unloadJournal';

const freshDb = freshDbsFor('epochs');

/** The next epoch as the relay would serve it: the same values, written by another client. */
function nextEpochOf(old: Y.Doc): Y.Doc {
  const fresh = new Y.Doc({ gc: true });
  for (const [key, value] of old.getMap('members').entries()) fresh.getMap('members').set(key, value);
  return fresh;
}

const members = (doc: Y.Doc) => doc.getMap('members').toJSON();

describe('DocStore epochs', () => {
  it('replaces a copy by its next epoch, forwards later edits of the old doc, and reopens on the new one', async () => {
    const db = freshDb();
    const store = new DocStore(db, new UnloadJournal(null));
    const old = await store.acquire('ws', 'directory');
    old.getMap('members').set('m1', { name: 'Alice' });
    old.getMap('members').set('m1', { name: 'Alice Martin' });
    await store.flushed('ws', 'directory');
    expect(await store.epochOf('ws', 'directory')).toBe(0);

    const next = await store.replaceEpoch('ws', 'directory', 1, (copy) => {
      const fresh = nextEpochOf(copy);
      fresh.getMap('members').set('m2', { name: 'Bruno' });
      return fresh;
    });
    // A screen still holding the old doc writes to it: the edit reaches the new one, and is stored with it.
    old.getMap('members').set('m3', { name: 'Chloé' });
    expect(members(next)).toEqual({ m1: { name: 'Alice Martin' }, m2: { name: 'Bruno' }, m3: { name: 'Chloé' } });
    await store.flushed('ws', 'directory');
    expect(await store.acquire('ws', 'directory')).toBe(next);
    expect(await store.epochOf('ws', 'directory')).toBe(1);

    const reopened = new DocStore(db, new UnloadJournal(null));
    const copy = await reopened.acquire('ws', 'directory');
    expect(members(copy)).toEqual(members(next));
    expect(await reopened.epochOf('ws', 'directory')).toBe(1);
    // None of the closed epoch's items came back: only the new doc's writers.
    const writers = [...Y.decodeStateVector(Y.encodeStateVector(copy)).keys()];
    expect(writers).not.toContain(old.clientID);
  });

  it('never stores a closed epoch’s rows beside a newer one, from another tab still on it', async () => {
    const db = freshDb();
    const tabA = new DocStore(db, new UnloadJournal(null));
    const tabB = new DocStore(db, new UnloadJournal(null));
    const a = await tabA.acquire('ws', 'directory');
    a.getMap('members').set('m1', { name: 'Alice' });
    await tabA.flushed('ws', 'directory');
    const b = await tabB.acquire('ws', 'directory');
    expect(members(b)).toEqual({ m1: { name: 'Alice' } });

    await tabA.replaceEpoch('ws', 'directory', 1, nextEpochOf);
    // Tab B has not heard of the new epoch yet: its edit stays in its doc (it migrates it itself), not in the store.
    b.getMap('members').set('m2', { name: 'Bruno' });
    await tabB.flushed('ws', 'directory');

    const copy = await new DocStore(db, new UnloadJournal(null)).acquire('ws', 'directory');
    expect(members(copy)).toEqual({ m1: { name: 'Alice' } });
    expect(copy.getMap('members').get('m1')).toEqual({ name: 'Alice' });
    expect([...Y.decodeStateVector(Y.encodeStateVector(copy)).keys()]).not.toContain(b.clientID);
  });

  it('adopts the epoch a copy that held nothing was served in, keeping what it wrote since', async () => {
    const db = freshDb();
    const store = new DocStore(db, new UnloadJournal(null));
    const doc = await store.acquire('ws', 'catalogue');
    doc.getMap('workspace').set('name', 'CPTS du Val de Loire');
    await store.adoptEpoch('ws', 'catalogue', 4);
    doc.getMap('workspace').set('territory', ['Tours']);
    await store.flushed('ws', 'catalogue');
    const reopened = new DocStore(db, new UnloadJournal(null));
    expect((await reopened.acquire('ws', 'catalogue')).getMap('workspace').toJSON()).toEqual({
      name: 'CPTS du Val de Loire',
      territory: ['Tours'],
    });
    expect(await reopened.epochOf('ws', 'catalogue')).toBe(4);
  });

  it('never replays a replaced copy’s unload journal into the new one', async () => {
    const db = freshDb();
    const storage = new Map<string, string>();
    const local = {
      get length() {
        return storage.size;
      },
      key: (i: number) => [...storage.keys()][i] ?? null,
      getItem: (k: string) => storage.get(k) ?? null,
      setItem: (k: string, v: string) => void storage.set(k, v),
      removeItem: (k: string) => void storage.delete(k),
      clear: () => storage.clear(),
    } as Storage;
    const store = new DocStore(db, new UnloadJournal(local));
    const old = await store.acquire('ws', 'directory');
    old.getMap('members').set('m1', { name: 'Alice' });
    await store.flushed('ws', 'directory');
    await store.replaceEpoch('ws', 'directory', 1, nextEpochOf);
    // A page of the old copy that went away with an update journaled: it must not join the new copy's items.
    const stale = new Y.Doc();
    stale.getMap('members').set('m9', { name: 'Ancien' });
    new UnloadJournal(local).append('ws/directory', Y.encodeStateAsUpdate(stale));
    const copy = await new DocStore(db, new UnloadJournal(local)).acquire('ws', 'directory');
    expect(members(copy)).toEqual({ m1: { name: 'Alice' } });
  });
});
