// Access on this device: the root key (on the creator's device) or a coordinator's delegated key signs our own token,
// the invitations we hand out and the revocations we ask for.
import { calculateJwkThumbprint, decodeJwt, exportJWK } from 'jose';
import {
  accessClaimsSchema,
  DAY_SECONDS as DAY,
  DELEGATION_DAYS,
  delegationClaimsSchema,
  encodeKeyBundle,
  issueAccessToken,
  issueDelegation,
  issueDeviceToken,
  KEY_BUNDLE_SEPARATOR,
  newDocId,
  OWN_TOKEN_DAYS,
  privateJwkSchema,
  publicPart,
  type InvitationCard,
  type Role,
  type SigningKey,
} from '@maillage/shared';
import type { Profile } from './profile';
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
  /** When the link, and the access it gives, stop being valid (ISO). */
  expiresAt: string;
  /** The invitee's member id. */
  member: string;
  /** The coordination key this link gives (its delegation id): only from the root device, for a coordinator. */
  givesKey: string | null;
  /** The delegated key that signed this link (its delegation id); null when the root key did. */
  signedWith: string | null;
}

/** A key pair made to travel in a link: extractable only until the other device re-imports it non-extractable. */
async function travellingKey() {
  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
  const publicJwk = publicPart(await exportJWK(pair.publicKey));
  return { publicJwk, privateJwk: privateJwkSchema.parse(await exportJWK(pair.privateKey)) };
}

/**
 * An invitation is the invitee's access token, in the link's fragment, which no server ever sees. It says which
 * CPTS, who invites and whom (its card), and brings a device key for the invitee's other devices. From the root
 * device, a coordinator invitation also carries a signing key of the invitee's own, delegated by the root.
 */
export async function invitationLink(
  row: WorkspaceRow,
  role: Role,
  days: number,
  card: InvitationCard,
): Promise<Invitation> {
  const signer = await signerOf(row);
  if (!signer) throw new Error('no signing key on this device');
  const sub = newDocId();
  const deviceKey = await travellingKey();
  const dk = await calculateJwkThumbprint(deviceKey.publicJwk);
  const token = await issueAccessToken(
    signer,
    { ws: row.id, sub, role, dev: newDocId(), jti: newDocId(), inv: card, dk },
    days * DAY,
  );
  const expiresAt = new Date((decodeJwt(token).exp ?? 0) * 1000).toISOString();
  const signedWith = signer.delegation ? delegationIdOf(signer.delegation) : null;
  const link = (bundle: Parameters<typeof encodeKeyBundle>[0]) =>
    `${location.origin}/join#${token}${KEY_BUNDLE_SEPARATOR}${encodeKeyBundle(bundle)}`;
  if (role !== 'coordinator' || !row.rootKey)
    return { link: link({ dk: deviceKey.privateJwk }), member: sub, givesKey: null, signedWith, expiresAt };
  const coordinatorKey = await travellingKey();
  const jti = newDocId();
  const delegation = await issueDelegation(
    signer,
    { ws: row.id, sub, jti, delegate: coordinatorKey.publicJwk },
    DELEGATION_DAYS * DAY,
  );
  return {
    link: link({ dlg: delegation, key: coordinatorKey.privateJwk, dk: deviceKey.privateJwk }),
    member: sub,
    givesKey: jti,
    signedWith,
    expiresAt,
  };
}

/**
 * A link for another device of this same person, which asks them nothing: a token of its own (own device id)
 * signed by the coordinator's key or the person's device key; before device keys existed, this device's own token,
 * shared (same device id), with who its owner is beside it.
 */
export async function ownDeviceLink(
  row: WorkspaceRow,
  profile: Profile,
  cpts: string,
): Promise<{ link: string; ownId: boolean }> {
  const inv: InvitationCard = { cpts, own: true, to: profile.name, top: profile.profession };
  const claims = accessClaimsSchema.parse(decodeJwt(row.token));
  const signer = await signerOf(row);
  let token: string | null = null;
  if (signer) {
    const seconds = Math.max(60, claims.exp - Math.floor(Date.now() / 1000));
    token = await issueAccessToken(
      signer,
      { ws: row.id, sub: row.memberId, role: row.role, dev: newDocId(), jti: newDocId(), inv },
      seconds,
    );
  } else if (row.deviceKey) {
    token = await issueDeviceToken(
      row.deviceKey,
      { token: row.token, claims },
      { dev: newDocId(), jti: newDocId(), inv },
    );
  }
  if (token) return { link: `${location.origin}/join#${token}`, ownId: true };
  const me = { name: profile.name, profession: profile.profession };
  return {
    link: `${location.origin}/join#${row.token}${KEY_BUNDLE_SEPARATOR}${encodeKeyBundle({ me })}`,
    ownId: false,
  };
}
