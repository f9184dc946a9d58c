import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addAgendaItem, createConcertation, readAgenda } from './layout';
import { moveConcertationStatus } from './workflow';
import { caseTimer, neighbourCase, readSessionCurrent, setSessionCase } from './session';
import { annuaire, caseItem, CLAIRE, DENIS, ELSA, meetingInput } from './testing';

const NOW = new Date('2027-01-05T11:40:00Z');

function meetingWithCases(): Y.Doc {
  const doc = new Y.Doc();
  createConcertation(doc, meetingInput(), CLAIRE, annuaire);
  for (const id of ['case-aaaa01', 'case-bbbb02']) addAgendaItem(doc, caseItem(id), annuaire);
  return doc;
}

describe('en séance', () => {
  it('puts a case on everyone’s screen, with the time it started', () => {
    const doc = meetingWithCases();
    const [a, b] = readAgenda(doc);
    expect(setSessionCase(doc, a!.id, ELSA, NOW).ok).toBe(true);
    expect(readSessionCurrent(doc)).toEqual({ itemId: a!.id, since: NOW.toISOString(), by: ELSA });
    // A second device, synced, shows the same case.
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    expect(readSessionCurrent(other)?.itemId).toBe(a!.id);
    expect(neighbourCase(readAgenda(doc), a!.id, 1)).toBe(b!.id);
    expect(neighbourCase(readAgenda(doc), b!.id, 1)).toBeNull();
    expect(neighbourCase(readAgenda(doc), b!.id, -1)).toBe(a!.id);
    expect(neighbourCase(readAgenda(doc), null, 1)).toBe(a!.id);
    expect(setSessionCase(doc, null, CLAIRE).ok).toBe(true);
    expect(readSessionCurrent(doc)).toBeNull();
  });

  it('ends on one choice when two people switch at once', () => {
    const doc = meetingWithCases();
    const [a, b] = readAgenda(doc);
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    setSessionCase(doc, a!.id, CLAIRE, NOW);
    setSessionCase(other, b!.id, ELSA, new Date(NOW.getTime() + 1000));
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    expect(readSessionCurrent(doc)).toEqual(readSessionCurrent(other));
    expect([a!.id, b!.id]).toContain(readSessionCurrent(doc)?.itemId);
  });

  it('refuses someone who does not run the meeting, a case not on the agenda, a validated meeting', () => {
    const doc = meetingWithCases();
    const [a] = readAgenda(doc);
    const before = Y.encodeStateVector(doc);
    expect(setSessionCase(doc, a!.id, DENIS, NOW)).toEqual({
      ok: false,
      errors: [{ field: 'status', message: 'errors.bureauOnly' }],
    });
    expect(setSessionCase(doc, 'nope', ELSA, NOW).ok).toBe(false);
    expect(Y.encodeStateVector(doc)).toEqual(before);
    moveConcertationStatus(doc, 'tenue', CLAIRE);
    moveConcertationStatus(doc, 'validee', CLAIRE);
    const locked = Y.encodeStateVector(doc);
    expect(setSessionCase(doc, a!.id, CLAIRE, NOW).ok).toBe(false);
    expect(Y.encodeStateVector(doc)).toEqual(locked);
  });

  it('times the case against its planned minutes', () => {
    const current = { itemId: 'x', since: NOW.toISOString(), by: ELSA };
    expect(caseTimer(current, { minutes: 15 }, new Date(NOW.getTime() + 14 * 60_000))).toEqual({
      elapsedSeconds: 840,
      plannedSeconds: 900,
      over: false,
    });
    expect(caseTimer(current, { minutes: 15 }, new Date(NOW.getTime() + 16 * 60_000)).over).toBe(true);
  });
});
