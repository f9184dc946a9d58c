// The fiche RCP of one case in one meeting. It lives in the case's own document, read by its care team only, never in
// the meeting's document, which participants outside the team may read (decision 0038). The texts are Tiptap
// fragments written live; the actions are drafts until the decision is recorded, which copies them into the case's
// open actions and writes « Décision RCP du … » into its timeline, in one transaction, or writes nothing.
import * as Y from 'yjs';
import { z } from 'zod/mini';
import { idSchema, memberIdSchema, newDocId } from '../../sync/ids';
import { parisToday } from '../../domain/parisDays';
import { validate, type FieldError, type Validated } from '../validation';
import { ACI_CRITERIA, CONCERTATION_STATUSES } from '../concertation/schema';
import { actionInputSchema, isoDateSchema, type CaseAction } from './schema';
import { addAction } from './actions';
import { addTimelineEntry } from './timeline';
import { teamIds } from './team';

export const RCP_TEXT_FIELDS = ['discussion', 'proposition', 'decision'] as const;
export type RcpTextField = (typeof RCP_TEXT_FIELDS)[number];

/** A top-level fragment per meeting and field: two devices that start typing before they ever synced both keep theirs. */
export const rcpFragmentName = (meetingId: string, field: RcpTextField): string => `rcp:${meetingId}:${field}`;
export const rcpFragment = (doc: Y.Doc, meetingId: string, field: RcpTextField): Y.XmlFragment =>
  doc.getXmlFragment(rcpFragmentName(meetingId, field));

// Plain values keyed by meeting: whoever writes them writes the same meeting's facts, so last-writer-wins is harmless.
const fiches = (doc: Y.Doc) => doc.getMap<unknown>('rcpFiches');
const decisions = (doc: Y.Doc) => doc.getMap<unknown>('rcpDecisions');
/** Meeting id → the re-evaluation date the fiche sets: a series' next meeting takes the case back by then. */
const reevaluations = (doc: Y.Doc) => doc.getMap<unknown>('rcpReevaluations');
// One Y.Map per drafted action, under a fresh id: a colleague naming its owner while another sets its date both win.
const drafts = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>('rcpActions');

/** What the fiche knows of its meeting: the meeting's document is not open here, so the screen passes it in. */
export const rcpMeetingSchema = z.object({
  meetingId: idSchema,
  date: isoDateSchema,
  status: z.enum(CONCERTATION_STATUSES),
  question: z.string().check(z.maxLength(500)),
  criterion: z.enum(ACI_CRITERIA),
});
export type RcpMeeting = z.infer<typeof rcpMeetingSchema>;
const ficheSchema = z.object({ date: isoDateSchema, question: z.string(), criterion: z.enum(ACI_CRITERIA) });

const draftInputSchema = z.object({
  text: actionInputSchema.shape.text,
  owner: z._default(z.nullable(memberIdSchema), null),
  due: z._default(z.nullable(isoDateSchema), null),
});
export type RcpActionInput = z.input<typeof draftInputSchema>;
const storedDraftSchema = z.extend(draftInputSchema, { meetingId: idSchema, createdAt: z.string() });
export interface RcpAction extends z.infer<typeof draftInputSchema> {
  id: string;
  createdAt: string;
}
const draftPatchSchema = z.partial(
  z.object({ text: draftInputSchema.shape.text, owner: z.nullable(memberIdSchema), due: z.nullable(isoDateSchema) }),
);

/** The three texts as they were when the decision was reported: what the fiche and its compte rendu show from then on. */
const frozenTextsSchema = z.object({ discussion: z.string(), proposition: z.string(), decision: z.string() });

const decisionSchema = z.object({
  decidedAt: z.string(),
  decidedBy: memberIdSchema,
  timelineEntryId: z.string(),
  actionIds: z.array(z.string()),
  /** Absent on decisions reported before the texts were kept with them. */
  texts: z.optional(frozenTextsSchema),
});
export type RcpDecisionRecord = z.infer<typeof decisionSchema>;

