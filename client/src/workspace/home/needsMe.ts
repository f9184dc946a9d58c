// What waits for this member: which documents' copies on this device to read (their open patient cases, protocols in
// review in their working groups), and in what order their actions come.
import type { CaseAction, CatalogueItem, Group } from '@maillage/shared';

export interface ActionForMe {
  docId: string;
  action: CaseAction;
}

/**
 * The documents whose local copy says something for this member: their open cases, active crises (their tasks), and
 * reviews in their groups.
 */
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
        (i.kind === 'crisisActivation' && i.status === 'active') ||
        (i.kind === 'protocol' && i.status === 'relecture' && i.groupId !== null && mine.has(i.groupId))),
  );
}

export const byDue = (a: ActionForMe, b: ActionForMe): number =>
  (a.action.due ?? '9999').localeCompare(b.action.due ?? '9999');
