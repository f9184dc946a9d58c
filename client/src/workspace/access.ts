// Access on this device: the root key signs our own token and the invitations we hand out.
import { exportJWK } from 'jose';
import { issueAccessToken, newDocId, publicPart, type Role, type SigningKey } from '@maillage/shared';

const DAY = 24 * 3600;
/** The creator's own token; the root key is on this device, so it can be re-issued whenever needed. */
export const OWN_TOKEN_DAYS = 365;

export async function signingKeyOf(rootKey: CryptoKeyPair): Promise<SigningKey> {
  return { privateKey: rootKey.privateKey, publicJwk: publicPart(await exportJWK(rootKey.publicKey)) };
}

export async function issueOwnToken(rootKey: CryptoKeyPair, ws: string): Promise<{ token: string; memberId: string; deviceId: string }> {
  const memberId = newDocId();
  const deviceId = newDocId();
  const token = await issueAccessToken(await signingKeyOf(rootKey), { ws, sub: memberId, role: 'coordinator', dev: deviceId, jti: newDocId() }, OWN_TOKEN_DAYS * DAY);
  return { token, memberId, deviceId };
}

/** An invitation is the invitee's access token; it travels in the link's fragment, which no server ever sees. */
export async function invitationLink(rootKey: CryptoKeyPair, ws: string, role: Role, days: number): Promise<string> {
  const token = await issueAccessToken(await signingKeyOf(rootKey), { ws, sub: newDocId(), role, dev: newDocId(), jti: newDocId() }, days * DAY);
  return `${location.origin}/join#${token}`;
}
