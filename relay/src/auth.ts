// Admission by token: verified on the upgrade, before any byte of a document flows; revocations and room ownership checked too.
import type { IncomingMessage } from 'node:http';
import {
  aclAdmits,
  roomName,
  tokenOfProtocols,
  verifyAccessToken,
  type AccessClaims,
  type RoomRef,
  type Signer,
  type TokenError,
} from '@maillage/shared/sync';
import type { Admission, Admit } from './admission';
import type { Revocations } from './revocations';
import type { Acls } from './acls';
import { parseTarget } from './requestTarget';

const REFUSAL: Record<TokenError, 'tokenExpired' | 'unauthorized'> = {
  expired: 'tokenExpired',
  malformed: 'unauthorized',
  badSignature: 'unauthorized',
  notYetValid: 'unauthorized',
  wrongWorkspace: 'unauthorized',
  untrustedSigner: 'unauthorized',
};

/**
 * The token travels in the `Sec-WebSocket-Protocol` header (the one header a browser sets on an upgrade), out of every
 * URL; `?token=` is still read for clients that predate it, until protocol 2 (docs/decisions/0014-token-out-of-urls.md).
 */
export function tokenOf(request: IncomingMessage): string | null {
  return (
    tokenOfProtocols(request.headers['sec-websocket-protocol']) ?? parseTarget(request.url)?.query.get('token') ?? null
  );
}

export type Authenticated =
  | { ok: true; claims: AccessClaims; signer: Signer; parentDevice: string | null }
  | { ok: false; code: 'tokenExpired' | 'unauthorized' | 'revoked'; claims?: AccessClaims };

/** Verifies an access token and checks it against the revocations: the one gate for sockets and HTTP requests. */
export async function authenticate(
  token: string | null | undefined,
  revocations: Revocations,
  now: number,
): Promise<Authenticated> {
  if (!token) return { ok: false, code: 'unauthorized' };
  const verified = await verifyAccessToken(token, now);
  if (!verified.ok) return { ok: false, code: REFUSAL[verified.code] };
  const { claims, signer, parentDevice } = verified;
  const ws = claims.ws;
  if (
    revocations.has({ ws, kind: 'member', target: claims.sub }) ||
    revocations.has({ ws, kind: 'device', target: claims.dev }) ||
    // A device added with a device key goes with the device that holds the key (docs/decisions/0028).
    (parentDevice !== null && revocations.has({ ws, kind: 'device', target: parentDevice })) ||
    !revocations.trusts(ws, signer)
  ) {
    return { ok: false, code: 'revoked', claims };
  }
  return { ok: true, claims, signer, parentDevice };
}

export function tokenAdmission(revocations: Revocations, acls: Acls, now: () => number = Date.now): Admit {
  return async (request: IncomingMessage, room: RoomRef): Promise<Admission> => {
    const verified = await authenticate(tokenOf(request), revocations, now());
    const whoOf = (c: AccessClaims) => ({ memberId: c.sub, deviceId: c.dev, role: c.role });
    if (!verified.ok)
      return verified.claims
        ? { ok: false, code: verified.code, who: whoOf(verified.claims) }
        : { ok: false, code: verified.code };
    const { claims, signer, parentDevice } = verified;
    if (claims.ws !== room.workspaceId) return { ok: false, code: 'forbidden' };
    // A restricted room admits its list only, whatever the role: a valid workspace token is not enough.
    const acl = acls.get(roomName(room));
    if (acl && !aclAdmits(acl, claims.sub)) return { ok: false, code: 'forbidden', who: whoOf(claims) };
    return {
      ok: true,
      principal: {
        memberId: claims.sub,
        deviceId: claims.dev,
        parentDevice,
        delegation: signer.kind === 'delegate' ? signer.delegation : null,
        signerMember: signer.kind === 'delegate' ? signer.member : null,
        role: claims.role,
        // An observer writes nothing shared, except in a report's room they are listed on: their own report (decision 0032).
        canWrite: claims.role !== 'observer' || acl?.kind === 'report',
        expiresAt: claims.exp * 1000,
      },
    };
  };
}
