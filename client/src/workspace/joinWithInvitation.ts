// Joining from an invitation link, in two steps: read it (the token, a coordinator's delegated key, a device key, all
// verified on this device) so the page can say what it is before asking anything; then store it. A bad link changes
// nothing.
import { calculateJwkThumbprint } from 'jose';
import {
  decodeKeyBundle,
  KEY_BUNDLE_SEPARATOR,
  publicPart,
  verifyAccessToken,
  verifySigner,
  type AccessClaims,
  type PrivateJwk,
  type SigningKey,
  type TokenError,
} from '@maillage/shared';
import { db } from '../store/db';
import { profileSchema, type Profile } from './profile';

export interface ReadInvitation {
  token: string;
  claims: AccessClaims;
  delegateKey: SigningKey | null;
  deviceKey: SigningKey | null;
  /** Who this device is for, when the link says (a link to one's own device): no need to ask. */
  owner: Profile | null;
}

export type ReadResult = { ok: true; invitation: ReadInvitation } | { ok: false; code: TokenError | 'missing' };

const importSigning = (jwk: PrivateJwk) =>
  crypto.subtle.importKey('jwk', jwk, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign']);

/** The delegated key of a coordinator invitation, checked against the token it came with. */
async function delegatedKey(dlg: string, key: PrivateJwk, ws: string, sub: string): Promise<SigningKey | null> {
  const publicJwk = publicPart(key);
  const chain = await verifySigner(ws, publicJwk, dlg, Date.now());
  if (!chain.ok || chain.signer.kind !== 'delegate' || chain.signer.member !== sub) return null;
  return { privateKey: await importSigning(key), publicJwk, delegation: dlg };
}

/** The device key the token names (`dk`), re-imported so it can sign but never be read back. */
async function deviceKeyOf(key: PrivateJwk, claims: AccessClaims): Promise<SigningKey | null> {
  const publicJwk = publicPart(key);
  if (!claims.dk || (await calculateJwkThumbprint(publicJwk)) !== claims.dk) return null;
  return { privateKey: await importSigning(key), publicJwk };
}

/** Reads an invitation link's fragment: `<token>` or `<token>~<bundle>`; stores nothing. */
export async function readInvitation(fragment: string): Promise<ReadResult> {
  const [token = '', bundleText, ...rest] = fragment.split(KEY_BUNDLE_SEPARATOR);
  if (!token || rest.length > 0) return { ok: false, code: 'missing' };
  const verified = await verifyAccessToken(token);
  if (!verified.ok) return verified;
  const { claims } = verified;
  const invitation: ReadInvitation = { token, claims, delegateKey: null, deviceKey: null, owner: null };
  const card = claims.inv;
  if (card?.own && card.to) invitation.owner = ownerOf(card.to, card.top);
  if (bundleText === undefined) return { ok: true, invitation };
  const bundle = decodeKeyBundle(bundleText);
  if (!bundle) return { ok: false, code: 'malformed' };
  if (bundle.dlg !== undefined && bundle.key !== undefined) {
    if (claims.role !== 'coordinator') return { ok: false, code: 'malformed' };
    invitation.delegateKey = await delegatedKey(bundle.dlg, bundle.key, claims.ws, claims.sub).catch(() => null);
    if (!invitation.delegateKey) return { ok: false, code: 'untrustedSigner' };
  }
  if (bundle.dk) {
    invitation.deviceKey = await deviceKeyOf(bundle.dk, claims).catch(() => null);
    if (!invitation.deviceKey) return { ok: false, code: 'untrustedSigner' };
  }
  if (bundle.me) invitation.owner = ownerOf(bundle.me.name, bundle.me.profession);
  return { ok: true, invitation };
}

function ownerOf(name: string, profession: string | undefined): Profile | null {
  const parsed = profileSchema.safeParse({ name, profession });
  return parsed.success ? parsed.data : null;
}

/** Stores the access this invitation gives; a coordinator opening an invitation they made keeps their own. */
export async function acceptInvitation({ token, claims, delegateKey, deviceKey }: ReadInvitation): Promise<string> {
  const { ws, role, sub, dev } = claims;
  const existing = await db.workspaces.get(ws);
  if (!existing?.rootKey) {
    await db.workspaces.put({
      id: ws,
      name: existing?.name || claims.inv?.cpts || '',
      joinedAt: existing?.joinedAt ?? new Date().toISOString(),
      rootKey: null,
      delegateKey,
      deviceKey,
      token,
      role,
      memberId: sub,
      deviceId: dev,
    });
  }
  return ws;
}
