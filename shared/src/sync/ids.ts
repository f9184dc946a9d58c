// Ids: a workspace id is derived from its root public key (self-certifying); documents get random ids.
import { z } from 'zod/mini';

/** Every id we mint or accept (documents, members, devices, token ids): 8–64 url-safe characters. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;
export const idSchema = z.string().check(z.regex(ID_PATTERN));
export const memberIdSchema = z.string().check(z.regex(ID_PATTERN, 'errors.memberId'));

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

export function base32(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(buffer << (5 - bits)) & 31];
  return out;
}

/** base32(SHA-256(raw public key bytes)): anyone holding the key can check the id. */
export async function workspaceIdFromPublicKey(rawPublicKey: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', rawPublicKey as Uint8Array<ArrayBuffer>);
  return base32(new Uint8Array(digest));
}

const URL_SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';

/** 21 random url-safe characters (126 bits), like nanoid. */
export function newDocId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(21));
  let id = '';
  for (const b of bytes) id += URL_SAFE[b & 63];
  return id;
}
