// Where the fiche RCP lives in the case's document, and what may be written to it: one map per kind of fact, keyed by
// meeting, the schemas of what they hold, and the rule that closes every writer once the meeting is validated or its
// decision recorded.
import type * as Y from 'yjs';
import { z } from 'zod/mini';
import { idSchema, memberIdSchema } from '../../sync/ids';
import type { FieldError, Validated } from '../validation';
import { ACI_CRITERIA, CONCERTATION_STATUSES, CONCERTATION_TYPES, timeSchema } from '../concertation/schema';
import { actionInputSchema, isoDateSchema } from './schema';

export const RCP_TEXT_FIELDS = ['discussion', 'proposition', 'decision'] as const;
export type RcpTextField = (typeof RCP_TEXT_FIELDS)[number];

/** A top-level fragment per meeting and field: two devices that start typing before they ever synced both keep theirs. */
export const rcpFragmentName = (meetingId: string, field: RcpTextField): string => `rcp:${meetingId}:${field}`;
export const rcpFragment = (doc: Y.Doc, meetingId: string, field: RcpTextField): Y.XmlFragment =>
  doc.getXmlFragment(rcpFragmentName(meetingId, field));

// Plain values keyed by meeting: whoever writes them writes the same meeting's facts, so last-writer-wins is harmless.
export const fiches = (doc: Y.Doc) => doc.getMap<unknown>('rcpFiches');
export const decisions = (doc: Y.Doc) => doc.getMap<unknown>('rcpDecisions');
/** Meeting id → the re-evaluation date the fiche sets: a series' next meeting takes the case back by then. */
export const reevaluations = (doc: Y.Doc) => doc.getMap<unknown>('rcpReevaluations');
// One Y.Map per drafted action, under a fresh id: a colleague naming its owner while another sets its date both win.
export const drafts = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>('rcpActions');

/** What the fiche knows of its meeting: the meeting's document is not open here, so the screen passes it in. */
export const rcpMeetingSchema = z.object({
  meetingId: idSchema,
  date: isoDateSchema,
  status: z.enum(CONCERTATION_STATUSES),
  question: z.string().check(z.maxLength(500)),
  criterion: z.enum(ACI_CRITERIA),
  /** Its kind and hours, so the compte rendu printed from the case says which meeting it was. */
  type: z.optional(z.enum(CONCERTATION_TYPES)),
  start: z.optional(timeSchema),
  end: z.optional(timeSchema),
});
export type RcpMeeting = z.infer<typeof rcpMeetingSchema>;
/** Fiches opened before the meeting's kind and hours were kept have neither. */
export const ficheSchema = z.object({
  date: isoDateSchema,
  question: z.string(),
  criterion: z.enum(ACI_CRITERIA),
  // A kind a later version adds is left out, not the fiche with it.
  type: z.catch(z.optional(z.enum(CONCERTATION_TYPES)), undefined),
  start: z.catch(z.optional(timeSchema), undefined),
  end: z.catch(z.optional(timeSchema), undefined),
});
export type StoredFiche = z.infer<typeof ficheSchema>;

export const draftInputSchema = z.object({
  text: actionInputSchema.shape.text,
  owner: z._default(z.nullable(memberIdSchema), null),
  due: z._default(z.nullable(isoDateSchema), null),
});
export type RcpActionInput = z.input<typeof draftInputSchema>;
export const storedDraftSchema = z.extend(draftInputSchema, { meetingId: idSchema, createdAt: z.string() });
export interface RcpAction extends z.infer<typeof draftInputSchema> {
  id: string;
  createdAt: string;
}
export const draftPatchSchema = z.partial(
  z.object({ text: draftInputSchema.shape.text, owner: z.nullable(memberIdSchema), due: z.nullable(isoDateSchema) }),
);

/** The three texts as they were when the decision was reported: what the fiche and its compte rendu show from then on. */
const frozenTextsSchema = z.object({ discussion: z.string(), proposition: z.string(), decision: z.string() });

export const decisionSchema = z.object({
  decidedAt: z.string(),
  decidedBy: memberIdSchema,
  timelineEntryId: z.string(),
  actionIds: z.array(z.string()),
  /** Absent on decisions reported before the texts were kept with them. */
  texts: z.optional(frozenTextsSchema),
});
export type RcpDecisionRecord = z.infer<typeof decisionSchema>;

export const refuse = (field: string, message: string): { ok: false; errors: FieldError[] } => ({
  ok: false,
  errors: [{ field, message }],
});

/**
 * Whether the fiche may still be written: the meeting is neither validated nor locked, and its decision is not yet in
 * the case's timeline (which is never rewritten).
 */
export function writable(doc: Y.Doc, meeting: RcpMeeting | unknown): Validated<RcpMeeting> {
  const parsed = rcpMeetingSchema.safeParse(meeting);
  if (!parsed.success) return refuse('meeting', 'errors.noMeeting');
  if (parsed.data.status !== 'planifiee' && parsed.data.status !== 'tenue')
    return refuse('status', 'errors.concertationLocked');
  if (decisions(doc).has(parsed.data.meetingId)) return refuse('decision', 'errors.rcpAlreadyDecided');
  return { ok: true, value: parsed.data };
}

export const isRcpFicheWritable = (doc: Y.Doc, meeting: RcpMeeting): boolean => writable(doc, meeting).ok;

const FACTS = ['date', 'question', 'criterion', 'type', 'start', 'end'] as const;

/** Notes the meeting's facts on the fiche (idempotent), so the case's compte rendu can be printed from the case alone. */
export function openRcpFiche(doc: Y.Doc, meeting: RcpMeeting | unknown): Validated<RcpMeeting> {
  const ok = writable(doc, meeting);
  if (!ok.ok) return ok;
  const { meetingId, date, question, criterion, type, start, end } = ok.value;
  const current = ficheSchema.safeParse(fiches(doc).get(meetingId));
  // A caller that does not know the kind and hours leaves those already noted.
  const held = type && start && end ? { type, start, end } : current.success ? current.data : {};
  const facts = { date, question, criterion, type: held.type, start: held.start, end: held.end };
  if (!current.success || FACTS.some((key) => current.data[key] !== facts[key]))
    fiches(doc).set(meetingId, Object.fromEntries(Object.entries(facts).filter(([, value]) => value !== undefined)));
  return ok;
}
