// The fiche RCP as plain values: its meeting's facts, its three texts (as reported once the decision is), its drafted
// actions, its decision and its re-evaluation date.
import type * as Y from 'yjs';
import { fragmentPlainText } from './fragmentPlainText';
import { readRcpActions } from './rcpActions';
import { readRcpReevaluation } from './rcpReevaluation';
import {
  decisionSchema,
  decisions,
  ficheSchema,
  fiches,
  RCP_TEXT_FIELDS,
  rcpFragment,
  type RcpAction,
  type RcpDecisionRecord,
  type RcpMeeting,
  type RcpTextField,
  type StoredFiche,
} from './rcpFicheDoc';

export interface RcpFiche extends Record<RcpTextField, string> {
  meetingId: string;
  /** The meeting's day, question and criterion, as the fiche was opened (for the per-case compte rendu). */
  date: string | null;
  question: string;
  criterion: RcpMeeting['criterion'] | null;
  /** The meeting's kind and hours, when the fiche noted them (fiches opened before they were kept have none). */
  held: { type: NonNullable<RcpMeeting['type']>; start: string; end: string } | null;
  actions: RcpAction[];
  decided: RcpDecisionRecord | null;
  /** When the case is to be looked at again (a Paris calendar day), or null. */
  reevaluation: string | null;
  /**
   * Text typed into the fiche after its decision was reported (by a device that did not know yet, offline): kept in
   * the case's history, never shown as the fiche's, and the device that typed it is told.
   */
  unkept: boolean;
}

const heldOf = ({ type, start, end }: StoredFiche): RcpFiche['held'] =>
  type && start && end ? { type, start, end } : null;

export function readRcpFiche(doc: Y.Doc, meetingId: string): RcpFiche {
  const fiche = ficheSchema.safeParse(fiches(doc).get(meetingId));
  const decided = decisionSchema.safeParse(decisions(doc).get(meetingId));
  const live = (field: RcpTextField) => fragmentPlainText(rcpFragment(doc, meetingId, field));
  // Once reported, the fiche is what was reported: the case's timeline and its compte rendu say the same.
  const frozen = decided.success ? decided.data.texts : undefined;
  const text = (field: RcpTextField) => (frozen ? frozen[field] : live(field));
  return {
    meetingId,
    date: fiche.success ? fiche.data.date : null,
    question: fiche.success ? fiche.data.question : '',
    criterion: fiche.success ? fiche.data.criterion : null,
    held: fiche.success ? heldOf(fiche.data) : null,
    discussion: text('discussion'),
    proposition: text('proposition'),
    decision: text('decision'),
    actions: readRcpActions(doc, meetingId),
    decided: decided.success ? decided.data : null,
    reevaluation: readRcpReevaluation(doc, meetingId),
    unkept: !!frozen && RCP_TEXT_FIELDS.some((field) => live(field) !== frozen[field]),
  };
}

/** Every meeting that opened a fiche on this case, newest first. */
export function readRcpFiches(doc: Y.Doc): RcpFiche[] {
  return [...fiches(doc).keys()]
    .map((meetingId) => readRcpFiche(doc, meetingId))
    .sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
}
