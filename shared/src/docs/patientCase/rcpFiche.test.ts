import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createPatientCase } from './layout';
import { readActions } from './actions';
import { readTimeline } from './timeline';
import {
  addRcpAction,
  fragmentPlainText,
  openRcpFiche,
  rcpFragment,
  readRcpFiche,
  readRcpFiches,
  recordRcpDecision,
  removeRcpAction,
  setRcpReevaluation,
  updateRcpAction,
  type RcpMeeting,
} from './rcpFiche';

const DENIS = 'member-denis1';
const ELSA = 'member-elsa01';
const OUTSIDER = 'member-farid1';
const NOW = new Date('2027-01-05T15:00:00Z');
const TITLE = 'Décision RCP du 05/01/2027';

const meeting = (over: Partial<RcpMeeting> = {}): RcpMeeting => ({
  meetingId: 'meeting-0001',
  date: '2027-01-05',
  status: 'tenue',
  question: 'Maintien à domicile ?',
  criterion: 'age_75',
  ...over,
});

function newCase(): Y.Doc {
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
  return doc;
}

function type(doc: Y.Doc, meetingId: string, field: 'discussion' | 'proposition' | 'decision', ...lines: string[]) {
  const fragment = rcpFragment(doc, meetingId, field);
  doc.transact(() => {
    for (const line of lines) {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(line)]);
      fragment.push([paragraph]);
    }
  });
}

