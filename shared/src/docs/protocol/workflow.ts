// The protocol's life (HAS method, ACI sign-off): who may move it from which status to which, the team's sign-offs,
// the published version frozen on diffusion, and the log of every move with its reason.
import type * as Y from 'yjs';
import { z } from 'zod/mini';
import { memberIdSchema } from '../../sync/ids';
import type { Role } from '../../sync/roles';
import { professionSchema, type Profession } from '../../domain/professions';
import { parisToday } from '../../domain/parisDays';
import type { Validated } from '../validation';
import { readProtocolHeader } from './layout';
import type { ProtocolStatus } from './schema';
import { createVersion } from './versions';
import type { Author } from './comments';

export interface Actor extends Author {
  role: Role;
  profession: Profession;
  /** The pilot of the protocol's working group (or its creator when it has none). */
  isLead: boolean;
}

type Who = 'lead' | 'coordinator';
interface Transition {
  to: ProtocolStatus;
  by: Who;
  /** A step back (to more work): offered, but never as the main way on. */
  back?: true;
}

/** lead: the group's pilot or a coordinator; coordinator: a coordinator only (CPAM's answer, archiving). */
export const TRANSITIONS: Readonly<Record<ProtocolStatus, readonly Transition[]>> = {
  brouillon: [
    { to: 'relecture', by: 'lead' },
    { to: 'archive', by: 'coordinator' },
  ],
  relecture: [
    { to: 'valide_equipe', by: 'lead' },
    { to: 'brouillon', by: 'lead', back: true },
    { to: 'archive', by: 'coordinator' },
  ],
  valide_equipe: [
    { to: 'soumis_cpam', by: 'lead' },
    { to: 'relecture', by: 'lead', back: true },
    { to: 'archive', by: 'coordinator' },
  ],
  soumis_cpam: [
    { to: 'valide_cpam', by: 'coordinator' },
    { to: 'relecture', by: 'lead', back: true },
    { to: 'archive', by: 'coordinator' },
  ],
  valide_cpam: [
    { to: 'diffuse', by: 'lead' },
    { to: 'archive', by: 'coordinator' },
  ],
  diffuse: [
    { to: 'en_revision', by: 'lead' },
    { to: 'archive', by: 'coordinator' },
  ],
  en_revision: [
    { to: 'relecture', by: 'lead' },
    { to: 'archive', by: 'coordinator' },
  ],
  archive: [{ to: 'en_revision', by: 'coordinator' }],
};

/** Content can be written only while it is being drafted or reviewed; from team validation on, it is frozen. */
const EDITABLE: ReadonlySet<ProtocolStatus> = new Set(['brouillon', 'relecture', 'en_revision']);
export const isEditable = (status: ProtocolStatus): boolean => EDITABLE.has(status);

const mayAct = (by: Who, actor: Actor) =>
  actor.role === 'coordinator' || (by === 'lead' && actor.role === 'member' && actor.isLead);

export function allowedMoves(status: ProtocolStatus, actor: Actor): ProtocolStatus[] {
  return TRANSITIONS[status].filter((t) => mayAct(t.by, actor)).map((t) => t.to);
}

/** How a move reads: on towards diffusion, back to more work, or out of use (archiving). */
export function moveKind(from: ProtocolStatus, to: ProtocolStatus): 'forward' | 'back' | 'archive' {
  if (to === 'archive') return 'archive';
  return TRANSITIONS[from].find((t) => t.to === to)?.back ? 'back' : 'forward';
}

/** Drafts and reviews are work in progress; from team validation on, a protocol is the team's word. */
const WORK_IN_PROGRESS: ReadonlySet<string> = new Set<ProtocolStatus>(['brouillon', 'relecture']);

/**
 * Who may move a protocol to the bin: anyone who writes while it is a draft or in review; once validated, submitted,
 * diffused, under revision or archived, its lead or a coordinator only.
 */
export function mayBinProtocol(status: string, actor: Pick<Actor, 'role' | 'isLead'>): boolean {
  if (actor.role === 'observer') return false;
  return WORK_IN_PROGRESS.has(status) || actor.role === 'coordinator' || actor.isLead;
}

