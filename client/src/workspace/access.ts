// Access on this device: the root key (on the creator's device) or a coordinator's delegated key signs our own token,
// the invitations we hand out and the revocations we ask for.
import { decodeJwt, exportJWK } from 'jose';
import {
  DAY_SECONDS as DAY,
  DELEGATION_DAYS,
  delegationClaimsSchema,
  encodeKeyBundle,
  issueAccessToken,
  issueDelegation,
  KEY_BUNDLE_SEPARATOR,
  newDocId,
  OWN_TOKEN_DAYS,
  privateJwkSchema,
  publicPart,
  type Role,
  type SigningKey,
} from '@maillage/shared';
import type { WorkspaceRow } from '../store/db';

export async function signingKeyOf(rootKey: CryptoKeyPair): Promise<SigningKey> {
  return { privateKey: rootKey.privateKey, publicJwk: publicPart(await exportJWK(rootKey.publicKey)) };
}

/** What signs for this device: the root key, else a delegated coordinator key, else nothing. */
export async function signerOf(row: WorkspaceRow): Promise<SigningKey | null> {
  if (row.rootKey) return signingKeyOf(row.rootKey);
  return row.delegateKey ?? null;
}

export const canSign = (row: WorkspaceRow): boolean => Boolean(row.rootKey || row.delegateKey);

export async function issueOwnToken(
  rootKey: CryptoKeyPair,
  ws: string,
): Promise<{ token: string; memberId: string; deviceId: string }> {
  const memberId = newDocId();
  const deviceId = newDocId();
  const token = await issueAccessToken(
    await signingKeyOf(rootKey),
    { ws, sub: memberId, role: 'coordinator', dev: deviceId, jti: newDocId() },
    OWN_TOKEN_DAYS * DAY,
  );
  return { token, memberId, deviceId };
}

/** A delegation's id (its jti): what a revocation of that coordination key names. */
export function delegationIdOf(delegation: string): string | null {
  try {
    const claims = delegationClaimsSchema.safeParse(decodeJwt(delegation));
    return claims.success ? claims.data.jti : null;
  } catch {
    return null;
  }
}

export interface Invitation {
  link: string;
  /** The invitee's member id. */
  member: string;
  /** The coordination key this link gives (its delegation id): only from the root device, for a coordinator. */
  givesKey: string | null;
  /** The delegated key that signed this link (its delegation id); null when the root key did. */
  signedWith: string | null;
}

/**
 * An invitation is the invitee's access token, in the link's fragment, which no server ever sees. From the root
 * device, a coordinator invitation also carries a signing key of the invitee's own, delegated by the root.
 */
export async function invitationLink(row: WorkspaceRow, role: Role, days: number): Promise<Invitation> {
  const signer = await signerOf(row);
  if (!signer) throw new Error('no signing key on this device');
  const sub = newDocId();
  const token = await issueAccessToken(signer, { ws: row.id, sub, role, dev: newDocId(), jti: newDocId() }, days * DAY);
  const base = `${location.origin}/join#${token}`;
  const signedWith = signer.delegation ? delegationIdOf(signer.delegation) : null;
  if (role !== 'coordinator' || !row.rootKey) return { link: base, member: sub, givesKey: null, signedWith };
  // Extractable only long enough to travel in the link; the invitee re-imports it non-extractable.
  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
  const jti = newDocId();
  const delegation = await issueDelegation(
    signer,
    { ws: row.id, sub, jti, delegate: publicPart(await exportJWK(pair.publicKey)) },
    DELEGATION_DAYS * DAY,
  );
  const key = privateJwkSchema.parse(await exportJWK(pair.privateKey));
  return {
    link: `${base}${KEY_BUNDLE_SEPARATOR}${encodeKeyBundle({ dlg: delegation, key })}`,
    member: sub,
    givesKey: jti,
    signedWith,
  };
}
