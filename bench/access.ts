// Ours runs with authentication on: the bench is a workspace of its own and its clients hold member tokens.
import { exportJWK } from 'jose';
import { issueAccessToken, newDocId, publicPart, workspaceIdOfJwk } from '@maillage/shared';

export async function benchAccess(): Promise<{ ws: string; token: string; member: string }> {
  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
  const root = { privateKey: pair.privateKey, publicJwk: publicPart(await exportJWK(pair.publicKey)) };
  const ws = await workspaceIdOfJwk(root.publicJwk);
  const member = newDocId();
  const token = await issueAccessToken(
    root,
    { ws, sub: member, role: 'member', dev: newDocId(), jti: newDocId() },
    24 * 3600,
  );
  return { ws, token, member };
}
