import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as Y from 'yjs';
import { addAgendaItem, createConcertation, signSheet } from '@maillage/shared';
import { db } from '../../store/db';
import { docStore } from '../../store/docStore';
import { countedOf, forgetMeetingReads, meetingsReadInTab, readMeetingsOnDevice } from './meetingReads';

const WS = 'ws-meeting-reads';
const PEOPLE = ['member-claire', 'member-denis1'];
const annuaire = new Set(PEOPLE);

async function write(docId: string, edit: (doc: Y.Doc) => void) {
  const doc = await docStore.acquire(WS, docId);
  edit(doc);
  await docStore.flushed(WS, docId);
  await docStore.release(WS, docId);
}

const meeting = (doc: Y.Doc, date: string) => {
  createConcertation(
    doc,
    {
      type: 'rcp_patient',
      date,
      start: '12:30',
      end: '14:00',
      modality: 'presentiel',
      place: 'Maison de santé',
      coordonnateur: PEOPLE[0],
      animateur: PEOPLE[0],
      secretaire: PEOPLE[1],
      participants: [PEOPLE[1]],
    },
    PEOPLE[0]!,
    annuaire,
    new Date('2026-01-01T08:00:00.000Z'),
  );
  addAgendaItem(
    doc,
    {
      caseId: 'case-000000000000001',
      label: 'MD · 1941',
      presenter: PEOPLE[1],
      question: 'Maintien à domicile ?',
      criterion: 'age_75',
      minutes: 15,
    },
    annuaire,
  );
  signSheet(doc, { memberId: PEOPLE[1]!, name: 'Denis Vautrin', profession: 'infirmier' });
};

afterEach(() => {
  vi.restoreAllMocks();
  forgetMeetingReads();
});

describe('the year’s meetings read on this device', () => {
  it('are kept as their counts only: after a reload only the copies that changed are opened again', async () => {
    await write('rcp-one-000000000001', (doc) => meeting(doc, '2026-03-05'));
    await write('rcp-two-000000000002', (doc) => meeting(doc, '2026-04-09'));
    const wanted = [
      { docId: 'rcp-one-000000000001', status: 'planifiee' },
      { docId: 'rcp-two-000000000002', status: 'planifiee' },
    ];
    const first = await readMeetingsOnDevice(WS, wanted);
    expect(first.map((r) => r.meeting.date)).toEqual(['2026-03-05', '2026-04-09']);
    expect(first[0]).toEqual({
      docId: 'rcp-one-000000000001',
      meeting: { date: '2026-03-05', status: 'planifiee', type: 'rcp_patient' },
      agenda: [{ caseId: 'case-000000000000001', criterion: 'age_75', discussed: false }],
      sheet: [{ profession: 'infirmier' }],
    });
    // No case label, question or name is kept.
    const row = JSON.stringify((await db.settings.get(`meetingReads:${WS}`))?.value);
    for (const secret of ['MD · 1941', 'Maintien', 'Denis', 'Maison']) expect(row).not.toContain(secret);

    // Opened again in this tab: known at once; not for a status the catalogue changed, nor after a reload.
    expect(meetingsReadInTab(WS, wanted)).toEqual(first);
    expect(meetingsReadInTab(WS, [{ docId: 'rcp-one-000000000001', status: 'validee' }])).toBeNull();

    // A reload: nothing changed, so no copy is opened.
    forgetMeetingReads();
    expect(meetingsReadInTab(WS, wanted)).toBeNull();
    const acquire = vi.spyOn(docStore, 'acquire');
    expect(await readMeetingsOnDevice(WS, wanted)).toEqual(first);
    expect(acquire).not.toHaveBeenCalled();

    // One copy changes: that one only is opened again.
    acquire.mockRestore();
    await write('rcp-two-000000000002', (doc) => doc.getMap('meeting').set('place', 'Pharmacie'));
    forgetMeetingReads();
    const again = vi.spyOn(docStore, 'acquire');
    await readMeetingsOnDevice(WS, wanted);
    expect(again.mock.calls.map((c) => c[1])).toEqual(['rcp-two-000000000002']);

    // The catalogue says another status than the record (a compte rendu validated in this tab): opened again.
    again.mockClear();
    await readMeetingsOnDevice(WS, [wanted[0]!, { docId: 'rcp-two-000000000002', status: 'validee' }]);
    expect(again.mock.calls.map((c) => c[1])).toEqual(['rcp-two-000000000002']);
  });

  it('read nothing from a copy that holds no meeting', async () => {
    await write('other-00000000000003', (doc) => doc.getMap('x').set('y', 1));
    const doc = await docStore.acquire(WS, 'other-00000000000003');
    expect(countedOf('other-00000000000003', doc)).toBeNull();
    await docStore.release(WS, 'other-00000000000003');
  });
});
