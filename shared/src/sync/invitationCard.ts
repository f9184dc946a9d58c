// What an invitation says about itself, signed with it: which CPTS, who invites, whom. The invitation page shows it
// before asking anything; a link to one's own other device carries its owner's name so that device asks nothing.
import { z } from 'zod/mini';

const label = (max: number) => z.string().check(z.trim(), z.maxLength(max));

export const invitationCardSchema = z.object({
  /** The workspace's name (the CPTS). */
  cpts: label(120),
  /** Who made the invitation, and their profession (a code of the professions list). */
  by: z.optional(label(80)),
  byp: z.optional(label(40)),
  /** Whom it is for, as the inviter typed it (or the owner, on a link for their own device). */
  to: z.optional(label(80)),
  top: z.optional(label(40)),
  /** An observer's organisation (ARS, hôpital, mairie…). */
  org: z.optional(label(120)),
  /** A link to one's own other device: same person, their own device id. */
  own: z.optional(z.literal(true)),
});
export type InvitationCard = z.infer<typeof invitationCardSchema>;
