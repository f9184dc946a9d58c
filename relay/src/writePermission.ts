// Who may write what in a room: observers only their own acknowledgements, nobody rewrites the main courante.
import { isCrisisActivationRoomDoc, isWellKnownDoc } from '@maillage/shared/sync';
import { isEmptyUpdate } from './protocol';
import type { Rooms } from './rooms';
import type { Room } from './room';
import type { Principal } from './admission';
import { isOwnAcknowledgement } from './observerAck';
import { keepsEntriesAppendOnly } from './crisisAppendOnly';

const isCrisisRoom = (room: Room): boolean => isCrisisActivationRoomDoc(room.ref?.docId ?? '');

/**
 * Members and coordinators write; an observer adds their own acknowledgements of a crisis alert, nothing else, and
 * only in a crisis activation's room. In those rooms nobody rewrites or deletes an entry of the main courante.
 */
export function mayWrite(principal: Principal, room: Room, update: Uint8Array, rooms: Pick<Rooms, 'read'>): boolean {
  const crisis = isCrisisRoom(room);
  if (!principal.canWrite)
    return (
      crisis &&
      principal.role === 'observer' &&
      principal.memberId !== null &&
      isOwnAcknowledgement(update, principal.memberId)
    );
  return (
    !crisis ||
    isEmptyUpdate(update) ||
    keepsEntriesAppendOnly(
      rooms.read(room, (r) => r.integrated()),
      update,
    )
  );
}

/** A meeting is a document of its own: the workspace's well-known documents are never one. */
export const mayHoldMinutes = (room: Room): boolean => !isWellKnownDoc(room.ref?.docId ?? '');