export interface RcpFiche extends Record<RcpTextField, string> {
  meetingId: string;
  /** The meeting's day, question and criterion, as the fiche was opened (for the per-case compte rendu). */
  date: string | null;
  question: string;
  criterion: RcpMeeting['criterion'] | null;
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

const refuse = (field: string, message: string): { ok: false; errors: FieldError[] } => ({
  ok: false,
  errors: [{ field, message }],
});

/**
 * Whether the fiche may still be written: the meeting is neither validated nor locked, and its decision is not yet in
 * the case's timeline (which is never rewritten).
 */
function writable(doc: Y.Doc, meeting: RcpMeeting | unknown): Validated<RcpMeeting> {
  const parsed = rcpMeetingSchema.safeParse(meeting);
  if (!parsed.success) return refuse('meeting', 'errors.noMeeting');
  if (parsed.data.status !== 'planifiee' && parsed.data.status !== 'tenue')
    return refuse('status', 'errors.concertationLocked');
  if (decisions(doc).has(parsed.data.meetingId)) return refuse('decision', 'errors.rcpAlreadyDecided');
  return { ok: true, value: parsed.data };
}

export const isRcpFicheWritable = (doc: Y.Doc, meeting: RcpMeeting): boolean => writable(doc, meeting).ok;

/** Notes the meeting's facts on the fiche (idempotent), so the case's compte rendu can be printed from the case alone. */
export function openRcpFiche(doc: Y.Doc, meeting: RcpMeeting | unknown): Validated<RcpMeeting> {
  const ok = writable(doc, meeting);
  if (!ok.ok) return ok;
  const { meetingId, date, question, criterion } = ok.value;
  const current = ficheSchema.safeParse(fiches(doc).get(meetingId));
  if (!current.success || current.data.date !== date || current.data.question !== question)
    fiches(doc).set(meetingId, { date, question, criterion });
  return ok;
}

/** Drafts an action (its owner may be named later, but before the decision is recorded); bad input writes nothing. */
export function addRcpAction(
  doc: Y.Doc,
  meeting: RcpMeeting | unknown,
  input: RcpActionInput | unknown,
  now = new Date(),
): Validated<RcpAction> {
  const ok = writable(doc, meeting);
  if (!ok.ok) return ok;
  const result = validate(draftInputSchema, input);
  if (!result.ok) return result;
  if (result.value.owner && !teamIds(doc).includes(result.value.owner)) return refuse('owner', 'errors.ownerNotOnTeam');
  const action: RcpAction = { id: newDocId(), ...result.value, createdAt: now.toISOString() };
  doc.transact(() => {
    openRcpFiche(doc, ok.value);
    const fields = new Y.Map<unknown>();
    for (const [key, value] of Object.entries({ ...action, meetingId: ok.value.meetingId }))
      if (key !== 'id') fields.set(key, value);
    drafts(doc).set(action.id, fields);
  });
  return { ok: true, value: action };
}

export function updateRcpAction(
  doc: Y.Doc,
  meeting: RcpMeeting | unknown,
  id: string,
  patch: z.input<typeof draftPatchSchema> | unknown,
): Validated<z.infer<typeof draftPatchSchema>> {
  const ok = writable(doc, meeting);
  if (!ok.ok) return ok;
  const fields = drafts(doc).get(id);
  if (!(fields instanceof Y.Map) || fields.get('meetingId') !== ok.value.meetingId) return refuse('id', 'errors.row');
  const result = validate(draftPatchSchema, patch);
  if (!result.ok) return result;
  if (result.value.owner && !teamIds(doc).includes(result.value.owner)) return refuse('owner', 'errors.ownerNotOnTeam');
  doc.transact(() => {
    for (const [key, value] of Object.entries(result.value))
      if (value !== undefined && fields.get(key) !== value) fields.set(key, value);
  });
  return result;
}

export function removeRcpAction(doc: Y.Doc, meeting: RcpMeeting | unknown, id: string): Validated<string> {
  const ok = writable(doc, meeting);
  if (!ok.ok) return ok;
  const fields = drafts(doc).get(id);
  if (!(fields instanceof Y.Map) || fields.get('meetingId') !== ok.value.meetingId) return refuse('id', 'errors.row');
  drafts(doc).delete(id);
  return { ok: true, value: id };
}

function readDrafts(doc: Y.Doc, meetingId: string): RcpAction[] {
  const list: RcpAction[] = [];
  drafts(doc).forEach((fields, id) => {
    if (!(fields instanceof Y.Map)) return;
    const parsed = storedDraftSchema.safeParse(fields.toJSON());
    if (parsed.success && parsed.data.meetingId === meetingId) {
      const { meetingId: _meeting, ...action } = parsed.data;
      list.push({ id, ...action });
    }
  });
  return list.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

/** The text a fragment shows, one line per block. */
export function fragmentPlainText(fragment: Y.XmlFragment): string {
  const parts: string[] = [];
  const walk = (node: Y.XmlElement | Y.XmlText | Y.XmlFragment): void => {
    if (node instanceof Y.XmlText) {
      const delta = node.toDelta() as { insert?: unknown }[];
      parts.push(delta.map((d) => (typeof d.insert === 'string' ? d.insert : '')).join(''));
      return;
    }
    for (const child of node.toArray()) if (child instanceof Y.XmlElement || child instanceof Y.XmlText) walk(child);
    if (node instanceof Y.XmlElement) parts.push('\n');
  };
  walk(fragment);
  return parts
    .join('')
    .replace(/\n{2,}/g, '\n')
    .trim();
}

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
    discussion: text('discussion'),
    proposition: text('proposition'),
    decision: text('decision'),
    actions: readDrafts(doc, meetingId),
    decided: decided.success ? decided.data : null,
    reevaluation: reevalOf(doc, meetingId),
    unkept: !!frozen && RCP_TEXT_FIELDS.some((field) => live(field) !== frozen[field]),
  };
}

function reevalOf(doc: Y.Doc, meetingId: string): string | null {
  const value = isoDateSchema.safeParse(reevaluations(doc).get(meetingId));
  return value.success ? value.data : null;
}

/**
 * Sets (or clears, with null) the date the case is to be looked at again; it must fall after the meeting. Refused,
 * nothing written, as every writer of the fiche once the meeting is validated or its decision recorded.
 */
export function setRcpReevaluation(
  doc: Y.Doc,
  meeting: RcpMeeting | unknown,
  date: string | null,
): Validated<string | null> {
  const ok = writable(doc, meeting);
  if (!ok.ok) return ok;
  if (date === null) {
    reevaluations(doc).delete(ok.value.meetingId);
    return { ok: true, value: null };
  }
  const parsed = isoDateSchema.safeParse(date);
  if (!parsed.success) return refuse('reevaluation', 'errors.date');
  if (parsed.data <= ok.value.date) return refuse('reevaluation', 'errors.reevaluationAfterMeeting');
  reevaluations(doc).set(ok.value.meetingId, parsed.data);
  return { ok: true, value: parsed.data };
}

/** Every meeting that opened a fiche on this case, newest first. */
export function readRcpFiches(doc: Y.Doc): RcpFiche[] {
  return [...fiches(doc).keys()]
    .map((meetingId) => readRcpFiche(doc, meetingId))
    .sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
}

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
