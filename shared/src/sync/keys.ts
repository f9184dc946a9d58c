// Public keys as JWKs (ES256 / P-256), and the raw point a workspace id is derived from.
import { z } from 'zod/mini';
import { workspaceIdFromPublicKey } from './ids';
import { fromBase64Url } from './base64';

export const publicJwkSchema = z.object({
  kty: z.literal('EC'),
  crv: z.literal('P-256'),
  x: z.string().check(z.regex(/^[A-Za-z0-9_-]{43}$/)),
  y: z.string().check(z.regex(/^[A-Za-z0-9_-]{43}$/)),
});
export type PublicJwk = z.infer<typeof publicJwkSchema>;

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

/**
 * Imported keys and their workspace ids, remembered: every token of a workspace is signed by the same few keys,
 * and importing one (plus hashing it) costs more than checking the signature. Bounded, oldest out first.
 */
const KEY_CACHE_SIZE = 1024;
const keyCache = new Map<string, Promise<{ key: CryptoKey; workspaceId: string }>>();

export function importPublicKey(jwk: PublicJwk): Promise<{ key: CryptoKey; workspaceId: string }> {
  const id = `${jwk.x}.${jwk.y}`;
  let entry = keyCache.get(id);
  if (!entry) {
    entry = Promise.all([
      crypto.subtle.importKey('jwk', { ...jwk, ext: true }, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']),
      workspaceIdOfJwk(jwk),
    ]).then(([key, workspaceId]) => ({ key, workspaceId }));
    // A point that is not on the curve fails to import: forget it so the cache holds only real keys.
    entry.catch(() => keyCache.delete(id));
    if (keyCache.size >= KEY_CACHE_SIZE) keyCache.delete(keyCache.keys().next().value!);
    keyCache.set(id, entry);
  }
  return entry;
}
