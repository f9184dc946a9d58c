// Joining from an invitation link: the token is verified on this device before anything is stored.
import { verifyAccessToken, type TokenError } from '@maillage/shared';
import { db } from '../store/db';

export type JoinResult = { ok: true; workspaceId: string } | { ok: false; code: TokenError | 'missing' };

/** Joins from an invitation link: the token is checked here first, so a bad link changes nothing. */
export async function joinWithInvitation(token: string): Promise<JoinResult> {
  if (!token) return { ok: false, code: 'missing' };
  const verified = await verifyAccessToken(token);
  if (!verified.ok) return verified;
  const { ws, role, sub, dev } = verified.claims;
  const existing = await db.workspaces.get(ws);
  // A coordinator opening an invitation they made keeps their own, stronger access.
  if (!existing?.rootKey) {
    await db.workspaces.put({ id: ws, name: existing?.name ?? '', joinedAt: existing?.joinedAt ?? new Date().toISOString(), rootKey: null, token, role, memberId: sub, deviceId: dev });
  }
  return { ok: true, workspaceId: ws };
}
