// A concertation as a restricted room: its participants are its list (decision 0033).
import {
  isConcertation,
  meetingAcl,
  meetingCreatedBy,
  observeConcertation,
  participantIds,
  writeParticipant,
} from '@maillage/shared';
import type { RestrictedRoom } from '../patientCase/restrictedRoom';

export const meetingRoom: RestrictedRoom = {
  isKind: isConcertation,
  createdBy: (doc) => (isConcertation(doc) ? meetingCreatedBy(doc) : null),
  // Its planner is the room's owner, whom the relay always admits, even when not among the participants.
  includes: (doc, memberId) => participantIds(doc).includes(memberId) || meetingCreatedBy(doc) === memberId,
  wanted: meetingAcl,
  join: writeParticipant,
  observe: observeConcertation,
};
