// The workspace's root key pair (ECDSA P-256, WebCrypto): the private key never leaves this device; the id is derived from the public key.
import { workspaceIdFromPublicKey } from '@maillage/shared';

export async function generateRootKey(): Promise<{ keyPair: CryptoKeyPair; workspaceId: string }> {
  const keyPair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', keyPair.publicKey));
  return { keyPair, workspaceId: await workspaceIdFromPublicKey(raw) };
}
