import { describe, expect, it } from 'vitest';
import { exportJWK } from 'jose';
import { privateJwkSchema, publicPart, workspaceIdOfJwk } from '@maillage/shared';
import { decryptRootKey, encryptRootKey } from './keyBackup';

async function rootKey() {
  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
  const jwk = privateJwkSchema.parse(await exportJWK(pair.privateKey));
  return { jwk, id: await workspaceIdOfJwk(publicPart(jwk)) };
}

describe('root key backup', () => {
  it('restores the key that signs for the same workspace, with the right passphrase only', async () => {
    const { jwk, id } = await rootKey();
    const backup = await encryptRootKey(jwk, { id, name: 'CPTS Sauvegardée' }, 'une phrase de passe solide');
    const text = JSON.stringify(backup);
    expect(text).not.toContain(jwk.d);
    const restored = await decryptRootKey(text, 'une phrase de passe solide');
    expect(restored.ok).toBe(true);
    if (!restored.ok) return;
    const signature = await crypto.subtle.sign(
      { name: 'ECDSA', hash: 'SHA-256' },
      restored.keyPair.privateKey,
      new Uint8Array([1, 2, 3]),
    );
    const original = await crypto.subtle.importKey(
      'jwk',
      publicPart(jwk),
      { name: 'ECDSA', namedCurve: 'P-256' },
      false,
      ['verify'],
    );
    expect(
      await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, original, signature, new Uint8Array([1, 2, 3])),
    ).toBe(true);
    expect(restored.keyPair.privateKey.extractable).toBe(false);
    expect(await decryptRootKey(text, 'une autre phrase de passe')).toEqual({ ok: false, error: 'passphrase' });
  });

  it('refuses a file that is not a backup, or one whose key does not match its workspace', async () => {
    expect(await decryptRootKey('{"hello":1}', 'x')).toEqual({ ok: false, error: 'file' });
    expect(await decryptRootKey('not json', 'x')).toEqual({ ok: false, error: 'file' });
    const a = await rootKey();
    const b = await rootKey();
    const forged = await encryptRootKey(a.jwk, { id: b.id, name: 'Autre' }, 'une phrase de passe solide');
    expect(await decryptRootKey(JSON.stringify(forged), 'une phrase de passe solide')).toEqual({
      ok: false,
      error: 'mismatch',
    });
  });
});
