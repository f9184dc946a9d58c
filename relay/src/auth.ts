// Admission by token: verified on the upgrade, before any byte of a document flows; revocations and room ownership checked too.
import type { IncomingMessage } from 'node:http';
import { verifyAccessToken, type RoomRef, type TokenError } from '@maillage/shared';
import type { Admission, Admit } from './admission';
import type { Revocations } from './revocations';

const REFUSAL: Record<TokenError, 'tokenExpired' | 'unauthorized'> = {
  expired: 'tokenExpired',
  malformed: 'unauthorized',
  badSignature: 'unauthorized',
  notYetValid: 'unauthorized',
  wrongWorkspace: 'unauthorized',
  untrustedSigner: 'unauthorized',
};

/** The token travels in the `token` query parameter: WebSocket upgrades carry no other header a browser can set. */
export function tokenOf(request: IncomingMessage): string | null {
  return new URL(request.url ?? '/', 'http://relay').searchParams.get('token');
}

export function tokenAdmission(revocations: Revocations, now: () => number = Date.now): Admit {
  return async (request: IncomingMessage, room: RoomRef): Promise<Admission> => {
    const token = tokenOf(request);
    if (!token) return { ok: false, code: 'unauthorized' };
    const verified = await verifyAccessToken(token, now());
    if (!verified.ok) return { ok: false, code: REFUSAL[verified.code] };
    const { claims, signer } = verified;
    if (claims.ws !== room.workspaceId) return { ok: false, code: 'forbidden' };
    const ws = claims.ws;
    if (
      revocations.has({ ws, kind: 'member', target: claims.sub }) ||
      revocations.has({ ws, kind: 'device', target: claims.dev }) ||
      (signer.kind === 'delegate' && revocations.has({ ws, kind: 'delegation', target: signer.delegation }))
    ) {
      return { ok: false, code: 'revoked' };
    }
    return {
      ok: true,
      principal: {
        memberId: claims.sub,
        deviceId: claims.dev,
        delegation: signer.kind === 'delegate' ? signer.delegation : null,
        role: claims.role,
        canWrite: claims.role !== 'observer',
        expiresAt: claims.exp * 1000,
      },
    };
  };
}
