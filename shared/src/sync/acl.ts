// Restricted rooms (patient cases, concertations, adverse-event reports): the members admitted are a list the relay
// enforces. Requests travel over HTTP, authenticated by the caller's signed access token (see docs/decisions/0004).
import { z } from 'zod/mini';
import { parseRoom } from './rooms';
import { memberIdSchema } from './ids';
import { restrictedNonceSchema } from './restrictedIds';

/** A care team is small; the bound keeps one request under the relay's body limit. */
export const MAX_ACL_MEMBERS = 200;

/**
 * `team`: a care team's room (decision 0006). `report`: an adverse-event report's (decision 0032): only those on its
 * list change it, coordinators included; its reporter is never singled out to others; an observer may make one.
 */
export const ACL_KINDS = ['team', 'report'] as const;
export type AclKind = (typeof ACL_KINDS)[number];

/**
 * Why a list grows, when the relay's access journal should say it: participants of a concertation joining a case's
 * team « pour la RCP du … » once its presenter recorded the patient's consent (issue 20). A day, never a patient.
 */
export const aclPurposeSchema = z.object({
  kind: z.literal('rcp'),
  date: z.iso.date(),
});
export type AclPurpose = z.infer<typeof aclPurposeSchema>;

/** The access journal's words for a purpose: « RCP du jj/mm/aaaa ». */
export function aclPurposeLabel(purpose: AclPurpose): string {
  const [year, month, day] = purpose.date.split('-');
  return `RCP du ${day}/${month}/${year}`;
}

export const aclRequestSchema = z.object({
  room: z.string().check(z.refine((name) => parseRoom(name) !== null, 'errors.room')),
  members: z.array(memberIdSchema).check(z.maxLength(MAX_ACL_MEMBERS, 'errors.aclTooLarge')),
  /** Needed by the first request only: the room's id must be `restrictedDocId(ws, caller, nonce)` (decision 0016). */
  nonce: z.optional(restrictedNonceSchema),
  /** Read with the first request only: a room keeps the kind it was made with. */
  kind: z.optional(z.enum(ACL_KINDS)),
  purpose: z.optional(aclPurposeSchema),
});
export type AclRequest = z.infer<typeof aclRequestSchema>;

export const aclViewSchema = z.object({
  room: z.string(),
  kind: z.optional(z.enum(ACL_KINDS)),
  owner: memberIdSchema,
  members: z.array(memberIdSchema),
  updatedAt: z.string(),
  updatedBy: memberIdSchema,
});
export type AclView = z.infer<typeof aclViewSchema>;

/** A list as the relay keeps it: every room has a kind (lists made before kinds existed are care teams'). */
export type AclRecord = AclView & { kind: AclKind };

/** A report room's list as anyone but its reporter reads it: who made it, or changed it last, is left out. */
export const reportAclViewSchema = z.object({
  room: z.string(),
  kind: z.literal('report'),
  members: z.array(memberIdSchema),
  updatedAt: z.string(),
});
export type ReportAclView = z.infer<typeof reportAclViewSchema>;

/** What `reader` is told of a list: all of it, except a report's reporter, told to nobody but the reporter. */
export function aclAnswer(acl: AclRecord, reader: string): AclRecord | ReportAclView {
  if (acl.kind !== 'report' || reader === acl.owner) return acl;
  return { room: acl.room, kind: 'report', members: acl.members, updatedAt: acl.updatedAt };
}

/**
 * Who may change a room's list. A care team's: its creator, anyone on the list who may write, or a coordinator. A
 * report's: those on it only (its reporter, observer or not, and the référents), so no coordinator can add themselves.
 */
export function mayChangeAcl(
  acl: Pick<AclView, 'owner' | 'members' | 'kind'>,
  caller: { memberId: string; role: string },
): boolean {
  if (acl.kind === 'report') return aclAdmits(acl, caller.memberId);
  if (caller.role === 'observer') return false;
  return caller.role === 'coordinator' || caller.memberId === acl.owner || acl.members.includes(caller.memberId);
}

/** Whether a member may open the room: listed or its creator. Coordinators too must be listed (need to know). */
export function aclAdmits(acl: { owner?: string; members: readonly string[] }, memberId: string): boolean {
  return memberId === acl.owner || acl.members.includes(memberId);
}
