// Taking a case off the agenda can be undone: the item comes back whole, where it was, once.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addAgendaItem,
  createConcertation,
  markConsentRecorded,
  markDecisionRecorded,
  readAgenda,
  removeAgendaItem,
  restoreAgendaItem,
  setAgendaItemDiscussed,
} from './layout';
import { moveConcertationStatus } from './workflow';
import { annuaire, caseItem, CLAIRE, ELSA, meetingInput } from './testing';

const messages = (r: { ok: boolean; errors?: { field: string; message: string }[] }) =>
  r.ok ? [] : r.errors!.map((e) => `${e.field}:${e.message}`);

/** A held meeting with three cases; the second discussed, its consent and decision noted. */
function agendaOfThree(): Y.Doc {
  const doc = new Y.Doc();
  if (!createConcertation(doc, meetingInput(), CLAIRE, annuaire).ok) throw new Error('fixture');
  for (const id of ['case-aaaaaaaa', 'case-bbbbbbbb', 'case-cccccccc'])
    addAgendaItem(doc, caseItem(id, { question: `Question ${id} ?` }), annuaire);
  moveConcertationStatus(doc, 'tenue', ELSA);
  const second = readAgenda(doc)[1]!.id;
  setAgendaItemDiscussed(doc, second, true);
  markConsentRecorded(doc, second, new Date('2027-01-05T11:00:00Z'));
  markDecisionRecorded(doc, second, new Date('2027-01-05T13:00:00Z'));
  return doc;
}

describe('restoreAgendaItem', () => {
  it('puts a removed item back whole, at its place', () => {
    const doc = agendaOfThree();
    const before = readAgenda(doc);
    const removed = before[1]!;
    expect(removeAgendaItem(doc, removed.id).ok).toBe(true);
    expect(readAgenda(doc).map((i) => i.caseId)).toEqual(['case-aaaaaaaa', 'case-cccccccc']);
    expect(restoreAgendaItem(doc, removed, 1)).toEqual({ ok: true, value: removed });
    expect(readAgenda(doc)).toEqual(before);
    expect(readAgenda(doc)[1]).toMatchObject({
      question: 'Question case-bbbbbbbb ?',
      discussed: true,
      consentRecordedAt: '2027-01-05T11:00:00.000Z',
      decisionRecordedAt: '2027-01-05T13:00:00.000Z',
    });
  });

  it('puts it back once: not over itself, nor over the same case added again; writes nothing then', () => {
    const doc = agendaOfThree();
    const removed = readAgenda(doc)[0]!;
    removeAgendaItem(doc, removed.id);
    expect(restoreAgendaItem(doc, removed, 0).ok).toBe(true);
    const state = Y.encodeStateVector(doc);
    expect(messages(restoreAgendaItem(doc, removed, 0))).toEqual(['caseId:errors.caseAlreadyOnAgenda']);
    expect(Y.encodeStateVector(doc)).toEqual(state);
    removeAgendaItem(doc, removed.id);
    const again = addAgendaItem(doc, caseItem(removed.caseId), annuaire);
    expect(messages(restoreAgendaItem(doc, removed, 0))).toEqual(['caseId:errors.caseAlreadyOnAgenda']);
    expect(readAgenda(doc).filter((i) => i.caseId === removed.caseId)).toEqual([
      expect.objectContaining({ id: again.ok ? again.value.id : '', discussed: false }),
    ]);
  });

  it('is refused once the minutes are validated', () => {
    const doc = agendaOfThree();
    const removed = readAgenda(doc)[2]!;
    removeAgendaItem(doc, removed.id);
    expect(moveConcertationStatus(doc, 'validee', CLAIRE).ok).toBe(true);
    expect(messages(restoreAgendaItem(doc, removed, 2))).toEqual(['status:errors.concertationLocked']);
    expect(readAgenda(doc)).toHaveLength(2);
  });
});
