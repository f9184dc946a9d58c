// Who holds a coordination key and whom each key invited, as the coordinators' own devices wrote it down.
import { z } from 'zod/mini';
import { idSchema, memberIdSchema } from '../../sync/ids';

/** A coordination key given to a person: its delegation's id (the JWT's jti), written by the root device at issuance. */
export const coordinatorKeyRecordSchema = z.object({ member: memberIdSchema, issuedAt: z.iso.datetime() });
/** An invitation a delegated key signed: revoking that key (or its holder) cuts this person off too. */
export const keyInvitationRecordSchema = z.object({ key: idSchema, issuedAt: z.iso.datetime() });

export interface CoordinatorKey {
  delegation: string;
  member: string;
  issuedAt: string;
}

export interface KeyInvitation {
  member: string;
  key: string;
  issuedAt: string;
}

export interface Coordination {
  keys: CoordinatorKey[];
  invitations: KeyInvitation[];
}
