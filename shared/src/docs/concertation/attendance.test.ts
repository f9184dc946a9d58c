// Closing the émargement says who has not signed it yet.
import { describe, expect, it } from 'vitest';
import { unsignedParticipants } from './attendance';
import type { Signature } from './schema';
import { CLAIRE, DENIS, ELSA, FARID } from './testing';

const signed = (memberId: string): Signature => ({
  memberId,
  name: memberId,
  profession: '',
  at: '2027-01-05T11:30:00.000Z',
});

describe('unsignedParticipants', () => {
  it('lists the participants who have not signed, in their order; someone who signed uninvited is not one', () => {
    const meeting = { participants: [CLAIRE, DENIS, ELSA, FARID] };
    expect(unsignedParticipants(meeting, [])).toEqual([CLAIRE, DENIS, ELSA, FARID]);
    expect(unsignedParticipants(meeting, [signed(ELSA), signed(CLAIRE), signed('member-other')])).toEqual([
      DENIS,
      FARID,
    ]);
    expect(unsignedParticipants(meeting, [CLAIRE, DENIS, ELSA, FARID].map(signed))).toEqual([]);
  });
});
