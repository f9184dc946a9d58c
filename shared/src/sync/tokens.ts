// Access tokens: ES256 JWTs signed by the workspace's root key, or by a coordinator key the root delegated to.
// The relay checks them with no registry: the signing key (or the delegation's signer) must hash to the workspace id.
import { calculateJwkThumbprint, decodeProtectedHeader, jwtVerify, SignJWT, errors } from 'jose';
import { z } from 'zod/mini';
import { workspaceIdSchema } from './rooms';
import { idSchema } from './ids';
import { importPublicKey, publicJwkSchema, publicPart, type PublicJwk } from './keys';
import { lifetimeProblem, MAX_ACCESS_TOKEN_SECONDS, MAX_DELEGATION_SECONDS } from './tokenLifetimes';
import { roleSchema, type Role } from './roles';
import { invitationCardSchema, type InvitationCard } from './invitationCard';

/** A root-signed delegation, when a coordinator's own key signed a token or a request. */
export const delegationField = z.optional(z.string().check(z.maxLength(4096)));

export const accessClaimsSchema = z.object({
  typ: z.literal('access'),
  ws: workspaceIdSchema,
  sub: idSchema,
  role: roleSchema,
  dev: idSchema,
  jti: idSchema,
  iat: z.number(),
  exp: z.number(),
  dlg: delegationField,
  /** What the invitation page shows (absent from the creator's own token and from older invitations). */
  inv: z.optional(invitationCardSchema),
});
export type AccessClaims = z.infer<typeof accessClaimsSchema>;

export const delegationClaimsSchema = z.object({
  typ: z.literal('delegation'),
  ws: workspaceIdSchema,
  sub: idSchema,
  jti: idSchema,
  iat: z.number(),
  exp: z.number(),
  /** Thumbprint (RFC 7638) of the delegate's public key. */
  key: z.string().check(z.regex(/^[A-Za-z0-9_-]{43}$/)),
});
export type DelegationClaims = z.infer<typeof delegationClaimsSchema>;

export type TokenError =
  'malformed' | 'badSignature' | 'expired' | 'notYetValid' | 'wrongWorkspace' | 'untrustedSigner';
/** Who signed: the root key, or a coordinator through a delegation (its jti, for revocation). */
export type Signer = { kind: 'root' } | { kind: 'delegate'; member: string; delegation: string };
export type Verified<C> = { ok: true; claims: C; signer: Signer } | { ok: false; code: TokenError };

export interface SigningKey {
  privateKey: CryptoKey;
  publicJwk: PublicJwk;
  /** Set when this key is a coordinator's delegated key: the root-signed delegation. */
  delegation?: string;
}

const ALG = 'ES256';

async function sign(
  key: SigningKey,
  payload: Record<string, unknown>,
  expiresInSeconds: number,
  now: number,
): Promise<string> {
  const iat = Math.floor(now / 1000);
  return new SignJWT(payload)
    .setProtectedHeader({ alg: ALG, jwk: key.publicJwk })
    .setIssuedAt(iat)
    .setExpirationTime(iat + expiresInSeconds)
    .sign(key.privateKey);
}

export function issueAccessToken(
  key: SigningKey,
  claims: { ws: string; sub: string; role: Role; dev: string; jti: string; inv?: InvitationCard },
  expiresInSeconds: number,
  now = Date.now(),
): Promise<string> {
  return sign(
    key,
    { typ: 'access', ...claims, ...(key.delegation ? { dlg: key.delegation } : {}) },
    expiresInSeconds,
    now,
  );
}

/** The root key lets a coordinator's own key sign tokens, so the workspace survives the loss of the first device. */
export async function issueDelegation(
  root: SigningKey,
  claims: { ws: string; sub: string; jti: string; delegate: PublicJwk },
  expiresInSeconds: number,
  now = Date.now(),
): Promise<string> {
  const key = await calculateJwkThumbprint(claims.delegate);
  return sign(root, { typ: 'delegation', ws: claims.ws, sub: claims.sub, jti: claims.jti, key }, expiresInSeconds, now);
}

/** Checks signature, time and schema of any of our JWTs; returns its payload and signing JWK. */
async function verifyJwt<S extends z.ZodMiniType<{ iat: number; exp: number }>>(
  token: string,
  schema: S,
  now: number,
  maxSeconds: number,
): Promise<{ ok: true; claims: z.infer<S>; jwk: PublicJwk } | { ok: false; code: TokenError }> {
  let jwk: PublicJwk;
  try {
    const header = decodeProtectedHeader(token);
    if (header.alg !== ALG) return { ok: false, code: 'malformed' };
    jwk = publicJwkSchema.parse(header.jwk);
  } catch {
    return { ok: false, code: 'malformed' };
  }
  try {
    const { key } = await importPublicKey(jwk);
    const { payload } = await jwtVerify(token, key, { algorithms: [ALG], currentDate: new Date(now) });
    const claims = schema.safeParse(payload);
    if (!claims.success) return { ok: false, code: 'malformed' };
    // jose checks exp but not how far ahead it is, nor an iat in the future: a token good until 2200 would pass.
    const problem = lifetimeProblem(claims.data, now, maxSeconds);
    return problem ? { ok: false, code: problem } : { ok: true, claims: claims.data, jwk };
  } catch (err) {
    if (err instanceof errors.JWTExpired) return { ok: false, code: 'expired' };
    if (err instanceof errors.JWTClaimValidationFailed && err.claim === 'nbf')
      return { ok: false, code: 'notYetValid' };
    if (err instanceof errors.JWTClaimValidationFailed && err.claim === 'iat')
      return { ok: false, code: 'notYetValid' };
    if (err instanceof errors.JWSSignatureVerificationFailed) return { ok: false, code: 'badSignature' };
    return { ok: false, code: 'malformed' };
  }
}

/** Verifies a token's signer chain: the root key itself, or a live delegation from it. */
export async function verifySigner(
  ws: string,
  jwk: PublicJwk,
  delegation: string | undefined,
  now: number,
): Promise<Verified<null>> {
  if (!delegation)
    return (await importPublicKey(jwk)).workspaceId === ws
      ? { ok: true, claims: null, signer: { kind: 'root' } }
      : { ok: false, code: 'wrongWorkspace' };
  const dlg = await verifyJwt(delegation, delegationClaimsSchema, now, MAX_DELEGATION_SECONDS);
  if (!dlg.ok) return { ok: false, code: dlg.code === 'expired' ? 'expired' : 'untrustedSigner' };
  if (dlg.claims.ws !== ws || (await importPublicKey(dlg.jwk)).workspaceId !== ws)
    return { ok: false, code: 'wrongWorkspace' };
  if ((await calculateJwkThumbprint(jwk)) !== dlg.claims.key) return { ok: false, code: 'untrustedSigner' };
  return { ok: true, claims: null, signer: { kind: 'delegate', member: dlg.claims.sub, delegation: dlg.claims.jti } };
}

export async function verifyAccessToken(token: string, now = Date.now()): Promise<Verified<AccessClaims>> {
  const verified = await verifyJwt(token, accessClaimsSchema, now, MAX_ACCESS_TOKEN_SECONDS);
  if (!verified.ok) return verified;
  const signer = await verifySigner(verified.claims.ws, verified.jwk, verified.claims.dlg, now);
  return signer.ok ? { ok: true, claims: verified.claims, signer: signer.signer } : signer;
}

/** Milliseconds before the token stops being valid (0 if it already has). */
export function msUntilExpiry(claims: { exp: number }, now = Date.now()): number {
  return Math.max(0, claims.exp * 1000 - now);
}

export { publicPart };
