import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { exportJWK } from 'jose';
import { issueAccessToken, issueDelegation, msUntilExpiry, publicPart, verifyAccessToken, type SigningKey } from './tokens';
import { signRevokeRequest, verifyRevokeRequest } from './requests';
import { workspaceIdOfJwk } from './keys';
import { workspaceIdFromPublicKey } from './ids';

const NOW = Date.parse('2026-11-24T10:00:00Z');

async function newKey(): Promise<SigningKey> {
  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
  return { privateKey: pair.privateKey, publicJwk: publicPart(await exportJWK(pair.publicKey)) };
}

async function workspace() {
  const root = await newKey();
  return { root, ws: await workspaceIdOfJwk(root.publicJwk) };
}

const claims = (ws: string) => ({ ws, sub: 'member-0001', role: 'member' as const, dev: 'device-0001', jti: 'token-00001' });

describe('access tokens', () => {
  it('derives the same workspace id as WebCrypto raw export', async () => {
    const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
    const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
    expect(await workspaceIdOfJwk(publicPart(await exportJWK(pair.publicKey)))).toBe(await workspaceIdFromPublicKey(raw));
  });

  it('round-trips a root-signed token', async () => {
    const { root, ws } = await workspace();
    const token = await issueAccessToken(root, claims(ws), 3600, NOW);
    const result = await verifyAccessToken(token, NOW + 1000);
    expect(result).toMatchObject({ ok: true, claims: { ws, role: 'member', sub: 'member-0001' }, signer: { kind: 'root' } });
    if (result.ok) expect(msUntilExpiry(result.claims, NOW + 1000)).toBe(3599_000);
  });

  it('refuses an expired token and one from the future', async () => {
    const { root, ws } = await workspace();
    const token = await issueAccessToken(root, claims(ws), 60, NOW);
    expect(await verifyAccessToken(token, NOW + 61_000)).toEqual({ ok: false, code: 'expired' });
  });

  it('refuses a token signed by a key that is not the workspace root', async () => {
    const { ws } = await workspace();
    const other = await newKey();
    expect(await verifyAccessToken(await issueAccessToken(other, claims(ws), 60, NOW), NOW)).toEqual({ ok: false, code: 'wrongWorkspace' });
  });

  it('refuses garbage', async () => {
    expect(await verifyAccessToken('not.a.token', NOW)).toEqual({ ok: false, code: 'malformed' });
    expect(await verifyAccessToken('', NOW)).toEqual({ ok: false, code: 'malformed' });
  });

  it('refuses a tampered byte of the signature or payload', async () => {
    const { root, ws } = await workspace();
    const token = await issueAccessToken(root, claims(ws), 3600, NOW);
    const [, , signature] = token.split('.');
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: token.length - signature!.length - 200, max: token.length - 2 }), fc.constantFrom(...alphabet), async (at, ch) => {
        fc.pre(token[at] !== ch && token[at] !== '.');
        const tampered = token.slice(0, at) + ch + token.slice(at + 1);
        expect((await verifyAccessToken(tampered, NOW)).ok).toBe(false);
      }),
      { numRuns: 60 },
    );
  });

  it('accepts a token signed by a delegated coordinator key, and names the delegation', async () => {
    const { root, ws } = await workspace();
    const second = await newKey();
    const delegation = await issueDelegation(root, { ws, sub: 'coord-00002', jti: 'deleg-00001', delegate: second.publicJwk }, 86_400, NOW);
    const token = await issueAccessToken({ ...second, delegation }, claims(ws), 3600, NOW);
    expect(await verifyAccessToken(token, NOW)).toMatchObject({ ok: true, signer: { kind: 'delegate', member: 'coord-00002', delegation: 'deleg-00001' } });
  });

  it('refuses a delegation signed by a non-root key, or for another key', async () => {
    const { root, ws } = await workspace();
    const mallory = await newKey();
    const forged = await issueDelegation(mallory, { ws, sub: 'coord-00002', jti: 'deleg-00001', delegate: mallory.publicJwk }, 86_400, NOW);
    expect((await verifyAccessToken(await issueAccessToken({ ...mallory, delegation: forged }, claims(ws), 60, NOW), NOW)).ok).toBe(false);
    const second = await newKey();
    const real = await issueDelegation(root, { ws, sub: 'coord-00002', jti: 'deleg-00001', delegate: second.publicJwk }, 86_400, NOW);
    expect(await verifyAccessToken(await issueAccessToken({ ...mallory, delegation: real }, claims(ws), 60, NOW), NOW)).toEqual({ ok: false, code: 'untrustedSigner' });
  });
});

describe('revocation requests', () => {
  it('verifies a coordinator-signed request and refuses it after its minute', async () => {
    const { root, ws } = await workspace();
    const request = await signRevokeRequest(root, { ws, kind: 'member', target: 'member-0001', jti: 'req-000001' }, NOW);
    expect(await verifyRevokeRequest(request, NOW + 5000)).toMatchObject({ ok: true, claims: { kind: 'member', target: 'member-0001' } });
    expect((await verifyRevokeRequest(request, NOW + 61_000)).ok).toBe(false);
    const other = await newKey();
    expect(await verifyRevokeRequest(await signRevokeRequest(other, { ws, kind: 'member', target: 'member-0001', jti: 'req-000002' }, NOW), NOW)).toEqual({ ok: false, code: 'wrongWorkspace' });
  });
});
