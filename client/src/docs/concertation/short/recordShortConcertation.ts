// Records a short concertation from the coordination file: the meeting through the ordinary planning path (restricted
// room, list first: decision 0033), its one case discussed and everyone who took part on its sheet, the decision and
// its actions into the case as an RCP decision, then the meeting validated by whoever recorded it. Checked before
// anything is written (shortConcertationPlan); a step refused after that is reported, the meeting left « tenue ».
import * as Y from 'yjs';
import {
  addAgendaItem,
  addRcpAction,
  markDecisionRecorded,
  markShortConcertation,
  moveConcertationStatus,
  openRcpFiche,
  rcpFragment,
  readAgenda,
  readCatalogueEntry,
  recordRcpDecision,
  setAgendaItemDiscussed,
  signSheet,
  upsertCatalogueEntry,
  WELL_KNOWN_DOCS,
  type Annuaire,
  type DirectoryMember,
  type Meeting,
  type RcpMeeting,
  type ShortConcertationPlan,
  type Validated,
} from '@maillage/shared';
import type { WorkspaceRow } from '../../../store/db';
import { docStore } from '../../../store/docStore';
import { newConcertation } from '../newConcertation';

/** The decision's text as the fiche's editor holds it: one paragraph per line. */
function writeDecision(caseDoc: Y.Doc, meetingId: string, text: string): void {
  const fragment = rcpFragment(caseDoc, meetingId, 'decision');
  caseDoc.transact(() => {
    for (const line of text.split(/\r?\n/).filter((l) => l.trim() !== '')) {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(line)]);
      fragment.push([paragraph]);
    }
  });
}

/** The catalogue lists it validated and short at once (once published: offline, the meeting screen does it when
 * opened). */
async function listAsValidated(workspaceId: string, meetingId: string): Promise<void> {
  const catalogue = await docStore.acquire(workspaceId, WELL_KNOWN_DOCS.catalogue);
  try {
    if (readCatalogueEntry(catalogue, meetingId))
      upsertCatalogueEntry(catalogue, meetingId, {
        status: 'validee',
        meetingFormat: 'courte',
        updatedAt: new Date().toISOString(),
      });
    await docStore.flushed(workspaceId, WELL_KNOWN_DOCS.catalogue);
  } finally {
    await docStore.release(workspaceId, WELL_KNOWN_DOCS.catalogue);
  }
}

export async function recordShortConcertation(
  workspace: WorkspaceRow,
  caseDoc: Y.Doc,
  plan: ShortConcertationPlan,
  members: readonly DirectoryMember[],
  annuaire: Annuaire,
  labels: { title: (meeting: Meeting) => string; decisionTitle: string },
): Promise<Validated<{ meetingId: string }>> {
  const me = workspace.memberId;
  const created = await newConcertation(workspace, plan.meeting, annuaire, labels.title);
  if (!created.ok) return created;
  const meetingId = created.value.docId;
  const doc = await docStore.acquire(workspace.id, meetingId);
  try {
    markShortConcertation(doc);
    const added = addAgendaItem(doc, plan.item, annuaire);
    if (!added.ok) return added;
    const itemId = readAgenda(doc)[0]!.id;
    setAgendaItemDiscussed(doc, itemId, true);
    // Who took part, as the recorder attests: the ACI counts the professions present from the sheet.
    for (const id of [me, ...plan.meeting.participants]) {
      const member = members.find((m) => m.memberId === id);
      if (member) signSheet(doc, { memberId: id, name: member.name, profession: member.profession });
    }
    const held = moveConcertationStatus(doc, 'tenue', me);
    if (!held.ok) return held;
    const ref: RcpMeeting = {
      meetingId,
      date: plan.meeting.date,
      status: 'tenue',
      question: plan.item.question,
      criterion: plan.item.criterion,
      type: plan.meeting.type,
      start: plan.meeting.start,
      end: plan.meeting.end,
    };
    const opened = openRcpFiche(caseDoc, ref);
    if (!opened.ok) return opened;
    writeDecision(caseDoc, meetingId, plan.decision);
    for (const action of plan.actions) {
      const drafted = addRcpAction(caseDoc, ref, action);
      if (!drafted.ok) return drafted;
    }
    const recorded = recordRcpDecision(caseDoc, ref, me, labels.decisionTitle);
    if (!recorded.ok) return recorded;
    markDecisionRecorded(doc, itemId);
    const validated = moveConcertationStatus(doc, 'validee', me);
    if (!validated.ok) return validated;
    await docStore.flushed(workspace.id, meetingId);
    await listAsValidated(workspace.id, meetingId);
    return { ok: true, value: { meetingId } };
  } finally {
    await docStore.release(workspace.id, meetingId);
  }
}
