// What the exports and « Préparer la prochaine » read of a meeting's cases: the fiches of the cases on this device
// whose team this member is on, never another team's case, and which cases still have decided actions open.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addRcpAction,
  createPatientCase,
  rcpFragment,
  readActions,
  recordRcpDecision,
  setRcpReevaluation,
  updateAction,
  type AgendaItem,
  type CatalogueItem,
  type RcpMeeting,
} from '@maillage/shared';
import { docStore } from '../../../store/docStore';
import { readMeetingCases } from './readMeetingCases';

const WS = 'ws-meeting-cases';
const DENIS = 'member-denis1';
const MEETING = 'meeting-0001';
const ref = (caseId: string): AgendaItem => ({
  id: `item-${caseId}`,
  caseId,
  label: 'Dossier de coordination · réf. ABC123',
  presenter: DENIS,
  question: 'Maintien à domicile ?',
  criterion: 'age_75',
  minutes: 15,
  discussed: true,
});
const meeting: RcpMeeting = {
  meetingId: MEETING,
  date: '2027-01-05',
  status: 'tenue',
  question: 'Maintien à domicile ?',
  criterion: 'age_75',
};
const entry = (docId: string, restrictedTo: string[]) =>
  ({ docId, kind: 'patientCase', restrictedTo }) as CatalogueItem;

async function caseWithDecision(caseId: string): Promise<void> {
  const doc = await docStore.acquire(WS, caseId);
  try {
    createPatientCase(
      doc,
      { patient: { initials: 'MD', birthYear: 1941, sex: 'F', mtStatus: 'declare' }, team: [], patientInformed: true },
      DENIS,
    );
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText('Passage IDE')]);
    rcpFragment(doc, MEETING, 'decision').push([p]);
    addRcpAction(doc, meeting, { text: 'Organiser', owner: DENIS, due: '2027-01-12' });
    setRcpReevaluation(doc, meeting, '2027-04-06');
    const recorded = recordRcpDecision(
      doc,
      meeting,
      DENIS,
      'Décision RCP du 05/01/2027',
      new Date('2027-01-05T15:00Z'),
    );
    if (!recorded.ok) throw new Error('fixture');
    await docStore.flushed(WS, caseId);
  } finally {
    await docStore.release(WS, caseId);
  }
}

describe('reading a meeting’s cases on this device', () => {
  it('reads its teams’ fiches, leaves another team’s case unread, and finds open actions', async () => {
    await caseWithDecision('case-mine-0001');
    const agenda = [ref('case-mine-0001'), ref('case-other-001'), ref('case-nocopy-01')];
    const cases = [
      entry('case-mine-0001', [DENIS]),
      entry('case-other-001', ['member-elsa01']),
      entry('case-nocopy-01', [DENIS]),
    ];
    const first = await readMeetingCases(WS, MEETING, agenda, cases, DENIS);
    const fiche = first.decisions.get('case-mine-0001');
    expect(fiche).toMatchObject({ decision: 'Passage IDE', decided: { decidedBy: DENIS } });
    expect(first.decisions.get('case-other-001')).toBe('reserved');
    expect(first.decisions.has('case-nocopy-01')).toBe(false);
    expect([...first.openActions]).toEqual(['case-mine-0001']);
    expect([...first.reevaluations]).toEqual([['case-mine-0001', '2027-04-06']]);

    // The action done, the case no longer needs following up.
    const doc = await docStore.acquire(WS, 'case-mine-0001');
    updateAction(doc, readActions(doc)[0]!.id, { done: true });
    await docStore.flushed(WS, 'case-mine-0001');
    await docStore.release(WS, 'case-mine-0001');
    expect([...(await readMeetingCases(WS, MEETING, agenda, cases, DENIS)).openActions]).toEqual([]);
  });
});
