// A crisis activation's room is known by its name (decision 0035): the relay never reads a document's kind, which is
// inside its content, so the activation's id carries it, as the well-known documents' ids do. The relay then holds
// the main courante append-only in these rooms, and lets observers add their acknowledgements in these rooms only.
import { newDocId } from './ids';

const PREFIX = 'crisis-';

/** A new activation's id: the prefix, then 14 random url-safe characters (84 bits): 21 characters, as any id. */
export const newCrisisActivationId = (): string => PREFIX + newDocId().slice(0, 21 - PREFIX.length);

export const isCrisisActivationRoomDoc = (docId: string): boolean => docId.startsWith(PREFIX) && docId.length === 21;
