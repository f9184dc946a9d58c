import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addAgendaItem, createConcertation, readAgenda } from './layout';
import {
  isShortConcertation,
  markShortConcertation,
  shortConcertationPlan,
  type ShortConcertationInput,
} from './shortConcertation';
import { annuaire, CLAIRE, DENIS, ELSA, FARID } from './testing';

const TODAY = '2027-01-05';
const target = { caseId: 'case-aaaa01', label: 'réf. ABC123', place: 'Concertation courte' };
const input = (over: Partial<ShortConcertationInput> = {}): ShortConcertationInput => ({
  date: TODAY,
  start: '18:10',
  minutes: 15,
  participants: [ELSA],
  question: 'Adapter le passage infirmier ?',
  criterion: 'perte_autonomie',
  decision: 'Passage IDE matin et soir.',
  actions: [{ text: 'Organiser le passage du soir', owner: ELSA, due: '2027-01-07' }],
  ...over,
});
const messages = (result: ReturnType<typeof shortConcertationPlan>) =>
  result.ok ? [] : result.errors.map((e) => e.message);

describe('a short concertation', () => {
  it('plans a meeting with one case, held by whoever records it, that the layout takes as is', () => {
    const plan = shortConcertationPlan(input(), DENIS, [DENIS, ELSA], target, TODAY);
    if (!plan.ok) throw new Error(JSON.stringify(plan.errors));
    expect(plan.value.meeting).toMatchObject({
      date: TODAY,
      start: '18:10',
      end: '18:25',
      coordonnateur: DENIS,
      animateur: DENIS,
      participants: [ELSA],
    });
    expect(plan.value.item).toMatchObject({ caseId: 'case-aaaa01', presenter: DENIS, minutes: 15 });
    const doc = new Y.Doc();
    expect(createConcertation(doc, plan.value.meeting, DENIS, annuaire).ok).toBe(true);
    expect(addAgendaItem(doc, plan.value.item, annuaire).ok).toBe(true);
    markShortConcertation(doc);
    expect(isShortConcertation(doc)).toBe(true);
    expect(readAgenda(doc)).toHaveLength(1);
  });

  it('refuses in French: nobody else, someone off the care team, an ownerless action, a day to come', () => {
    const team = [DENIS, ELSA];
    expect(messages(shortConcertationPlan(input({ participants: [] }), DENIS, team, target, TODAY))).toEqual([
      'errors.shortParticipants',
    ]);
    expect(messages(shortConcertationPlan(input({ participants: [FARID] }), DENIS, team, target, TODAY))).toEqual([
      'errors.shortNotOnTeam',
    ]);
    expect(
      messages(shortConcertationPlan(input({ actions: [{ text: 'Voir', owner: '' }] }), DENIS, team, target, TODAY)),
    ).toContain('errors.rcpActionOwner');
    expect(
      messages(
        shortConcertationPlan(input({ actions: [{ text: 'Voir', owner: CLAIRE }] }), DENIS, team, target, TODAY),
      ),
    ).toEqual(['errors.ownerNotOnTeam']);
    expect(messages(shortConcertationPlan(input({ date: '2027-01-06' }), DENIS, team, target, TODAY))).toEqual([
      'errors.rcpBeforeMeeting',
    ]);
    expect(messages(shortConcertationPlan(input({ decision: ' ' }), DENIS, team, target, TODAY))).toEqual([
      'errors.rcpDecisionRequired',
    ]);
    expect(messages(shortConcertationPlan(input({ start: '23:50' }), DENIS, team, target, TODAY))).toEqual([
      'errors.endBeforeStart',
    ]);
  });
});