const signoffSchema = z.object({
  memberId: memberIdSchema,
  name: z.string(),
  profession: professionSchema,
  at: z.iso.datetime(),
  round: z.number(),
});
export type Signoff = z.infer<typeof signoffSchema>;
const moveSchema = z.object({
  from: z.string(),
  to: z.string(),
  by: memberIdSchema,
  byName: z.string(),
  at: z.iso.datetime(),
  reason: z.string(),
});
export type StatusMove = z.infer<typeof moveSchema>;

const groupMoveSchema = z.object({
  from: z.nullable(z.string()),
  fromName: z.string(),
  to: z.nullable(z.string()),
  toName: z.string(),
  by: memberIdSchema,
  byName: z.string(),
  at: z.iso.datetime(),
});
export type GroupMove = z.infer<typeof groupMoveSchema>;
/** A working group as the log remembers it: its id (null: no group) and its name at the time. */
export interface GroupRef {
  id: string | null;
  name: string;
}

const header = (doc: Y.Doc) => doc.getMap<unknown>('header');
const groupLogOf = (doc: Y.Doc) => doc.getArray<unknown>('groupLog');
const signoffsOf = (doc: Y.Doc) => doc.getArray<unknown>('signoffs');
const movesOf = (doc: Y.Doc) => doc.getArray<unknown>('statusLog');
const parsedList = <T>(array: Y.Array<unknown>, schema: z.ZodMiniType<T>): T[] =>
  array.toArray().flatMap((x) => {
    const parsed = schema.safeParse(x);
    return parsed.success ? [parsed.data] : [];
  });

/** Each pass through review is a round: sign-offs count for the round they were given in. */
export const reviewRound = (doc: Y.Doc): number => {
  const round = header(doc).get('round');
  return typeof round === 'number' ? round : 0;
};
export const listSignoffs = (doc: Y.Doc): Signoff[] => parsedList(signoffsOf(doc), signoffSchema);
export const currentSignoffs = (doc: Y.Doc): Signoff[] => listSignoffs(doc).filter((s) => s.round === reviewRound(doc));
export const listStatusMoves = (doc: Y.Doc): StatusMove[] => parsedList(movesOf(doc), moveSchema);
export const listGroupMoves = (doc: Y.Doc): GroupMove[] => parsedList(groupLogOf(doc), groupMoveSchema);

/**
 * Who vouches for the text as it stands (« validé par »): the sign-offs of the current round, which is the round
 * that led to validation until the next review starts. A draft or a revision in progress has none yet.
 */
export function validatorsOf(doc: Y.Doc): Signoff[] {
  const { status } = readProtocolHeader(doc);
  return status === 'brouillon' || status === 'en_revision' ? [] : currentSignoffs(doc);
}
export function publishedVersionId(doc: Y.Doc): string | null {
  const id = header(doc).get('publishedVersion');
  return typeof id === 'string' ? id : null;
}

export type WorkflowError =
  | 'errors.transition'
  | 'errors.notAllowed'
  | 'errors.signoffRequired'
  | 'errors.reviewDateRequired'
  | 'errors.alreadySigned'
  | 'errors.notSigned'
  | 'errors.notInReview';

/** A team member approves the version under review (validé par: name, profession, date). */
export function signOff(doc: Y.Doc, actor: Actor, now = new Date()): Validated<Signoff> {
  const fail = (message: WorkflowError): Validated<Signoff> => ({ ok: false, errors: [{ field: 'status', message }] });
  if (actor.role === 'observer') return fail('errors.notAllowed');
  if (readProtocolHeader(doc).status !== 'relecture') return fail('errors.notInReview');
  if (currentSignoffs(doc).some((s) => s.memberId === actor.memberId)) return fail('errors.alreadySigned');
  const signoff: Signoff = {
    memberId: actor.memberId,
    name: actor.name.slice(0, 80),
    profession: actor.profession,
    at: now.toISOString(),
    round: reviewRound(doc),
  };
  signoffsOf(doc).push([signoff]);
  return { ok: true, value: signoff };
}

