import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { listCatalogue, readWorkspaceName, setWorkspaceName, upsertCatalogueEntry } from './layout';

const now = '2026-11-24T10:00:00.000Z';

describe('catalogue layout', () => {
  it('names the workspace and validates the name', () => {
    const doc = new Y.Doc();
    expect(setWorkspaceName(doc, ' ').ok).toBe(false);
    expect(readWorkspaceName(doc)).toBeNull();
    expect(setWorkspaceName(doc, 'CPTS du Val de Loire').ok).toBe(true);
    expect(readWorkspaceName(doc)).toBe('CPTS du Val de Loire');
  });

  it('lists entries and merges concurrent field edits', () => {
    const a = new Y.Doc();
    upsertCatalogueEntry(a, 'doc-0000001', {
      kind: 'protocol',
      title: 'A',
      status: 'brouillon',
      groupId: null,
      createdAt: now,
      updatedAt: now,
      deletedAt: null,
    });
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    upsertCatalogueEntry(a, 'doc-0000001', { title: 'Titre A' });
    upsertCatalogueEntry(b, 'doc-0000001', { status: 'relecture' });
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    expect(listCatalogue(a)).toEqual([
      {
        docId: 'doc-0000001',
        kind: 'protocol',
        title: 'Titre A',
        status: 'relecture',
        groupId: null,
        createdAt: now,
        updatedAt: now,
        deletedAt: null,
        theme: '',
        professions: [],
        reviewDate: null,
      },
    ]);
    expect(listCatalogue(b)).toEqual(listCatalogue(a));
  });

  it('refuses a bad id or field and writes nothing', () => {
    const doc = new Y.Doc();
    expect(upsertCatalogueEntry(doc, '../x', { title: 'x' }).ok).toBe(false);
    expect(upsertCatalogueEntry(doc, 'doc-0000001', { kind: 'recette' as never }).ok).toBe(false);
    expect(listCatalogue(doc)).toEqual([]);
    expect(doc.getMap('entries').size).toBe(0);
  });

  it('lists a concertation with its meeting day and time; a malformed time is refused', () => {
    const doc = new Y.Doc();
    const entry = {
      kind: 'concertation' as const,
      title: 'RCP patient',
      status: 'planifiee',
      groupId: null,
      createdAt: now,
      updatedAt: now,
      deletedAt: null,
    };
    expect(upsertCatalogueEntry(doc, 'doc-0000002', { ...entry, meetingStart: '25:00' }).ok).toBe(false);
    expect(
      upsertCatalogueEntry(doc, 'doc-0000002', { ...entry, meetingDate: '2027-01-05', meetingStart: '12:30' }).ok,
    ).toBe(true);
    expect(listCatalogue(doc)[0]).toMatchObject({
      kind: 'concertation',
      meetingDate: '2027-01-05',
      meetingStart: '12:30',
    });
  });

  it('does not rewrite a list that has not changed', () => {
    const doc = new Y.Doc();
    upsertCatalogueEntry(doc, 'doc-0000001', {
      kind: 'protocol',
      title: 'A',
      status: 'brouillon',
      groupId: null,
      createdAt: now,
      updatedAt: now,
      deletedAt: null,
      professions: ['infirmier'],
    });
    const before = Y.encodeStateVector(doc);
    upsertCatalogueEntry(doc, 'doc-0000001', { professions: ['infirmier'] });
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });
});
