import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addAction, readActions, updateAction } from './actions';
import { isCalendarDate, isSeventyOrMore, parisToday } from '../../domain/parisDays';
import { createPatientCase } from './layout';
import { setTeamMember } from './team';
import { addTimelineEntry, readTimeline } from './timeline';

const NOW = new Date('2025-03-10T23:30:00Z'); // 00:30 on 11 March in Paris (UTC+1)
const newCase = () => {
  const doc = new Y.Doc();
  createPatientCase(
    doc,
    {
      patient: { initials: 'JP', birthYear: 1950, sex: 'M', mtStatus: 'sans_mt' },
      team: ['member-bruno1'],
      patientInformed: true,
    },
    'member-alice1',
    NOW,
  );
  return doc;
};
const sync = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
};

describe('dates', () => {
  it('knows real days, today in Paris, and who is 70 or more', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-02-29')).toBe(false);
    expect(isCalendarDate('11/03/2025')).toBe(false);
    expect(parisToday(NOW)).toBe('2025-03-11');
    expect(isSeventyOrMore(1955, NOW)).toBe(true);
    expect(isSeventyOrMore(1956, NOW)).toBe(false);
  });
});

describe('timeline', () => {
  it('adds notes and decisions, newest first, and refuses an empty or future one', () => {
    const doc = newCase();
    expect(
      addTimelineEntry(doc, { kind: 'note', date: '2025-03-02', text: 'Pansement refait.' }, 'member-bruno1', NOW).ok,
    ).toBe(true);
    expect(
      addTimelineEntry(
        doc,
        { kind: 'decision', date: '2025-03-11', text: 'Passage IDE quotidien.' },
        'member-alice1',
        NOW,
      ).ok,
    ).toBe(true);
    const future = addTimelineEntry(doc, { kind: 'note', date: '2025-03-12', text: 'Trop tôt.' }, 'member-alice1', NOW);
    expect(future.ok ? null : future.errors).toEqual([{ field: 'date', message: 'errors.dateInFuture' }]);
    const empty = addTimelineEntry(doc, { kind: 'note', date: '2025-03-02', text: '   ' }, 'member-alice1', NOW);
    expect(empty.ok ? null : empty.errors[0]!.message).toBe('errors.noteRequired');
    const badDate = addTimelineEntry(doc, { kind: 'note', date: '2025-02-30', text: 'x' }, 'member-alice1', NOW);
    expect(badDate.ok ? null : badDate.errors[0]!.message).toBe('errors.date');
    expect(readTimeline(doc).map((e) => [e.kind, e.text, e.author])).toEqual([
      ['decision', 'Passage IDE quotidien.', 'member-alice1'],
      ['note', 'Pansement refait.', 'member-bruno1'],
    ]);
  });

  it('keeps both notes written at once on two devices', () => {
    const a = newCase();
    const b = new Y.Doc();
    sync(a, b);
    addTimelineEntry(a, { kind: 'note', date: '2025-03-05', text: 'Note A' }, 'member-alice1', NOW);
    addTimelineEntry(b, { kind: 'note', date: '2025-03-05', text: 'Note B' }, 'member-bruno1', NOW);
    sync(a, b);
    expect(
      readTimeline(a)
        .map((e) => e.text)
        .sort(),
    ).toEqual(['Note A', 'Note B']);
    expect(readTimeline(b)).toEqual(readTimeline(a));
  });
});

describe('actions', () => {
  it('assigns actions to the team only, and sorts open ones by due date', () => {
    const doc = newCase();
    const later = addAction(doc, { text: 'Bilan kiné', due: '2025-04-01' }, 'member-alice1', NOW);
    const sooner = addAction(
      doc,
      { text: 'Appeler la pharmacie', owner: 'member-bruno1', due: '2025-03-15' },
      'member-alice1',
      NOW,
    );
    const outsider = addAction(doc, { text: 'Visite', owner: 'member-claire' }, 'member-alice1', NOW);
    expect(outsider.ok ? null : outsider.errors[0]!.message).toBe('errors.ownerNotOnTeam');
    expect(addAction(doc, { text: '' }, 'member-alice1', NOW).ok).toBe(false);
    expect(addAction(doc, { text: 'x', due: '15/03/2025' }, 'member-alice1', NOW).ok).toBe(false);
    if (!later.ok || !sooner.ok) throw new Error('not added');
    expect(readActions(doc).map((a) => a.text)).toEqual(['Appeler la pharmacie', 'Bilan kiné']);
    expect(updateAction(doc, sooner.value.id, { done: true }).ok).toBe(true);
    expect(updateAction(doc, later.value.id, { owner: 'member-claire' }).ok).toBe(false);
    expect(readActions(doc).map((a) => [a.text, a.done])).toEqual([
      ['Bilan kiné', false],
      ['Appeler la pharmacie', true],
    ]);
  });

  it('merges one colleague ticking an action done while another reassigns it', () => {
    const a = newCase();
    setTeamMember(a, 'member-claire', true, 'member-alice1');
    const added = addAction(a, { text: 'Renouveler l’ordonnance', owner: 'member-bruno1' }, 'member-alice1', NOW);
    if (!added.ok) throw new Error('not added');
    const b = new Y.Doc();
    sync(a, b);
    updateAction(a, added.value.id, { done: true });
    updateAction(b, added.value.id, { owner: 'member-claire', due: '2025-03-20' });
    sync(a, b);
    expect(readActions(a)[0]).toMatchObject({ done: true, owner: 'member-claire', due: '2025-03-20' });
    expect(readActions(b)).toEqual(readActions(a));
  });
});