/** Takes back this member's sign-off of the round under review (possible until the round closes). */
export function withdrawSignoff(doc: Y.Doc, actor: Actor): Validated<null> {
  const fail = (message: WorkflowError): Validated<null> => ({ ok: false, errors: [{ field: 'status', message }] });
  if (readProtocolHeader(doc).status !== 'relecture') return fail('errors.notInReview');
  const round = reviewRound(doc);
  const array = signoffsOf(doc);
  const mine = array
    .toArray()
    .flatMap((x, index) => {
      const parsed = signoffSchema.safeParse(x);
      return parsed.success && parsed.data.memberId === actor.memberId && parsed.data.round === round ? [index] : [];
    })
    .reverse();
  if (mine.length === 0) return fail('errors.notSigned');
  doc.transact(() => {
    for (const index of mine) array.delete(index, 1);
  });
  return { ok: true, value: null };
}

/**
 * Moves the protocol to another status if this actor may, and logs it. Team validation needs a sign-off of the
 * round; diffusion needs a next review date and freezes the published version as a named snapshot.
 */
export function moveStatus(
  doc: Y.Doc,
  to: ProtocolStatus,
  actor: Actor,
  reason = '',
  now = new Date(),
  today = parisToday(now),
): Validated<StatusMove> {
  const fail = (message: WorkflowError): Validated<StatusMove> => ({
    ok: false,
    errors: [{ field: 'status', message }],
  });
  const current = readProtocolHeader(doc);
  const transition = TRANSITIONS[current.status].find((t) => t.to === to);
  if (!transition) return fail('errors.transition');
  if (!mayAct(transition.by, actor)) return fail('errors.notAllowed');
  if (to === 'valide_equipe' && currentSignoffs(doc).length === 0) return fail('errors.signoffRequired');
  if (to === 'diffuse' && (!current.reviewDate || current.reviewDate <= today))
    return fail('errors.reviewDateRequired');
  const move: StatusMove = {
    from: current.status,
    to,
    by: actor.memberId,
    byName: actor.name.slice(0, 80),
    at: now.toISOString(),
    reason: reason.trim().slice(0, 500),
  };
  doc.transact(() => {
    header(doc).set('status', to);
    if (to === 'relecture') header(doc).set('round', reviewRound(doc) + 1);
    movesOf(doc).push([move]);
    if (to === 'diffuse') {
      const published = createVersion(doc, { name: current.version || '1.0', reason }, actor, 'published', now);
      if (published.ok) header(doc).set('publishedVersion', published.value.id);
    }
  });
  return { ok: true, value: move };
}

/**
 * Logs the protocol's move to another working group, if this actor may (its lead or a coordinator). The group itself
 * lives in the workspace catalogue, which everyone edits; the trace belongs to the protocol's own history.
 */
export function logGroupMove(
  doc: Y.Doc,
  from: GroupRef,
  to: GroupRef,
  actor: Actor,
  now = new Date(),
): Validated<GroupMove> {
  const fail = (message: WorkflowError | 'errors.invalid'): Validated<GroupMove> => ({
    ok: false,
    errors: [{ field: 'group', message }],
  });
  if (!mayAct('lead', actor)) return fail('errors.notAllowed');
  if (from.id === to.id) return fail('errors.invalid');
  const move: GroupMove = {
    from: from.id,
    fromName: from.name.slice(0, 120),
    to: to.id,
    toName: to.name.slice(0, 120),
    by: actor.memberId,
    byName: actor.name.slice(0, 80),
    at: now.toISOString(),
  };
  groupLogOf(doc).push([move]);
  return { ok: true, value: move };
}

export function observeWorkflow(doc: Y.Doc, onChange: () => void): () => void {
  const handler = () => onChange();
  const observed = [signoffsOf(doc), movesOf(doc), groupLogOf(doc), header(doc)];
  for (const type of observed) type.observe(handler);
  return () => {
    for (const type of observed) type.unobserve(handler);
  };
}
