import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createConcertation, addParticipant } from './layout';
import { meetingAcl, meetingCreatedBy, participantIds, removeParticipant, writeParticipant } from './participants';
import { moveConcertationStatus } from './workflow';
import { annuaire, CLAIRE, DENIS, ELSA, FARID, meetingInput } from './testing';

const planned = (creator = CLAIRE) => {
  const doc = new Y.Doc();
  expect(createConcertation(doc, meetingInput({ participants: [DENIS] }), creator, annuaire).ok).toBe(true);
  return doc;
};

describe('a meeting’s participants as its room’s list', () => {
  it('are the bureau and the invited, with the planner as owner', () => {
    const doc = planned(FARID);
    expect(meetingCreatedBy(doc)).toBe(FARID);
    expect(participantIds(doc)).toEqual([CLAIRE, DENIS, ELSA].sort());
    expect(meetingAcl(doc, FARID)).toEqual([CLAIRE, DENIS, ELSA, FARID].sort());
  });

  it('follow invitations and removals; the bureau and the planner stay', () => {
    const doc = planned();
    expect(addParticipant(doc, FARID, annuaire).ok).toBe(true);
    expect(removeParticipant(doc, DENIS).ok).toBe(true);
    expect(meetingAcl(doc, CLAIRE)).toEqual([CLAIRE, ELSA, FARID].sort());
    for (const bureau of [CLAIRE, ELSA]) {
      expect(removeParticipant(doc, bureau)).toEqual({
        ok: false,
        errors: [{ field: 'participant', message: 'errors.bureauStays' }],
      });
    }
    expect(participantIds(doc)).toEqual([CLAIRE, ELSA, FARID].sort());
  });

  it('no longer change once the minutes are validated', () => {
    const doc = planned();
    expect(moveConcertationStatus(doc, 'tenue', CLAIRE).ok).toBe(true);
    expect(moveConcertationStatus(doc, 'validee', CLAIRE).ok).toBe(true);
    expect(removeParticipant(doc, DENIS).ok).toBe(false);
    expect(participantIds(doc)).toContain(DENIS);
  });

  it('a coordinator joining on purpose is written in, even into an empty copy; garbage is not', () => {
    const doc = new Y.Doc();
    writeParticipant(doc, 'member-coord1');
    writeParticipant(doc, '../etc');
    expect(participantIds(doc)).toEqual(['member-coord1']);
  });
});
