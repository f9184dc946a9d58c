import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { listCatalogue, upsertCatalogueEntry } from './layout';
import { listedFor } from './schema';

const at = '2025-03-01T10:00:00.000Z';

describe('restricted catalogue entries', () => {
  it('lists a patient case for its care team only, an open document for everyone', () => {
    const doc = new Y.Doc();
    upsertCatalogueEntry(doc, 'protocol-0001', {
      kind: 'protocol',
      title: 'Plaies',
      status: 'brouillon',
      groupId: null,
      createdAt: at,
      updatedAt: at,
      deletedAt: null,
    });
    const written = upsertCatalogueEntry(doc, 'dossier-0001', {
      kind: 'patientCase',
      title: 'Dossier de coordination',
      status: 'en_cours',
      groupId: null,
      createdAt: at,
      updatedAt: at,
      deletedAt: null,
      restrictedTo: ['member-alice1', 'member-bruno1'],
    });
    expect(written.ok).toBe(true);
    const forClaire = listCatalogue(doc).filter((i) => listedFor(i, 'member-claire'));
    const forBruno = listCatalogue(doc).filter((i) => listedFor(i, 'member-bruno1'));
    expect(forClaire.map((i) => i.docId)).toEqual(['protocol-0001']);
    expect(forBruno.map((i) => i.docId).sort()).toEqual(['dossier-0001', 'protocol-0001']);
  });

  it('refuses a malformed team list and keeps the entry as it was', () => {
    const doc = new Y.Doc();
    upsertCatalogueEntry(doc, 'dossier-0001', {
      kind: 'patientCase',
      title: 'Dossier',
      status: 'en_cours',
      groupId: null,
      createdAt: at,
      updatedAt: at,
      deletedAt: null,
      restrictedTo: ['member-alice1'],
    });
    expect(upsertCatalogueEntry(doc, 'dossier-0001', { restrictedTo: ['x'] }).ok).toBe(false);
    expect(listCatalogue(doc)[0]!.restrictedTo).toEqual(['member-alice1']);
  });
});
