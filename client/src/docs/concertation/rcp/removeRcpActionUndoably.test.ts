// Removing a fiche's action and undoing it: the action comes back with what, who and by when, where it was.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addRcpAction,
  createPatientCase,
  readRcpFiche,
  type FieldError,
  type RcpMeeting,
  type Validated,
} from '@maillage/shared';
import { removeRcpActionUndoably } from './removeRcpActionUndoably';

const DENIS = 'member-denis1';
const ELSA = 'member-elsa01';
const meeting: RcpMeeting = {
  meetingId: 'meeting-0001',
  date: '2027-01-05',
  status: 'tenue',
  question: 'Maintien à domicile ?',
  criterion: 'age_75',
};
const write = (run: () => Validated<unknown>): FieldError[] | null => {
  const result = run();
  return result.ok ? null : result.errors;
};

function caseWithTwoActions(): Y.Doc {
  const doc = new Y.Doc();
  const created = createPatientCase(
    doc,
    {
      patient: { initials: 'MD', birthYear: 1941, sex: 'F', mtStatus: 'declare' },
      team: [ELSA],
      patientInformed: true,
    },
    DENIS,
    new Date('2026-12-01T10:00:00Z'),
  );
  if (!created.ok) throw new Error('fixture');
  addRcpAction(doc, meeting, { text: 'Passage IDE', owner: ELSA, due: '2027-01-15' }, new Date('2027-01-05T12:40:00Z'));
  addRcpAction(doc, meeting, { text: 'Appeler le MT', owner: null, due: null }, new Date('2027-01-05T12:50:00Z'));
  return doc;
}

const shown = (doc: Y.Doc) =>
  readRcpFiche(doc, meeting.meetingId).actions.map(({ text, owner, due, createdAt }) => ({
    text,
    owner,
    due,
    createdAt,
  }));

describe('removeRcpActionUndoably', () => {
  it('removes the action, and its undo drafts it again with the same fields, in its place', () => {
    const doc = caseWithTwoActions();
    const before = shown(doc);
    const [first] = readRcpFiche(doc, meeting.meetingId).actions;
    const undo = removeRcpActionUndoably(doc, () => meeting, first!, write);
    expect(shown(doc).map((a) => a.text)).toEqual(['Appeler le MT']);
    expect(undo).toBeTypeOf('function');
    undo!();
    expect(shown(doc)).toEqual(before);
  });

  it('offers no undo when the removal is refused (the meeting is validated)', () => {
    const doc = caseWithTwoActions();
    const [first] = readRcpFiche(doc, meeting.meetingId).actions;
    const validated = { ...meeting, status: 'validee' as const };
    expect(removeRcpActionUndoably(doc, () => validated, first!, write)).toBeNull();
    expect(shown(doc)).toHaveLength(2);
  });

  it('undoes nothing once the meeting was validated meanwhile (on another device)', () => {
    const doc = caseWithTwoActions();
    const [first] = readRcpFiche(doc, meeting.meetingId).actions;
    let now: typeof meeting = meeting;
    const undo = removeRcpActionUndoably(doc, () => now, first!, write);
    now = { ...meeting, status: 'validee' };
    undo!();
    expect(shown(doc).map((a) => a.text)).toEqual(['Appeler le MT']);
  });
});
