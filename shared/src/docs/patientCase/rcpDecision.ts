// Reporting the fiche's decision into the case: its timeline entry and its actions, in one transaction, or nothing.
import type * as Y from 'yjs';
import { memberIdSchema } from '../../sync/ids';
import { parisToday } from '../../domain/parisDays';
import type { FieldError, Validated } from '../validation';
import { actionInputSchema, type CaseAction } from './schema';
import { addAction } from './actions';
import { addTimelineEntry } from './timeline';
import { teamIds } from './team';
import { readRcpFiche } from './readRcpFiche';
import { decisions, openRcpFiche, refuse, writable, type RcpDecisionRecord, type RcpMeeting } from './rcpFicheDoc';

const TIMELINE_MAX = 4000;

/**
 * Records the decision: one timeline entry « <title> » dated the meeting's day with the decision's text, and each
 * action in the case's open actions with its owner and due date. Refused, nothing written: a meeting validated or in
 * the future, no decision text, an action with no owner or an owner off the care team, a decision already recorded.
 */
export function recordRcpDecision(
  doc: Y.Doc,
  meeting: RcpMeeting | unknown,
  by: string,
  /** « Décision RCP du jj/mm/aaaa », in the workspace's language. */
  title: string,
  now = new Date(),
): Validated<{ timelineEntryId: string; actions: CaseAction[] }> {
  const ok = writable(doc, meeting);
  if (!ok.ok) return ok;
  const { meetingId, date } = ok.value;
  if (!memberIdSchema.safeParse(by).success) return refuse('author', 'errors.memberId');
  if (date > parisToday(now)) return refuse('decision', 'errors.rcpBeforeMeeting');
  const fiche = readRcpFiche(doc, meetingId);
  if (!fiche.decision) return refuse('decision', 'errors.rcpDecisionRequired');
  const text = `${title.trim()}\n${fiche.decision}`;
  if (text.length > TIMELINE_MAX) return refuse('decision', 'errors.tooLong');
  const team = teamIds(doc);
  const errors: FieldError[] = [];
  for (const action of fiche.actions) {
    if (!action.owner) errors.push({ field: `actions.${action.id}.owner`, message: 'errors.rcpActionOwner' });
    else if (!team.includes(action.owner))
      errors.push({ field: `actions.${action.id}.owner`, message: 'errors.ownerNotOnTeam' });
    else if (!actionInputSchema.safeParse(action).success)
      errors.push({ field: `actions.${action.id}`, message: 'errors.invalid' });
  }
  if (errors.length > 0) return { ok: false, errors };
  let outcome: { timelineEntryId: string; actions: CaseAction[] } | null = null;
  doc.transact(() => {
    // Checked above: neither write can refuse now, so the three land together.
    const entry = addTimelineEntry(doc, { kind: 'decision', date, text }, by, now);
    if (!entry.ok) return;
    const added: CaseAction[] = [];
    for (const { text: what, owner, due } of fiche.actions) {
      const action = addAction(doc, { text: what, owner, due }, by, now);
      if (action.ok) added.push(action.value);
    }
    const record: RcpDecisionRecord = {
      decidedAt: now.toISOString(),
      decidedBy: by,
      timelineEntryId: entry.value.id,
      actionIds: added.map((a) => a.id),
      texts: { discussion: fiche.discussion, proposition: fiche.proposition, decision: fiche.decision },
    };
    openRcpFiche(doc, ok.value);
    decisions(doc).set(meetingId, record);
    outcome = { timelineEntryId: entry.value.id, actions: added };
  });
  return outcome ? { ok: true, value: outcome } : refuse('decision', 'errors.invalid');
}
