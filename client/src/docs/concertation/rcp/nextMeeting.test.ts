// The next meeting of a series, prepared from one that closes: planned with the cases still to see when none is on
// that day yet, else those cases added to the series' meeting already planned there, each once.
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import {
  addAgendaItem,
  createConcertation,
  moveConcertationStatus,
  readAgenda,
  readMeeting,
  readSeries,
  setSeries,
  type Meeting,
  type NewConcertationInput,
} from '@maillage/shared';
import { catalogueItem } from '@maillage/shared/testing';
import type { WorkspaceRow } from '../../../store/db';
import { docStore } from '../../../store/docStore';
import { nextOpenDate, prepareNextMeeting, type NextMeetingLabels } from './nextMeeting';
import { cancelledSeriesDays } from './seriesMeetings';
import { pendingCaseOf } from '../../../store/pendingShares';
import { pendingCaseItem } from '../../patientCase/publishCase';

const CLAIRE = 'member-claire';
const DENIS = 'member-denis1';
const annuaire = new Set([CLAIRE, DENIS]);
const row = { id: 'ws-next-meeting', memberId: CLAIRE, token: 'offline' } as WorkspaceRow;
const labels: NextMeetingLabels = {
  followUp: 'Suivi des actions décidées le 05/01/2027',
  reevaluation: (day) => `Réévaluation prévue le ${day}`,
  title: (m: Meeting) => `Concertation · ${m.date}`,
};

afterEach(() => vi.unstubAllGlobals());

function closingMeeting() {
  const doc = new Y.Doc();
  const input: NewConcertationInput = {
    type: 'rcp_patient',
    date: '2027-01-05',
    start: '12:30',
    end: '14:00',
    modality: 'presentiel',
    place: 'Maison de santé',
    coordonnateur: CLAIRE,
    animateur: CLAIRE,
    participants: [DENIS],
  };
  if (!createConcertation(doc, input, CLAIRE, annuaire).ok) throw new Error('fixture');
  const series = setSeries(doc, {
    name: 'RCP du premier mardi',
    rule: { freq: 'monthly', weekday: 'TU', rank: 1 },
    permanent: [],
  });
  if (!series.ok) throw new Error('series');
  const item = { caseId: 'case-aaaa01', label: 'réf. AAAA01', presenter: DENIS, question: 'Maintien ?', minutes: 15 };
  addAgendaItem(doc, { ...item, criterion: 'age_75' }, annuaire);
  return { doc, series: series.value, meeting: readMeeting(doc)!, agenda: readAgenda(doc) };
}

describe('the next meeting of a series', () => {
  it('is planned with the cases not discussed, then takes them only once on that day', async () => {
    vi.stubGlobal('navigator', { onLine: false });
    const { meeting, agenda, series } = closingMeeting();
    const source = { meetingId: 'meeting-0001', meeting, agenda, series, items: [] };
    const first = await prepareNextMeeting(row, source, '2027-02-02', annuaire, labels);
    if (!first.ok) throw new Error(JSON.stringify(first.errors));
    expect(first.value).toMatchObject({ carried: 1, created: true });
    // Its catalogue entry names the meeting it was prepared from, which then offers to open it instead of planning.
    const pending = await pendingCaseOf(row.id, first.value.docId);
    expect(pendingCaseItem(pending!, CLAIRE)).toMatchObject({ kind: 'concertation', preparedFrom: 'meeting-0001' });
    const next = await docStore.acquire(row.id, first.value.docId);
    try {
      expect(readMeeting(next)?.date).toBe('2027-02-02');
      expect(readSeries(next)?.id).toBe(series.id);
      expect(readAgenda(next).map((i) => i.caseId)).toEqual(['case-aaaa01']);
    } finally {
      await docStore.release(row.id, first.value.docId);
    }

    // Closing again (or « Préparer la prochaine » on that day): the series' meeting planned then takes the cases.
    const listed = catalogueItem(first.value.docId, {
      kind: 'concertation',
      status: 'planifiee',
      meetingDate: '2027-02-02',
    });
    const again = await prepareNextMeeting(row, { ...source, items: [listed] }, '2027-02-02', annuaire, labels);
    expect(again).toEqual({ ok: true, value: { docId: first.value.docId, carried: 0, created: false } });
    const same = await docStore.acquire(row.id, first.value.docId);
    try {
      expect(readAgenda(same)).toHaveLength(1);
    } finally {
      await docStore.release(row.id, first.value.docId);
    }
  });

  it('passes over a day whose meeting was cancelled, rather than plan a new one there', async () => {
    vi.stubGlobal('navigator', { onLine: false });
    const { meeting, agenda, series } = closingMeeting();
    const workspace = { ...row, id: 'ws-next-cancelled' };
    const source = { meetingId: 'meeting-0002', meeting, agenda, series, items: [] };
    const february = await prepareNextMeeting(workspace, source, '2027-02-02', annuaire, labels);
    if (!february.ok) throw new Error(JSON.stringify(february.errors));
    const items = [
      catalogueItem(february.value.docId, { kind: 'concertation', status: 'annulee', meetingDate: '2027-02-02' }),
    ];
    expect(await nextOpenDate(workspace.id, items, series, '2027-01-05')).toBe('2027-02-02');
    const doc = await docStore.acquire(workspace.id, february.value.docId);
    try {
      expect(moveConcertationStatus(doc, 'annulee', CLAIRE).ok).toBe(true);
      await docStore.flushed(workspace.id, february.value.docId);
    } finally {
      await docStore.release(workspace.id, february.value.docId);
    }
    // The first Tuesday of March.
    expect(await nextOpenDate(workspace.id, items, series, '2027-01-05')).toBe('2027-03-02');
    // Chosen by hand, the cancelled day is refused: the meeting there is restored instead.
    const again = await prepareNextMeeting(workspace, { ...source, items }, '2027-02-02', annuaire, labels);
    expect(again).toEqual({ ok: false, errors: [{ field: 'date', message: 'rcp.next.cancelledDay' }] });
    // The series' calendar file leaves the day out, from a meeting before it, not from one after.
    expect(await cancelledSeriesDays(workspace.id, items, series.id, '2027-01-05')).toEqual(['2027-02-02']);
    expect(await cancelledSeriesDays(workspace.id, items, series.id, '2027-02-03')).toEqual([]);
    expect(await cancelledSeriesDays(workspace.id, items, 'another-series', '2027-01-05')).toEqual([]);
  });
});
