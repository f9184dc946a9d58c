// Test workspaces: a root key made here (WebCrypto), and access tokens for any role, as the app issues them.
import { exportJWK } from 'jose';
import {
  issueAccessToken,
  issueDelegation,
  newDocId,
  publicPart,
  signRevokeRequest,
  workspaceIdOfJwk,
  type RevokeRequest,
  type Role,
  type SigningKey,
} from '@maillage/shared';

export interface TestWorkspace {
  ws: string;
  root: SigningKey;
  token(options?: {
    role?: Role;
    member?: string;
    device?: string;
    expiresInSeconds?: number;
    now?: number;
    key?: SigningKey;
  }): Promise<string>;
  /** A coordinator key of its own, with a root-signed delegation. */
  delegate(member: string): Promise<{ key: SigningKey; jti: string }>;
  /** Posts a signed revocation of `target` (a member unless told) to the relay at `relayUrl`; signed by the root unless told. */
  revokeThrough(
    relayUrl: string,
    target: string,
    options?: { kind?: RevokeRequest['kind']; key?: SigningKey },
  ): Promise<Response>;
}

export async function newSigningKey(): Promise<SigningKey> {
  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
  return { privateKey: pair.privateKey, publicJwk: publicPart(await exportJWK(pair.publicKey)) };
}

export async function newTestWorkspace(): Promise<TestWorkspace> {
  const root = await newSigningKey();
  const ws = await workspaceIdOfJwk(root.publicJwk);
  return {
    ws,
    root,
    token: ({
      role = 'member',
      member = newDocId(),
      device = newDocId(),
      expiresInSeconds = 3600,
      now = Date.now(),
      key = root,
    } = {}) => issueAccessToken(key, { ws, sub: member, role, dev: device, jti: newDocId() }, expiresInSeconds, now),
    delegate: async (member) => {
      const key = await newSigningKey();
      const jti = newDocId();
      const delegation = await issueDelegation(root, { ws, sub: member, jti, delegate: key.publicJwk }, 86_400);
      return { key: { ...key, delegation }, jti };
    },
    revokeThrough: async (relayUrl, target, { kind = 'member', key = root } = {}) => {
      const body = await signRevokeRequest(key, { ws, kind, target, jti: newDocId() });
      return fetch(new URL('revoke', relayUrl.endsWith('/') ? relayUrl : `${relayUrl}/`), { method: 'POST', body });
    },
  };
}
