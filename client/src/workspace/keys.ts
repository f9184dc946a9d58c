// The workspace's root key pair (ECDSA P-256, WebCrypto); the id is derived from the public key. The private key is
// stored non-extractable: its only copy in clear lives in memory for this session, to be saved as an encrypted backup.
import { privateJwkSchema, workspaceIdFromPublicKey, type PrivateJwk } from '@maillage/shared';

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' };

export async function generateRootKey(): Promise<{
  keyPair: CryptoKeyPair;
  workspaceId: string;
  privateJwk: PrivateJwk;
}> {
  const generated = await crypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify']);
  const privateJwk = privateJwkSchema.parse(await crypto.subtle.exportKey('jwk', generated.privateKey));
  // What is stored can sign but can never be read back out, even by code running in the page.
  const privateKey = await crypto.subtle.importKey('jwk', privateJwk, ALGORITHM, false, ['sign']);
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', generated.publicKey));
  return {
    keyPair: { privateKey, publicKey: generated.publicKey },
    workspaceId: await workspaceIdFromPublicKey(raw),
    privateJwk,
  };
}

/** Keys just created on this device, until their backup is saved or the page goes away. */
const unsavedBackups = new Map<string, PrivateJwk>();
export const offerBackup = (workspaceId: string, jwk: PrivateJwk) => unsavedBackups.set(workspaceId, jwk);
export const backupOffered = (workspaceId: string): PrivateJwk | null => unsavedBackups.get(workspaceId) ?? null;
export const backupDone = (workspaceId: string) => unsavedBackups.delete(workspaceId);
