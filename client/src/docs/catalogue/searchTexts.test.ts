import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { addAgendaItem, createConcertation, createPatientCase, createProtocol, protocolBody } from '@maillage/shared';
import { docStore } from '../../store/docStore';
import { db } from '../../store/db';
import { loadSearchTexts } from './searchTexts';
import { catalogueItem as item, testPatient } from '@maillage/shared/testing';

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

  it('looks at the named documents alone when asked: a signal of the background sync names those that changed', async () => {
    await write('protocol-c', 'Texte C.');
    await write('protocol-d', 'Texte D.');
    await write('protocol-e', 'Texte E.');
    const items = [item('protocol-c'), item('protocol-d'), item('protocol-e')];
    await loadSearchTexts('ws', items);
    await write('protocol-c', 'Suite C.');
    await write('protocol-d', 'Suite D.');
    const acquire = vi.spyOn(docStore, 'acquire');
    const texts = await loadSearchTexts('ws', items, new Set(['protocol-d', 'protocol-gone']));
    expect([...texts]).toEqual([['protocol-d', 'Texte D.\nSuite D.']]);
    expect(acquire.mock.calls.map((call) => call[1])).toEqual(['protocol-d']);
  });

  it('reads a meeting this device holds: its agenda’s questions, no patient field', async () => {
    const doc = await docStore.acquire('ws', 'meeting-a');
    const annuaire = new Set(['member-denis1']);
    createConcertation(
      doc,
      {
        type: 'rcp_patient',
        date: '2027-01-05',
        start: '12:30',
        end: '14:00',
        modality: 'presentiel',
        place: 'Maison de santé',
        coordonnateur: 'member-denis1',
        animateur: 'member-denis1',
        participants: [],
      },
      'member-denis1',
      annuaire,
    );
    const agendaItem = {
      caseId: 'case-0000001',
      label: 'réf. ABC123',
      presenter: 'member-denis1',
      question: 'Maintien à domicile après la chute ?',
      criterion: 'age_75' as const,
      minutes: 15,
    };
    expect(addAgendaItem(doc, agendaItem, annuaire).ok).toBe(true);
    await docStore.flushed('ws', 'meeting-a');
    await docStore.release('ws', 'meeting-a');
    const text = (await loadSearchTexts('ws', [item('meeting-a', { kind: 'concertation' })])).get('meeting-a');
    expect(text).toContain('Maintien à domicile après la chute ?');
    expect(text).toContain('réf. ABC123');
  });

  it('reads a case this device holds: its patient, for its care team to find it by', async () => {
    const doc = await docStore.acquire('ws', 'case-a');
    createPatientCase(
      doc,
      { patient: { ...testPatient, pathway: 'Diabète' }, team: [], patientInformed: true },
      'member-denis1',
    );
    await docStore.flushed('ws', 'case-a');
    await docStore.release('ws', 'case-a');
    const texts = await loadSearchTexts('ws', [item('case-a', { kind: 'patientCase' })]);
    expect(texts.get('case-a')).toBe('MD · 1948 · Tulle · Diabète');
  });
});
