import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { addAction, createPatientCase, readActions, updateAction } from '@maillage/shared';
import { catalogueItem, testPatient } from '@maillage/shared/testing';
import { MaillageDb } from '../../store/db';
import { DocStore } from '../../store/docStore';
import { readForYou } from './forYouRows';

const ME = 'member-bruno1';
const OTHER = 'member-alice1';

async function newCase(store: DocStore, docId: string, actions: { text: string; owner: string }[]) {
  const doc = await store.acquire('ws', docId);
  expect(createPatientCase(doc, { patient: testPatient, team: [ME], patientInformed: true }, OTHER).ok).toBe(true);
  for (const a of actions) expect(addAction(doc, { ...a, due: '2027-01-15' }, OTHER).ok).toBe(true);
  await store.flushed('ws', docId);
  await store.release('ws', docId);
}

describe('« Pour vous » from the copies on the device', () => {
  it('reads a copy once, again only after it changed, and forgets it with the copy', async () => {
    const store = new DocStore(new MaillageDb(`for-you-${Math.random()}`));
    await newCase(store, 'case-a', [
      { text: 'Appeler le pharmacien', owner: ME },
      { text: 'Pour Alice', owner: OTHER },
    ]);
    await newCase(store, 'case-b', [{ text: 'Passer à domicile', owner: ME }]);
    const items = ['case-a', 'case-b', 'case-never-here'].map((docId) =>
      catalogueItem(docId, { kind: 'patientCase', status: 'en_cours' }),
    );
    const opened: string[] = [];
    const acquire = store.acquire.bind(store);
    store.acquire = (ws, docId) => {
      opened.push(docId);
      return acquire(ws, docId);
    };

    const first = await readForYou('ws', items, ME, store);
    expect([...first.values()].flatMap((r) => r.actions.map((a) => a.text)).sort()).toEqual([
      'Appeler le pharmacien',
      'Passer à domicile',
    ]);
    expect(opened.sort()).toEqual(['case-a', 'case-b']);

    opened.length = 0;
    await readForYou('ws', items, ME, store);
    expect(opened).toEqual([]);

    // Done on this device: only that copy is read again.
    const doc = await acquire('ws', 'case-b');
    updateAction(doc, readActions(doc)[0]!.id, { done: true });
    await store.flushed('ws', 'case-b');
    await store.release('ws', 'case-b');
    const after = await readForYou('ws', items, ME, store);
    expect(opened).toEqual(['case-b']);
    expect(after.get('case-b')!.actions).toEqual([]);

    // Another member on this device reads their own.
    opened.length = 0;
    expect((await readForYou('ws', items, OTHER, store)).get('case-a')!.actions.map((a) => a.text)).toEqual([
      'Pour Alice',
    ]);
    expect(opened.sort()).toEqual(['case-a', 'case-b']);

    await store.forget('ws', 'case-a');
    expect((await store.listForYou('ws', ['case-a']))[0]).toBeUndefined();
    expect((await readForYou('ws', items, ME, store)).has('case-a')).toBe(false);
  });

  it('asks IndexedDB for a thousand files’ rows a part at a time', async () => {
    const store = new DocStore(new MaillageDb(`for-you-${Math.random()}`));
    await newCase(store, 'case-0', [{ text: 'Appeler le pharmacien', owner: ME }]);
    const items = Array.from({ length: 1000 }, (_, i) => catalogueItem(`case-${i}`, { kind: 'patientCase' }));
    const asked: number[] = [];
    const listForYou = store.listForYou.bind(store);
    store.listForYou = (ws, docIds) => {
      asked.push(docIds.length);
      return listForYou(ws, docIds);
    };
    const found = await readForYou('ws', items, ME, store);
    expect(asked).toEqual([200, 200, 200, 200, 200]);
    expect([...found.values()].flatMap((r) => r.actions.map((a) => a.text))).toEqual(['Appeler le pharmacien']);
  });
});
