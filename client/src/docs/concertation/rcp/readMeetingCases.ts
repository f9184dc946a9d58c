// What this device can read of the meeting's cases: each fiche from the case's own copy, for the cases whose care
// team this member is on; another team's case is « reserved » and never opened. Read when asked (an export, preparing
// the next meeting), one case at a time, so the meeting screen never holds every case open.
import { readActions, readRcpFiche, type AgendaItem, type CatalogueItem } from '@maillage/shared';
import { docStore } from '../../../store/docStore';
import type { CaseDecision } from '../minutesExport';

export interface MeetingCases {
  decisions: Map<string, CaseDecision>;
  /** Cases whose actions decided at this meeting are not all done. */
  openActions: Set<string>;
  /** Cases whose fiche sets a re-evaluation date: a series' next meeting takes them back by then. */
  reevaluations: Map<string, string>;
}

export async function readMeetingCases(
  workspaceId: string,
  meetingId: string,
  agenda: readonly AgendaItem[],
  cases: readonly CatalogueItem[],
  me: string,
): Promise<MeetingCases> {
  const decisions = new Map<string, CaseDecision>();
  const openActions = new Set<string>();
  const reevaluations = new Map<string, string>();
  for (const { caseId } of agenda) {
    const entry = cases.find((c) => c.docId === caseId);
    if (!(entry?.restrictedTo ?? []).includes(me)) {
      decisions.set(caseId, 'reserved');
      continue;
    }
    if (!(await docStore.hasCopy(workspaceId, caseId))) continue;
    const doc = await docStore.acquire(workspaceId, caseId);
    try {
      const fiche = readRcpFiche(doc, meetingId);
      decisions.set(caseId, fiche);
      if (fiche.reevaluation) reevaluations.set(caseId, fiche.reevaluation);
      const decided = new Set(fiche.decided?.actionIds ?? []);
      if (readActions(doc).some((a) => decided.has(a.id) && !a.done)) openActions.add(caseId);
    } finally {
      await docStore.release(workspaceId, caseId);
    }
  }
  return { decisions, openActions, reevaluations };
}