describe('fiche RCP in the case', () => {
  it('records the decision in the timeline and its actions in the open actions, in one go', () => {
    const doc = newCase();
    expect(openRcpFiche(doc, meeting()).ok).toBe(true);
    type(doc, 'meeting-0001', 'discussion', 'Chutes répétées.');
    type(doc, 'meeting-0001', 'decision', 'Passage IDE deux fois par jour.', 'Réévaluation à un mois.');
    const action = addRcpAction(doc, meeting(), { text: 'Organiser le passage IDE', owner: ELSA, due: '2027-01-12' });
    expect(action.ok).toBe(true);

    const result = recordRcpDecision(doc, meeting(), DENIS, TITLE, NOW);
    expect(result.ok).toBe(true);
    const [entry] = readTimeline(doc);
    expect(entry).toMatchObject({
      kind: 'decision',
      date: '2027-01-05',
      author: DENIS,
      text: `${TITLE}\nPassage IDE deux fois par jour.\nRéévaluation à un mois.`,
    });
    expect(readActions(doc)).toEqual([
      expect.objectContaining({ text: 'Organiser le passage IDE', owner: ELSA, due: '2027-01-12', done: false }),
    ]);
    const fiche = readRcpFiche(doc, 'meeting-0001');
    expect(fiche).toMatchObject({
      date: '2027-01-05',
      question: 'Maintien à domicile ?',
      discussion: 'Chutes répétées.',
    });
    expect(fiche.decided).toMatchObject({ decidedBy: DENIS, timelineEntryId: entry!.id });
    expect(readRcpFiches(doc).map((f) => f.meetingId)).toEqual(['meeting-0001']);
  });

  it('notes the meeting’s kind and hours, and keeps them when a caller does not know them', () => {
    const doc = newCase();
    openRcpFiche(doc, meeting());
    expect(readRcpFiche(doc, 'meeting-0001').held).toBeNull();
    openRcpFiche(doc, meeting({ type: 'rcp_patient', start: '12:30', end: '14:00' }));
    const held = { type: 'rcp_patient', start: '12:30', end: '14:00' };
    expect(readRcpFiche(doc, 'meeting-0001').held).toEqual(held);
    openRcpFiche(doc, meeting({ question: 'Retour à domicile ?' }));
    expect(readRcpFiche(doc, 'meeting-0001')).toMatchObject({ question: 'Retour à domicile ?', held });
    openRcpFiche(doc, meeting({ type: 'rcp_patient', start: '13:00', end: '14:00' }));
    expect(readRcpFiche(doc, 'meeting-0001').held).toMatchObject({ start: '13:00' });
    expect(openRcpFiche(doc, meeting({ type: 'rcp_patient', start: '25:00', end: '14:00' })).ok).toBe(false);
    expect(readRcpFiche(doc, 'meeting-0001').held).toMatchObject({ start: '13:00' });
    // A kind this version does not know (a later one's) leaves the fiche readable, without its kind.
    doc
      .getMap('rcpFiches')
      .set('meeting-0002', { ...meeting(), type: 'visite_a_domicile', start: '09:00', end: '10:00' });
    expect(readRcpFiche(doc, 'meeting-0002')).toMatchObject({ question: 'Maintien à domicile ?', held: null });
  });

  it('keeps the fiche as reported: text typed afterwards by a device that did not know is not the fiche’s', () => {
    const doc = newCase();
    type(doc, 'meeting-0001', 'discussion', 'Chutes répétées.');
    type(doc, 'meeting-0001', 'decision', 'Passage IDE matin et soir.');
    // The secretary's device, offline, has the fiche as it was before the decision was reported.
    const offline = new Y.Doc();
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(doc));
    expect(recordRcpDecision(doc, meeting(), DENIS, TITLE, NOW).ok).toBe(true);
    type(offline, 'meeting-0001', 'decision', 'Et kiné trois fois par semaine.');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(offline));
    const fiche = readRcpFiche(doc, 'meeting-0001');
    expect(fiche.decision).toBe('Passage IDE matin et soir.');
    expect(fiche.discussion).toBe('Chutes répétées.');
    expect(fiche.unkept).toBe(true);
    // The timeline says what the fiche says.
    expect(readTimeline(doc)[0]?.text).toBe(`${TITLE}\nPassage IDE matin et soir.`);
  });

  it('refuses an action with no owner, and writes nothing', () => {
    const doc = newCase();
    type(doc, 'meeting-0001', 'decision', 'Hospitalisation de jour.');
    const action = addRcpAction(doc, meeting(), { text: 'Appeler le service', owner: null, due: null });
    if (!action.ok) throw new Error('draft');
    const before = Y.encodeStateVector(doc);
    const result = recordRcpDecision(doc, meeting(), DENIS, TITLE, NOW);
    expect(result).toEqual({
      ok: false,
      errors: [{ field: `actions.${action.value.id}.owner`, message: 'errors.rcpActionOwner' }],
    });
    expect(Y.encodeStateVector(doc)).toEqual(before);
    expect(readTimeline(doc)).toEqual([]);
    expect(readActions(doc)).toEqual([]);
    // Named, it goes through.
    expect(updateRcpAction(doc, meeting(), action.value.id, { owner: DENIS }).ok).toBe(true);
    expect(recordRcpDecision(doc, meeting(), DENIS, TITLE, NOW).ok).toBe(true);
  });

  it('refuses an owner off the care team, an empty decision, a meeting to come, twice', () => {
    const doc = newCase();
    expect(addRcpAction(doc, meeting(), { text: 'Voir', owner: OUTSIDER })).toMatchObject({
      ok: false,
      errors: [{ field: 'owner', message: 'errors.ownerNotOnTeam' }],
    });
    expect(recordRcpDecision(doc, meeting(), DENIS, TITLE, NOW)).toMatchObject({
      ok: false,
      errors: [{ message: 'errors.rcpDecisionRequired' }],
    });
    type(doc, 'meeting-0001', 'decision', 'Avis gériatrique.');
    expect(recordRcpDecision(doc, meeting({ date: '2027-01-06' }), DENIS, TITLE, NOW)).toMatchObject({
      ok: false,
      errors: [{ message: 'errors.rcpBeforeMeeting' }],
    });
    expect(recordRcpDecision(doc, meeting(), 'x', TITLE, NOW)).toMatchObject({ ok: false });
    expect(readTimeline(doc)).toEqual([]);
    expect(recordRcpDecision(doc, meeting(), DENIS, TITLE, NOW).ok).toBe(true);
    expect(recordRcpDecision(doc, meeting(), ELSA, TITLE, NOW)).toMatchObject({
      ok: false,
      errors: [{ message: 'errors.rcpAlreadyDecided' }],
    });
    expect(readTimeline(doc)).toHaveLength(1);
  });

  it('refuses every write once the meeting is validated or locked', () => {
    const doc = newCase();
    const draft = addRcpAction(doc, meeting(), { text: 'Voir', owner: ELSA });
    if (!draft.ok) throw new Error('draft');
    type(doc, 'meeting-0001', 'decision', 'Avis gériatrique.');
    for (const status of ['validee', 'verrouillee'] as const) {
      const locked = meeting({ status });
      const before = Y.encodeStateVector(doc);
      const expected = { ok: false, errors: [{ field: 'status', message: 'errors.concertationLocked' }] };
      expect(openRcpFiche(doc, locked)).toEqual(expected);
      expect(addRcpAction(doc, locked, { text: 'Autre', owner: ELSA })).toEqual(expected);
      expect(updateRcpAction(doc, locked, draft.value.id, { owner: DENIS })).toEqual(expected);
      expect(removeRcpAction(doc, locked, draft.value.id)).toEqual(expected);
      expect(recordRcpDecision(doc, locked, DENIS, TITLE, NOW)).toEqual(expected);
      expect(setRcpReevaluation(doc, locked, '2027-04-06')).toEqual(expected);
      expect(Y.encodeStateVector(doc)).toEqual(before);
    }
  });

  it('refuses bad input: a meeting that is not one, an action with no text, another meeting’s action', () => {
    const doc = newCase();
    const before = Y.encodeStateVector(doc);
    expect(openRcpFiche(doc, { meetingId: 'x' })).toMatchObject({ ok: false, errors: [{ field: 'meeting' }] });
    expect(addRcpAction(doc, { ...meeting(), date: '05/01/2027' }, { text: 'Voir' })).toMatchObject({ ok: false });
    expect(addRcpAction(doc, meeting(), { text: '  ' })).toMatchObject({
      ok: false,
      errors: [{ message: 'errors.actionRequired' }],
    });
    expect(addRcpAction(doc, meeting(), { text: 'Voir', due: '2027-02-30' })).toMatchObject({ ok: false });
    expect(addRcpAction(doc, meeting(), { text: 'Voir', owner: 'not an id' })).toMatchObject({ ok: false });
    expect(Y.encodeStateVector(doc)).toEqual(before);
    expect(readRcpFiches(doc)).toEqual([]);
    const draft = addRcpAction(doc, meeting(), { text: 'Voir', owner: ELSA });
    if (!draft.ok) throw new Error('draft');
    expect(removeRcpAction(doc, meeting({ meetingId: 'meeting-0002' }), draft.value.id)).toMatchObject({ ok: false });
    expect(readRcpFiche(doc, 'meeting-0001').actions).toHaveLength(1);
    expect(removeRcpAction(doc, meeting(), draft.value.id).ok).toBe(true);
    expect(readRcpFiche(doc, 'meeting-0001').actions).toEqual([]);
  });

  it('merges two secretaries typing the decision before they synced: both texts are kept', () => {
    const a = newCase();
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    type(a, 'meeting-0001', 'decision', 'Kiné à domicile.');
    type(b, 'meeting-0001', 'decision', 'Portage des repas.');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const text = fragmentPlainText(rcpFragment(a, 'meeting-0001', 'decision'));
    expect(text).toContain('Kiné à domicile.');
    expect(text).toContain('Portage des repas.');
    expect(fragmentPlainText(rcpFragment(b, 'meeting-0001', 'decision'))).toBe(text);
  });

  it('sets a re-evaluation date after the meeting, refusing a bad one and writing nothing', () => {
    const doc = newCase();
    expect(readRcpFiche(doc, 'meeting-0001').reevaluation).toBeNull();
    const before = Y.encodeStateVector(doc);
    expect(setRcpReevaluation(doc, meeting(), '2027-01-05')).toEqual({
      ok: false,
      errors: [{ field: 'reevaluation', message: 'errors.reevaluationAfterMeeting' }],
    });
    expect(setRcpReevaluation(doc, meeting(), '2027-02-30').ok).toBe(false);
    expect(setRcpReevaluation(doc, { meetingId: 'x' }, '2027-04-06').ok).toBe(false);
    expect(Y.encodeStateVector(doc)).toEqual(before);
    expect(setRcpReevaluation(doc, meeting(), '2027-04-06')).toEqual({ ok: true, value: '2027-04-06' });
    expect(readRcpFiche(doc, 'meeting-0001').reevaluation).toBe('2027-04-06');
    expect(setRcpReevaluation(doc, meeting(), null).ok).toBe(true);
    expect(readRcpFiche(doc, 'meeting-0001').reevaluation).toBeNull();
  });
});
