// Joining from an invitation link: the token (and a coordinator's delegated key, if any) is verified on this device
// before anything is stored, so a bad link changes nothing.
import {
  decodeKeyBundle,
  KEY_BUNDLE_SEPARATOR,
  publicPart,
  verifyAccessToken,
  verifySigner,
  type SigningKey,
  type TokenError,
} from '@maillage/shared';
import { db } from '../store/db';

export type JoinResult = { ok: true; workspaceId: string } | { ok: false; code: TokenError | 'missing' };

/** The delegated key of a coordinator invitation, checked against the token it came with. */
async function delegatedKey(bundleText: string, ws: string, sub: string): Promise<SigningKey | null> {
  const bundle = decodeKeyBundle(bundleText);
  if (!bundle) return null;
  const publicJwk = publicPart(bundle.key);
  const chain = await verifySigner(ws, publicJwk, bundle.dlg, Date.now());
  if (!chain.ok || chain.signer.kind !== 'delegate' || chain.signer.member !== sub) return null;
  const privateKey = await crypto.subtle.importKey('jwk', bundle.key, { name: 'ECDSA', namedCurve: 'P-256' }, false, [
    'sign',
  ]);
  return { privateKey, publicJwk, delegation: bundle.dlg };
}

/** Joins from an invitation link: `<token>` or, for a coordinator, `<token>~<delegated key>`. */
export async function joinWithInvitation(fragment: string): Promise<JoinResult> {
  const [token = '', bundleText] = fragment.split(KEY_BUNDLE_SEPARATOR);
  if (!token) return { ok: false, code: 'missing' };
  const verified = await verifyAccessToken(token);
  if (!verified.ok) return verified;
  const { ws, role, sub, dev } = verified.claims;
  let delegateKey: SigningKey | null = null;
  if (bundleText !== undefined) {
    if (role !== 'coordinator') return { ok: false, code: 'malformed' };
    delegateKey = await delegatedKey(bundleText, ws, sub).catch(() => null);
    if (!delegateKey) return { ok: false, code: 'untrustedSigner' };
  }
  const existing = await db.workspaces.get(ws);
  // A coordinator opening an invitation they made keeps their own, stronger access.
  if (!existing?.rootKey) {
    await db.workspaces.put({
      id: ws,
      name: existing?.name ?? '',
      joinedAt: existing?.joinedAt ?? new Date().toISOString(),
      rootKey: null,
      delegateKey,
      token,
      role,
      memberId: sub,
      deviceId: dev,
    });
  }
  return { ok: true, workspaceId: ws };
}
