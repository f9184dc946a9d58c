// Signed requests to the relay (revocations): short-lived JWTs only a coordinator's key can sign.
import { decodeProtectedHeader, jwtVerify, SignJWT } from 'jose';
import { z } from 'zod/mini';
import { workspaceIdSchema } from './rooms';
import { importPublicKey, publicJwkSchema } from './keys';
import { delegationField, verifySigner, type SigningKey, type Verified } from './tokens';
import { idSchema } from './ids';
import { lifetimeProblem } from './tokenLifetimes';

export const REVOCATION_KINDS = ['member', 'device', 'delegation'] as const;
export const revokeRequestSchema = z.object({
  typ: z.literal('request'),
  action: z.literal('revoke'),
  ws: workspaceIdSchema,
  kind: z.enum(REVOCATION_KINDS),
  target: idSchema,
  jti: idSchema,
  iat: z.number(),
  exp: z.number(),
  dlg: delegationField,
});
export type RevokeRequest = z.infer<typeof revokeRequestSchema>;

/** A request is valid for one minute: long enough to reach the relay, too short to be worth replaying. */
const REQUEST_TTL_SECONDS = 60;

export function signRevokeRequest(
  key: SigningKey,
  body: { ws: string; kind: RevokeRequest['kind']; target: string; jti: string },
  now = Date.now(),
): Promise<string> {
  const iat = Math.floor(now / 1000);
  return new SignJWT({ typ: 'request', action: 'revoke', ...body, ...(key.delegation ? { dlg: key.delegation } : {}) })
    .setProtectedHeader({ alg: 'ES256', jwk: key.publicJwk })
    .setIssuedAt(iat)
    .setExpirationTime(iat + REQUEST_TTL_SECONDS)
    .sign(key.privateKey);
}

export async function verifyRevokeRequest(jwt: string, now = Date.now()): Promise<Verified<RevokeRequest>> {
  try {
    const jwk = publicJwkSchema.parse(decodeProtectedHeader(jwt).jwk);
    const { payload } = await jwtVerify(jwt, (await importPublicKey(jwk)).key, {
      algorithms: ['ES256'],
      currentDate: new Date(now),
    });
    const claims = revokeRequestSchema.safeParse(payload);
    if (!claims.success) return { ok: false, code: 'malformed' };
    const problem = lifetimeProblem(claims.data, now, REQUEST_TTL_SECONDS);
    if (problem) return { ok: false, code: problem };
    const signer = await verifySigner(claims.data.ws, jwk, claims.data.dlg, now);
    return signer.ok ? { ok: true, claims: claims.data, signer: signer.signer } : signer;
  } catch (err) {
    return { ok: false, code: err instanceof Error && err.name === 'JWTExpired' ? 'expired' : 'badSignature' };
  }
}
