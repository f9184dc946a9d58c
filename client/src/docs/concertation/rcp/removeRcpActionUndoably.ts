// Removing a fiche's action, with the way back: the same action drafted again, in its place in the list.
import type * as Y from 'yjs';
import {
  addRcpAction,
  removeRcpAction,
  type FieldError,
  type RcpAction,
  type RcpMeeting,
  type Validated,
} from '@maillage/shared';

type Write = (run: () => Validated<unknown>) => FieldError[] | null;

/**
 * Removes `action` through `write`; returns what adds it back (what, who, by when), or null when refused. `meeting`
 * is read again at the undo: validated meanwhile on another device, the fiche refuses it.
 */
export function removeRcpActionUndoably(
  doc: Y.Doc,
  meeting: () => RcpMeeting,
  action: RcpAction,
  write: Write,
): (() => void) | null {
  if (write(() => removeRcpAction(doc, meeting(), action.id))) return null;
  const { text, owner, due, createdAt } = action;
  // Drafted at its first time again: the list, oldest first, shows it where it was.
  return () => void write(() => addRcpAction(doc, meeting(), { text, owner, due }, new Date(createdAt)));
}
