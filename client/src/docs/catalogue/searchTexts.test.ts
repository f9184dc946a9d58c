import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { createProtocol, protocolBody } from '@maillage/shared';
import { docStore } from '../../store/docStore';
import { db } from '../../store/db';
import { loadSearchTexts } from './searchTexts';
import { catalogueItem as item } from '@maillage/shared/testing';

async function write(docId: string, text: string): Promise<void> {
  const doc = await docStore.acquire('ws', docId);
  createProtocol(doc, { title: docId });
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(text)]);
  protocolBody(doc).push([p]);
  await docStore.flushed('ws', docId);
  await docStore.release('ws', docId);
}

afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all([db.texts.clear(), db.updates.clear()]);
});

describe('search texts', () => {
  it('reads a document whose text row is missing (its write was lost with the page) and keeps the row', async () => {
    await write('protocol-a', 'Dépistage par HGPO.');
    expect(await docStore.listTexts('ws')).toEqual([]);
    expect((await loadSearchTexts('ws', [item('protocol-a')])).get('protocol-a')).toBe('Dépistage par HGPO.');
    expect((await docStore.listTexts('ws')).map((r) => r.text)).toEqual(['Dépistage par HGPO.']);
  });

  it('trusts a row as recent as its document, and reads again one that is older', async () => {
    await write('protocol-b', 'Première rédaction.');
    await loadSearchTexts('ws', [item('protocol-b')]);
    const acquire = vi.spyOn(docStore, 'acquire');
    await loadSearchTexts('ws', [item('protocol-b')]);
    expect(acquire).not.toHaveBeenCalled();
    await write('protocol-b', 'Ajout.');
    expect((await loadSearchTexts('ws', [item('protocol-b')])).get('protocol-b')).toBe('Première rédaction.\nAjout.');
  });
});
