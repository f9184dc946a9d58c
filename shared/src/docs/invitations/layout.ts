// Typed read/write over the governance document's `invitations`: invited member id -> what the invitation said. Each
// entry is a plain value written by a coordinator's device (last writer wins per invitation).
import type * as Y from 'yjs';
import { memberIdSchema } from '../../sync/ids';
import {
  invitationRecordSchema,
  type InvitationRecord,
  type InvitationRecordInput,
  type WorkspaceInvitation,
} from './schema';

const invitations = (doc: Y.Doc) => doc.getMap<unknown>('invitations');

/** Written by the device that makes the invitation, the only one that knows its member id. */
export function recordInvitation(doc: Y.Doc, member: string, input: InvitationRecordInput): InvitationRecord | null {
  const parsed = invitationRecordSchema.safeParse(input);
  if (!parsed.success || !memberIdSchema.safeParse(member).success) return null;
  invitations(doc).set(member, parsed.data);
  return parsed.data;
}

export function readInvitation(doc: Y.Doc, member: string): InvitationRecord | null {
  const parsed = invitationRecordSchema.safeParse(invitations(doc).get(member));
  return parsed.success ? parsed.data : null;
}

/** Marks an invitation withdrawn (its access is revoked on the relay by the same gesture). */
export function markInvitationWithdrawn(doc: Y.Doc, member: string, now = new Date()): boolean {
  const record = readInvitation(doc, member);
  if (!record) return false;
  invitations(doc).set(member, { ...record, withdrawnAt: now.toISOString() });
  return true;
}

/** Every well-formed invitation, newest first; one that does not parse (another version, a bad write) is skipped. */
export function listInvitations(doc: Y.Doc): WorkspaceInvitation[] {
  const list: WorkspaceInvitation[] = [];
  invitations(doc).forEach((_, member) => {
    const record = readInvitation(doc, member);
    if (record && memberIdSchema.safeParse(member).success) list.push({ member, ...record });
  });
  return list.sort((a, b) => b.issuedAt.localeCompare(a.issuedAt));
}

export function observeInvitations(doc: Y.Doc, onChange: () => void): () => void {
  const handler = () => onChange();
  invitations(doc).observe(handler);
  return () => invitations(doc).unobserve(handler);
}
