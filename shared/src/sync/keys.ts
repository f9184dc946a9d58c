// Public keys as JWKs (ES256 / P-256), and the raw point a workspace id is derived from.
import { z } from 'zod/mini';
import { workspaceIdFromPublicKey } from './ids';

export const publicJwkSchema = z.object({
  kty: z.literal('EC'),
  crv: z.literal('P-256'),
  x: z.string().check(z.regex(/^[A-Za-z0-9_-]{43}$/)),
  y: z.string().check(z.regex(/^[A-Za-z0-9_-]{43}$/)),
});
export type PublicJwk = z.infer<typeof publicJwkSchema>;

function fromBase64Url(text: string): Uint8Array {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

/** The uncompressed point 0x04‖x‖y: the same bytes WebCrypto's `exportKey('raw')` gives. */
export function rawPublicKey(jwk: PublicJwk): Uint8Array {
  return new Uint8Array([4, ...fromBase64Url(jwk.x), ...fromBase64Url(jwk.y)]);
}

export function workspaceIdOfJwk(jwk: PublicJwk): Promise<string> {
  return workspaceIdFromPublicKey(rawPublicKey(jwk));
}

/** Only the public members, whatever else an exported JWK carries. */
export function publicPart(jwk: { kty?: string; crv?: string; x?: string; y?: string }): PublicJwk {
  return publicJwkSchema.parse({ kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y });
}
