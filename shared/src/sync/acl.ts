// Restricted rooms (patient cases, concertations): the members admitted are a list the relay enforces.
// Requests travel over HTTP, authenticated by the caller's signed access token (see docs/decisions/0004).
import { z } from 'zod/mini';
import { parseRoom } from './rooms';
import { memberIdSchema } from './ids';
import { restrictedNonceSchema } from './restrictedIds';

/** A care team is small; the bound keeps one request under the relay's body limit. */
export const MAX_ACL_MEMBERS = 200;

export const aclRequestSchema = z.object({
  room: z.string().check(z.refine((name) => parseRoom(name) !== null, 'errors.room')),
  members: z.array(memberIdSchema).check(z.maxLength(MAX_ACL_MEMBERS, 'errors.aclTooLarge')),
  /** Needed by the first request only: the room's id must be `restrictedDocId(ws, caller, nonce)` (decision 0016). */
  nonce: z.optional(restrictedNonceSchema),
});
export type AclRequest = z.infer<typeof aclRequestSchema>;

export const aclViewSchema = z.object({
  room: z.string(),
  owner: memberIdSchema,
  members: z.array(memberIdSchema),
  updatedAt: z.string(),
  updatedBy: memberIdSchema,
});
export type AclView = z.infer<typeof aclViewSchema>;

/** Who may change a room's list: its creator, anyone on the list who may write, or a coordinator. */
export function mayChangeAcl(
  acl: Pick<AclView, 'owner' | 'members'>,
  caller: { memberId: string; role: string },
): boolean {
  if (caller.role === 'observer') return false;
  return caller.role === 'coordinator' || caller.memberId === acl.owner || acl.members.includes(caller.memberId);
}

/** Whether a member may open the room: listed or its creator. Coordinators too must be listed (need to know). */
export function aclAdmits(acl: Pick<AclView, 'owner' | 'members'>, memberId: string): boolean {
  return memberId === acl.owner || acl.members.includes(memberId);
}
