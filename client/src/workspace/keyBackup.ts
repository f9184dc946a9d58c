// The root key's backup: its private half encrypted under a passphrase (PBKDF2-SHA-256, 600,000 rounds, then
// AES-256-GCM), as a small JSON file the coordinator keeps. Restoring it on a new device recreates the workspace
// there; nothing else is needed since the documents come back from the relay.
import { z } from 'zod/mini';
import {
  fromBase64,
  privateJwkSchema,
  publicPart,
  toBase64,
  workspaceIdOfJwk,
  type PrivateJwk,
} from '@maillage/shared';

const ITERATIONS = 600_000;

export const keyBackupSchema = z.object({
  format: z.literal('maillage-root-key'),
  version: z.literal(1),
  workspaceId: z.string().check(z.regex(/^[a-z2-7]{52}$/)),
  name: z.string().check(z.maxLength(120)),
  kdf: z.object({
    name: z.literal('PBKDF2'),
    hash: z.literal('SHA-256'),
    iterations: z.number().check(z.int(), z.minimum(100_000), z.maximum(10_000_000)),
    salt: z.string(),
  }),
  cipher: z.object({ name: z.literal('AES-GCM'), iv: z.string(), data: z.string() }),
});
export type KeyBackup = z.infer<typeof keyBackupSchema>;

export type RestoreError = 'file' | 'passphrase' | 'mismatch';

/** Passphrases guard a key that is the whole workspace: at least 12 characters. */
export const MIN_PASSPHRASE = 12;

async function aesKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, [
    'deriveKey',
  ]);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

export async function encryptRootKey(
  privateJwk: PrivateJwk,
  workspace: { id: string; name: string },
  passphrase: string,
): Promise<KeyBackup> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const key = await aesKey(passphrase, salt, ITERATIONS);
  const data = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(JSON.stringify(privateJwk))),
  );
  return {
    format: 'maillage-root-key',
    version: 1,
    workspaceId: workspace.id,
    name: workspace.name,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: ITERATIONS, salt: toBase64(salt) },
    cipher: { name: 'AES-GCM', iv: toBase64(iv), data: toBase64(data) },
  };
}

/** Reads a backup file: the key pair back (private half non-extractable), or why not. Nothing is stored here. */
export async function decryptRootKey(
  fileText: string,
  passphrase: string,
): Promise<{ ok: true; keyPair: CryptoKeyPair; backup: KeyBackup } | { ok: false; error: RestoreError }> {
  let backup: KeyBackup;
  try {
    const parsed = keyBackupSchema.safeParse(JSON.parse(fileText));
    if (!parsed.success) return { ok: false, error: 'file' };
    backup = parsed.data;
  } catch {
    return { ok: false, error: 'file' };
  }
  let jwk: PrivateJwk;
  try {
    const key = await aesKey(passphrase, fromBase64(backup.kdf.salt), backup.kdf.iterations);
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64(backup.cipher.iv) },
      key,
      fromBase64(backup.cipher.data),
    );
    jwk = privateJwkSchema.parse(JSON.parse(new TextDecoder().decode(plain)));
  } catch {
    return { ok: false, error: 'passphrase' };
  }
  if ((await workspaceIdOfJwk(publicPart(jwk))) !== backup.workspaceId) return { ok: false, error: 'mismatch' };
  const algorithm = { name: 'ECDSA', namedCurve: 'P-256' };
  const privateKey = await crypto.subtle.importKey('jwk', jwk, algorithm, false, ['sign']);
  const publicKey = await crypto.subtle.importKey('jwk', publicPart(jwk), algorithm, true, ['verify']);
  return { ok: true, keyPair: { privateKey, publicKey }, backup };
}
