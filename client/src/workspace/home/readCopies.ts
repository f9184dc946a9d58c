// Reading a document's copy on this device for « Pour vous »: my open actions in a case, a sign-off asked of me. Loaded
// only when there is a copy to read, so the layouts it needs stay off the home screen's first load.
import type * as Y from 'yjs';
import {
  currentSignoffs,
  openTasksFor,
  parisToday,
  readActions,
  readProtocolHeader,
  type CaseAction,
} from '@maillage/shared';
import type { ActionForMe } from './needsMe';

/** This member's open actions in a case, soonest due first (undated last). */
export function actionsFor(doc: Y.Doc, docId: string, memberId: string): ActionForMe[] {
  return readActions(doc)
    .filter((a) => a.owner === memberId && !a.done)
    .map((action) => ({ docId, action }));
}

/** Whether a protocol in review still waits for this member's sign-off in the current round. */
export function awaitsSignoff(doc: Y.Doc, memberId: string): boolean {
  return readProtocolHeader(doc).status === 'relecture' && !currentSignoffs(doc).some((s) => s.memberId === memberId);
}

/** This member's crisis tasks not done, as « Pour vous » lists actions (due the day of their due time, if any). */
export function crisisTasksFor(doc: Y.Doc, memberId: string): CaseAction[] {
  return openTasksFor(doc, memberId).map((task) => ({
    id: task.id,
    text: task.text,
    owner: task.assignee,
    due: task.due ? parisToday(new Date(task.due)) : null,
    done: false,
    createdBy: task.createdBy,
    createdAt: task.createdAt,
  }));
}
