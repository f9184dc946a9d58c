import { afterEach, describe, expect, it } from 'vitest';
import { MaillageDb } from './db';
import { DocStore } from './docStore';

const db = new MaillageDb('test-forget');
afterEach(() => db.delete());

describe('DocStore.forget', () => {
  it('deletes a document’s copy and metadata row, and leaves the workspace’s other documents alone', async () => {
    const store = new DocStore(db);
    const kept = await store.acquire('ws', 'protocol-1');
    kept.getText('body').insert(0, 'Protocole plaies');
    const removed = await store.acquire('ws', 'dossier-01');
    removed.getMap('patient').set('initials', 'MD');
    await store.putMeta({
      workspaceId: 'ws',
      docId: 'dossier-01',
      kind: 'patientCase',
      title: 'Dossier',
      status: 'en_cours',
      updatedAt: '2025-03-01T10:00:00.000Z',
      excerpt: '',
    });
    await store.forget('ws', 'dossier-01');
    await store.release('ws', 'dossier-01');
    await store.release('ws', 'protocol-1');
    const reopened = new DocStore(db);
    expect((await reopened.acquire('ws', 'dossier-01')).getMap('patient').size).toBe(0);
    expect(await reopened.storedUpdateCount('ws', 'dossier-01')).toBe(0);
    expect((await reopened.acquire('ws', 'protocol-1')).getText('body').toString()).toBe('Protocole plaies');
    expect((await reopened.listMeta('ws')).map((r) => r.docId)).toEqual([]);
  });

  it('keeps no search text written after the copy was forgotten (a search that read the case just before)', async () => {
    const texts = new MaillageDb('test-forget-texts');
    const store = new DocStore(texts);
    const doc = await store.acquire('ws', 'dossier-02');
    doc.getMap('patient').set('initials', 'MD');
    await store.flushed('ws', 'dossier-02');
    const text = { workspaceId: 'ws', docId: 'dossier-02', title: 'Dossier', theme: '', text: 'MD · Tulle', seq: 1 };
    await store.putText(text);
    expect(await store.listTexts('ws')).toHaveLength(1);
    await store.forget('ws', 'dossier-02');
    await store.release('ws', 'dossier-02');
    expect(await store.listTexts('ws')).toEqual([]);
    await store.putText(text);
    expect(await store.listTexts('ws')).toEqual([]);
    await texts.delete();
  });
});
