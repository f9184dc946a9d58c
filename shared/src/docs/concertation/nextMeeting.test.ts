import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addAgendaItem, createConcertation, readAgenda, readMeeting, setAgendaItemDiscussed } from './layout';
import { nextMeetingPlan } from './nextMeeting';
import { annuaire, caseItem, DENIS, ELSA, FARID, meetingInput } from './testing';

function heldMeeting() {
  const doc = new Y.Doc();
  createConcertation(doc, meetingInput(), 'member-claire', annuaire);
  for (const id of ['case-aaaa01', 'case-bbbb02', 'case-cccc03'])
    addAgendaItem(doc, caseItem(id, { question: `Question ${id}` }), annuaire);
  const [a, b] = readAgenda(doc);
  setAgendaItemDiscussed(doc, a!.id, true);
  setAgendaItemDiscussed(doc, b!.id, true);
  return doc;
}

describe('preparing the next meeting', () => {
  it('keeps the meeting’s people and brings back undiscussed cases and cases with open actions', () => {
    const doc = heldMeeting();
    const plan = nextMeetingPlan(
      readMeeting(doc)!,
      readAgenda(doc),
      '2027-02-02',
      new Set(['case-bbbb02']),
      'Suivi des actions décidées le 05/01/2027',
    );
    expect(plan.meeting).toMatchObject({ date: '2027-02-02', start: '12:30', secretaire: ELSA, type: 'rcp_patient' });
    expect(plan.meeting.participants).toEqual(expect.arrayContaining([DENIS, FARID, ELSA]));
    expect(plan.agenda.map((i) => [i.caseId, i.question])).toEqual([
      ['case-bbbb02', 'Suivi des actions décidées le 05/01/2027'],
      ['case-cccc03', 'Question case-cccc03'],
    ]);
    // The plan is a valid meeting and a valid agenda: the next meeting takes it as is.
    const next = new Y.Doc();
    expect(createConcertation(next, plan.meeting, 'member-claire', annuaire).ok).toBe(true);
    for (const item of plan.agenda) expect(addAgendaItem(next, item, annuaire).ok).toBe(true);
    expect(readAgenda(next).map((i) => i.caseId)).toEqual(['case-bbbb02', 'case-cccc03']);
  });

  it('brings nothing back when every case was discussed and closed', () => {
    const doc = heldMeeting();
    const [, , c] = readAgenda(doc);
    setAgendaItemDiscussed(doc, c!.id, true);
    expect(nextMeetingPlan(readMeeting(doc)!, readAgenda(doc), '2027-02-02', new Set(), 'Suivi').agenda).toEqual([]);
  });

  it('follows the series: its permanent participants, its settings, and the cases due for re-evaluation', () => {
    const doc = heldMeeting();
    const [a] = readAgenda(doc);
    const series = {
      id: 'series-0001',
      name: 'Premier mardi',
      rule: { freq: 'monthly' as const, weekday: 'TU' as const, rank: 1 as const },
      minutesPerCase: 15,
      maxCases: 6,
      permanent: [DENIS],
      quorum: { minProfessions: 3, minMedecins: 1 },
    };
    const plan = nextMeetingPlan(readMeeting(doc)!, readAgenda(doc), '2027-02-02', new Set(), 'Suivi', {
      series,
      reevaluations: new Map([
        [a!.caseId, '2027-02-01'],
        ['case-bbbb02', '2027-03-01'], // after the next meeting: not yet
      ]),
      reevaluationQuestion: (date) => `Réévaluation prévue le ${date}`,
    });
    expect(plan.series).toBe(series);
    expect(plan.meeting.participants).toEqual([DENIS]);
    expect(plan.agenda.map((i) => [i.caseId, i.question])).toEqual([
      ['case-aaaa01', 'Réévaluation prévue le 2027-02-01'],
      ['case-cccc03', 'Question case-cccc03'],
    ]);
  });
});
