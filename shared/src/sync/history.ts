// Which documents keep their deleted content (no Yjs gc): one rule, by doc id, for the browser and the relay alike.
import { isWellKnownDoc, parseRoom } from './rooms';

/**
 * Per-thing documents (protocols, concertations…) keep their deleted content: their versions are Yjs snapshots, which
 * can only be replayed on a document that never garbage-collected. The workspace's well-known documents are mostly
 * overwritten fields (dates, directory entries) and have no versions, so they collect. See docs/decisions/0005, 0020.
 */
export const keepsHistory = (docId: string): boolean => !isWellKnownDoc(docId);

/**
 * The same rule for a room name: a name that is not one of ours keeps everything (the relay collects only what it
 * knows a client collects too, so a gc:false client is never served a collected state).
 */
export const roomKeepsHistory = (room: string): boolean => {
  const ref = parseRoom(room);
  return ref === null || keepsHistory(ref.docId);
};
