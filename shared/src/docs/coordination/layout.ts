// Typed read/write over the coordination keys recorded in the governance document: `coordinatorKeys` maps a
// delegation id to its holder, `keyInvitations` maps an invited member to the key that signed their invitation.
import type * as Y from 'yjs';
import { idSchema, memberIdSchema } from '../../sync/ids';
import { coordinatorKeyRecordSchema, keyInvitationRecordSchema, type Coordination } from './schema';

const keys = (doc: Y.Doc) => doc.getMap<unknown>('coordinatorKeys');
const invitations = (doc: Y.Doc) => doc.getMap<unknown>('keyInvitations');

/** Written by the device that issues a coordination key: the only place that knows the delegation's id for sure. */
export function recordCoordinatorKey(doc: Y.Doc, delegation: string, member: string, now = new Date()): boolean {
  if (!idSchema.safeParse(delegation).success || !memberIdSchema.safeParse(member).success) return false;
  keys(doc).set(delegation, { member, issuedAt: now.toISOString() });
  return true;
}

/** Written by a coordinator's device when its delegated key signs an invitation. */
export function recordKeyInvitation(doc: Y.Doc, member: string, key: string, now = new Date()): boolean {
  if (!idSchema.safeParse(key).success || !memberIdSchema.safeParse(member).success) return false;
  invitations(doc).set(member, { key, issuedAt: now.toISOString() });
  return true;
}

/** What the document says, oldest first; entries that do not parse (another version, a bad write) are skipped. */
export function readCoordination(doc: Y.Doc): Coordination {
  const result: Coordination = { keys: [], invitations: [] };
  keys(doc).forEach((value, delegation) => {
    const parsed = coordinatorKeyRecordSchema.safeParse(value);
    if (parsed.success && idSchema.safeParse(delegation).success) result.keys.push({ delegation, ...parsed.data });
  });
  invitations(doc).forEach((value, member) => {
    const parsed = keyInvitationRecordSchema.safeParse(value);
    if (parsed.success && memberIdSchema.safeParse(member).success) result.invitations.push({ member, ...parsed.data });
  });
  result.keys.sort((a, b) => a.issuedAt.localeCompare(b.issuedAt));
  result.invitations.sort((a, b) => a.issuedAt.localeCompare(b.issuedAt));
  return result;
}

export function observeCoordination(doc: Y.Doc, onChange: () => void): () => void {
  const handler = () => onChange();
  keys(doc).observe(handler);
  invitations(doc).observe(handler);
  return () => {
    keys(doc).unobserve(handler);
    invitations(doc).unobserve(handler);
  };
}
