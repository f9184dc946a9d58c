import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { createProtocol, protocolBody, type CatalogueItem } from '@maillage/shared';
import { docStore } from '../../store/docStore';
import { db } from '../../store/db';
import { loadSearchTexts } from './searchTexts';

const item = (docId: string): CatalogueItem => ({
  docId,
  kind: 'protocol',
  title: docId,
  status: 'brouillon',
  groupId: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  deletedAt: null,
  theme: '',
  professions: [],
  reviewDate: null,
});

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
