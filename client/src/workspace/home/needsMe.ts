// What waits for this member, read from the catalogue and from the copies of documents on this device: open actions
// of their patient cases, protocols in review in their working groups that they have not signed off yet.
import type * as Y from 'yjs';
import {
  currentSignoffs,
  readActions,
  readProtocolHeader,
  type CaseAction,
  type CatalogueItem,
  type Group,
} from '@maillage/shared';

export interface ActionForMe {
  docId: string;
  action: CaseAction;
}

/** The documents whose local copy says something for this member: their open cases, and reviews in their groups. */
export function docsToRead(
  items: readonly CatalogueItem[],
  groups: readonly Group[],
  memberId: string,
): CatalogueItem[] {
  const mine = new Set(groups.filter((g) => g.members.includes(memberId) || g.lead === memberId).map((g) => g.groupId));
  return items.filter(
    (i) =>
      !i.deletedAt &&
      ((i.kind === 'patientCase' && i.status !== 'clos') ||
        (i.kind === 'protocol' && i.status === 'relecture' && i.groupId !== null && mine.has(i.groupId))),
  );
}

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

export const byDue = (a: ActionForMe, b: ActionForMe): number =>
  (a.action.due ?? '9999').localeCompare(b.action.due ?? '9999');
