// The reminder the day before reaches a meeting's participants only, with its agenda's references, and only while the
// meeting is still to come within 24 hours.
import { describe, expect, it } from 'vitest';
import { addAgendaItem, createConcertation, type CatalogueItem } from '@maillage/shared';
import { docStore } from '../../store/docStore';
import { meetingsForMe } from './meetingsForMe';

const WS = 'ws-meetings-for-me';
const CLAIRE = 'member-claire';
const DENIS = 'member-denis1';
const FARID = 'member-farid1';
const annuaire = new Set([CLAIRE, DENIS, FARID]);

async function meeting(docId: string): Promise<CatalogueItem> {
  const doc = await docStore.acquire(WS, docId);
  try {
    const created = createConcertation(
      doc,
      {
        type: 'rcp_patient',
        date: '2027-01-05',
        start: '12:30',
        end: '14:00',
        modality: 'presentiel',
        place: 'MSP',
        coordonnateur: CLAIRE,
        animateur: CLAIRE,
        participants: [DENIS],
      },
      CLAIRE,
      annuaire,
    );
    if (!created.ok) throw new Error('fixture');
    addAgendaItem(
      doc,
      {
        caseId: 'case-aaaa01',
        label: 'réf. ABC123',
        presenter: DENIS,
        question: 'Suite ?',
        criterion: 'ald',
        minutes: 15,
      },
      annuaire,
    );
    await docStore.flushed(WS, docId);
  } finally {
    await docStore.release(WS, docId);
  }
  return {
    docId,
    kind: 'concertation',
    status: 'planifiee',
    deletedAt: null,
    meetingDate: '2027-01-05',
    meetingStart: '12:30',
  } as CatalogueItem;
}

describe('meetings for me, the day before', () => {
  it('reminds the participants, with the agenda’s references, and nobody else', async () => {
    const item = await meeting('meeting-soon-01');
    const noCopy = { ...item, docId: 'meeting-nocopy1' };
    const eve = new Date('2027-01-04T16:00:00.000Z');
    expect(await meetingsForMe(WS, [item, noCopy], DENIS, eve)).toEqual([
      { docId: 'meeting-soon-01', type: 'rcp_patient', date: '2027-01-05', start: '12:30', cases: ['réf. ABC123'] },
    ]);
    expect(await meetingsForMe(WS, [item], FARID, eve)).toEqual([]);
    // Two days before, and once it started: nothing.
    expect(await meetingsForMe(WS, [item], DENIS, new Date('2027-01-03T16:00:00.000Z'))).toEqual([]);
    expect(await meetingsForMe(WS, [item], DENIS, new Date('2027-01-05T12:00:00.000Z'))).toEqual([]);
  });
});
