// A short concertation recorded from the coordination file: a validated meeting with one case discussed and who took
// part on its sheet (so the ACI counts it), the decision in the case's timeline and its actions in the open actions.
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import {
  aciCounts,
  createPatientCase,
  isShortConcertation,
  readActions,
  readAgenda,
  readMeeting,
  readRcpFiche,
  readSheet,
  readTimeline,
  shortConcertationPlan,
  type DirectoryMember,
} from '@maillage/shared';
import type { WorkspaceRow } from '../../../store/db';
import { docStore } from '../../../store/docStore';
import { recordShortConcertation } from './recordShortConcertation';

const DENIS = 'member-denis1';
const ELSA = 'member-elsa01';
const row = { id: 'ws-short-concertation', memberId: DENIS, token: 'offline' } as WorkspaceRow;
const members = [
  { memberId: DENIS, name: 'Dr Denis Martin', profession: 'medecin_generaliste' },
  { memberId: ELSA, name: 'Elsa Roux', profession: 'infirmier' },
] as DirectoryMember[];
const annuaire = new Set([DENIS, ELSA]);

afterEach(() => vi.unstubAllGlobals());

describe('recording a short concertation', () => {
  it('writes a validated meeting that counts, and the decision and its actions into the case', async () => {
    vi.stubGlobal('navigator', { onLine: false });
    const caseDoc = new Y.Doc();
    const created = createPatientCase(
      caseDoc,
      {
        patient: { initials: 'MD', birthYear: 1941, sex: 'F', mtStatus: 'declare' },
        team: [ELSA],
        patientInformed: true,
      },
      DENIS,
    );
    if (!created.ok) throw new Error('fixture');
    const plan = shortConcertationPlan(
      {
        date: '2026-12-04',
        start: '18:10',
        minutes: 15,
        participants: [ELSA],
        question: 'Adapter le passage infirmier ?',
        criterion: 'perte_autonomie',
        decision: 'Passage IDE matin et soir.\nRéévaluer dans un mois.',
        actions: [{ text: 'Organiser le passage du soir', owner: ELSA, due: '2026-12-07' }],
      },
      DENIS,
      [DENIS, ELSA],
      { caseId: 'case-short-001', label: 'réf. ABC123', place: 'Concertation courte' },
      '2026-12-05',
    );
    if (!plan.ok) throw new Error(JSON.stringify(plan.errors));
    const done = await recordShortConcertation(row, caseDoc, plan.value, members, annuaire, {
      title: () => 'Concertation courte',
      decisionTitle: 'Décision RCP du 04/12/2026',
    });
    if (!done.ok) throw new Error(JSON.stringify(done.errors));

    const meetingDoc = await docStore.acquire(row.id, done.value.meetingId);
    try {
      expect(isShortConcertation(meetingDoc)).toBe(true);
      const meeting = readMeeting(meetingDoc)!;
      expect(meeting.status).toBe('validee');
      const agenda = readAgenda(meetingDoc);
      expect(agenda).toMatchObject([{ caseId: 'case-short-001', discussed: true }]);
      expect(agenda[0]!.decisionRecordedAt).toBeTruthy();
      const sheet = readSheet(meetingDoc);
      expect(sheet.map((s) => s.profession).sort()).toEqual(['infirmier', 'medecin_generaliste']);
      const counts = aciCounts([{ docId: done.value.meetingId, meeting, agenda, sheet }], 2026);
      expect(counts).toMatchObject({ meetingsHeld: 1, casesDiscussed: 1 });
      expect(counts.perCriterion.perte_autonomie).toBe(1);
    } finally {
      await docStore.release(row.id, done.value.meetingId);
    }
    const entry = readTimeline(caseDoc).find((e) => e.text.startsWith('Décision RCP du 04/12/2026'));
    expect(entry?.text).toContain('Passage IDE matin et soir.');
    expect(readActions(caseDoc)).toMatchObject([
      { text: 'Organiser le passage du soir', owner: ELSA, due: '2026-12-07' },
    ]);
    expect(readRcpFiche(caseDoc, done.value.meetingId).decided).not.toBeNull();
  });
});
