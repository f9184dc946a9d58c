// The invitations a workspace's coordinators made, as their devices wrote them down: for whom, which role, by whom,
// until when, and whether withdrawn. A display aid (pending invitations, observers' names), never a security
// boundary: the relay decides access from tokens and revocations alone.
import { z } from 'zod/mini';
import { memberIdSchema } from '../../sync/ids';
import { roleSchema } from '../../sync/roles';

const label = (max: number) => z._default(z.string().check(z.trim(), z.maxLength(max)), '');

export const invitationRecordSchema = z.object({
  role: roleSchema,
  /** The invitee's name as the coordinator typed it ('' when not given). */
  name: label(80),
  /** An observer's organisation (ARS, hôpital, mairie…). */
  organisation: label(120),
  /** The member id of the coordinator who made it. */
  by: memberIdSchema,
  issuedAt: z.iso.datetime(),
  /** When the link, and the access it gives, stop being valid. */
  expiresAt: z.iso.datetime(),
  withdrawnAt: z._default(z.nullable(z.iso.datetime()), null),
});
export type InvitationRecord = z.infer<typeof invitationRecordSchema>;
export type InvitationRecordInput = z.input<typeof invitationRecordSchema>;
export type WorkspaceInvitation = InvitationRecord & { member: string };

/** Whether an invitation still gives access at `now`: neither withdrawn (nor its person revoked) nor expired. */
export const isInvitationLive = (i: WorkspaceInvitation, now = new Date().toISOString()): boolean =>
  i.withdrawnAt === null && i.expiresAt > now;
