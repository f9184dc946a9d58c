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

const thumbprintSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{43}$/));
/** A parent token with its card and delegation stays well under this; the header that carries both has room. */
const MAX_PARENT_CHARS = 6144;

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
  /**
   * Device key: the thumbprint of a key whose private half came with this invitation. Its holder may sign tokens for
   * this same person and role on their other devices, each with a device id of its own (docs/decisions/0028).
   */
  dk: z.optional(thumbprintSchema),
  /** Set on a token a device key signed: the token that names that key (its parent, never itself a child). */
  prt: z.optional(z.string().check(z.maxLength(MAX_PARENT_CHARS))),
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
  key: thumbprintSchema,
});
export type DelegationClaims = z.infer<typeof delegationClaimsSchema>;

export type TokenError =
  'malformed' | 'badSignature' | 'expired' | 'notYetValid' | 'wrongWorkspace' | 'untrustedSigner';
/** Who signed: the root key, or a coordinator through a delegation (its jti, for revocation). */
export type Signer = { kind: 'root' } | { kind: 'delegate'; member: string; delegation: string };
export type Verified<C> = { ok: true; claims: C; signer: Signer } | { ok: false; code: TokenError };
/** An access token, and for one a device key signed, the device of the token that names the key. */
export type VerifiedAccess =
  { ok: true; claims: AccessClaims; signer: Signer; parentDevice: string | null } | { ok: false; code: TokenError };

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
  claims: { ws: string; sub: string; role: Role; dev: string; jti: string; inv?: InvitationCard; dk?: string },
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

/**
 * A token for another device of the same person, signed with the device key their invitation gave them: same
 * workspace, person and role as the parent token, a device id of its own, and no later expiry than the parent's.
 */
export function issueDeviceToken(
  deviceKey: SigningKey,
  parent: { token: string; claims: AccessClaims },
  claims: { dev: string; jti: string; inv?: InvitationCard },
  now = Date.now(),
): Promise<string> {
  const { ws, sub, role, exp } = parent.claims;
  return new SignJWT({ typ: 'access', ws, sub, role, ...claims, prt: parent.token })
    .setProtectedHeader({ alg: ALG, jwk: deviceKey.publicJwk })
    .setIssuedAt(Math.floor(now / 1000))
    .setExpirationTime(exp)
    .sign(deviceKey.privateKey);
}

export async function verifyAccessToken(token: string, now = Date.now()): Promise<VerifiedAccess> {
  const verified = await verifyJwt(token, accessClaimsSchema, now, MAX_ACCESS_TOKEN_SECONDS);
  if (!verified.ok) return verified;
  const { claims } = verified;
  if (claims.prt === undefined) {
    const signer = await verifySigner(claims.ws, verified.jwk, claims.dlg, now);
    return signer.ok ? { ok: true, claims, signer: signer.signer, parentDevice: null } : signer;
  }
  // Signed by a device key: the parent names that key and speaks for the workspace; the child may only narrow it.
  if (claims.dlg !== undefined || claims.dk !== undefined) return { ok: false, code: 'malformed' };
  const parent = await verifyJwt(claims.prt, accessClaimsSchema, now, MAX_ACCESS_TOKEN_SECONDS);
  if (!parent.ok) return { ok: false, code: parent.code === 'expired' ? 'expired' : 'untrustedSigner' };
  const p = parent.claims;
  if (p.prt !== undefined || p.dk === undefined) return { ok: false, code: 'untrustedSigner' };
  if ((await calculateJwkThumbprint(verified.jwk)) !== p.dk) return { ok: false, code: 'untrustedSigner' };
  if (
    p.ws !== claims.ws ||
    p.sub !== claims.sub ||
    p.role !== claims.role ||
    claims.exp > p.exp ||
    p.dev === claims.dev
  )
    return { ok: false, code: 'untrustedSigner' };
  const signer = await verifySigner(p.ws, parent.jwk, p.dlg, now);
  return signer.ok ? { ok: true, claims, signer: signer.signer, parentDevice: p.dev } : signer;
}

/** Milliseconds before the token stops being valid (0 if it already has). */
export function msUntilExpiry(claims: { exp: number }, now = Date.now()): number {
  return Math.max(0, claims.exp * 1000 - now);
}

export { publicPart };
