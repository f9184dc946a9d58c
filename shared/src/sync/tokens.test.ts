import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { exportJWK } from 'jose';
import { calculateJwkThumbprint, decodeJwt, SignJWT } from 'jose';
import {
  issueAccessToken,
  issueDelegation,
  issueDeviceToken,
  msUntilExpiry,
  publicPart,
  verifyAccessToken,
  type SigningKey,
} from './tokens';
import { workspaceIdOfJwk } from './keys';
import { workspaceIdFromPublicKey } from './ids';
import { NOW, claims, newKey, workspace } from './tokenFixtures';

describe('access tokens', () => {
  it('derives the same workspace id as WebCrypto raw export', async () => {
    const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
    const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
    expect(await workspaceIdOfJwk(publicPart(await exportJWK(pair.publicKey)))).toBe(
      await workspaceIdFromPublicKey(raw),
    );
  });

  it('carries what the invitation page shows, signed with the token', async () => {
    const { root, ws } = await workspace();
    const inv = { cpts: 'CPTS du Val de Loire', by: 'Alice Martin', byp: 'medecin_generaliste', to: 'Agnès Roy' };
    const token = await issueAccessToken(root, { ...claims(ws), inv }, 3600, NOW);
    expect(await verifyAccessToken(token, NOW)).toMatchObject({ ok: true, claims: { inv } });
    // A card past its bounds is not an invitation this app makes: the token is refused whole.
    const long = await issueAccessToken(root, { ...claims(ws), inv: { ...inv, cpts: 'C'.repeat(121) } }, 3600, NOW);
    expect(await verifyAccessToken(long, NOW)).toEqual({ ok: false, code: 'malformed' });
  });

  it('round-trips a root-signed token', async () => {
    const { root, ws } = await workspace();
    const token = await issueAccessToken(root, claims(ws), 3600, NOW);
    const result = await verifyAccessToken(token, NOW + 1000);
    expect(result).toMatchObject({
      ok: true,
      claims: { ws, role: 'member', sub: 'member-0001' },
      signer: { kind: 'root' },
    });
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
    expect(await verifyAccessToken(await issueAccessToken(other, claims(ws), 60, NOW), NOW)).toEqual({
      ok: false,
      code: 'wrongWorkspace',
    });
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
      fc.asyncProperty(
        fc.integer({ min: token.length - signature!.length - 200, max: token.length - 2 }),
        fc.constantFrom(...alphabet),
        async (at, ch) => {
          fc.pre(token[at] !== ch && token[at] !== '.');
          const tampered = token.slice(0, at) + ch + token.slice(at + 1);
          expect((await verifyAccessToken(tampered, NOW)).ok).toBe(false);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('accepts a token signed by a delegated coordinator key, and names the delegation', async () => {
    const { root, ws } = await workspace();
    const second = await newKey();
    const delegation = await issueDelegation(
      root,
      { ws, sub: 'coord-00002', jti: 'deleg-00001', delegate: second.publicJwk },
      86_400,
      NOW,
    );
    const token = await issueAccessToken({ ...second, delegation }, claims(ws), 3600, NOW);
    expect(await verifyAccessToken(token, NOW)).toMatchObject({
      ok: true,
      signer: { kind: 'delegate', member: 'coord-00002', delegation: 'deleg-00001' },
    });
  });

  it('refuses a delegation signed by a non-root key, or for another key', async () => {
    const { root, ws } = await workspace();
    const mallory = await newKey();
    const forged = await issueDelegation(
      mallory,
      { ws, sub: 'coord-00002', jti: 'deleg-00001', delegate: mallory.publicJwk },
      86_400,
      NOW,
    );
    expect(
      (await verifyAccessToken(await issueAccessToken({ ...mallory, delegation: forged }, claims(ws), 60, NOW), NOW))
        .ok,
    ).toBe(false);
    const second = await newKey();
    const real = await issueDelegation(
      root,
      { ws, sub: 'coord-00002', jti: 'deleg-00001', delegate: second.publicJwk },
      86_400,
      NOW,
    );
    expect(
      await verifyAccessToken(await issueAccessToken({ ...mallory, delegation: real }, claims(ws), 60, NOW), NOW),
    ).toEqual({ ok: false, code: 'untrustedSigner' });
  });
});

describe('device keys: a person adds their own devices, each with its own id', () => {
  /** An invitation naming a device key, as the app makes it, and the key its holder keeps. */
  async function invitation(expiresIn = 3600, signer?: SigningKey) {
    const { root, ws } = await workspace();
    const deviceKey = await newKey();
    const dk = await calculateJwkThumbprint(deviceKey.publicJwk);
    const token = await issueAccessToken(signer ?? root, { ...claims(ws), dk }, expiresIn, NOW);
    const parsed = accessClaimsOf(token);
    return { root, ws, deviceKey, token, parent: { token, claims: parsed } };
  }
  const accessClaimsOf = (token: string) =>
    decodeJwt(token) as unknown as Parameters<typeof issueDeviceToken>[1]['claims'];

  it('accepts a token the device key signed for the same person, and says which device holds the key', async () => {
    const { deviceKey, parent } = await invitation();
    const phone = await issueDeviceToken(deviceKey, parent, { dev: 'device-phone1', jti: 'token-00002' }, NOW);
    expect(await verifyAccessToken(phone, NOW)).toMatchObject({
      ok: true,
      claims: { sub: 'member-0001', role: 'member', dev: 'device-phone1' },
      signer: { kind: 'root' },
      parentDevice: 'device-0001',
    });
    expect(decodeJwt(phone).exp).toBe(parent.claims.exp);
  });

  it('refuses what a device key may not do: another person, another role, a longer life, the same id, a grandchild', async () => {
    const { deviceKey, parent, ws } = await invitation();
    const sign = (payload: Record<string, unknown>, key = deviceKey) =>
      new SignJWT({
        typ: 'access',
        ws,
        sub: 'member-0001',
        role: 'member',
        dev: 'device-other',
        jti: 'token-00009',
        prt: parent.token,
        ...payload,
      })
        .setProtectedHeader({ alg: 'ES256', jwk: key.publicJwk })
        .setIssuedAt(Math.floor(NOW / 1000))
        .setExpirationTime(parent.claims.exp)
        .sign(key.privateKey);
    const refused = { ok: false, code: 'untrustedSigner' };
    expect(await verifyAccessToken(await sign({ sub: 'member-0002' }), NOW)).toEqual(refused);
    expect(await verifyAccessToken(await sign({ role: 'coordinator' }), NOW)).toEqual(refused);
    expect(await verifyAccessToken(await sign({ dev: 'device-0001' }), NOW)).toEqual(refused);
    expect(await verifyAccessToken(await sign({}, await newKey()), NOW)).toEqual(refused);
    const longer = new SignJWT({
      typ: 'access',
      ws,
      sub: 'member-0001',
      role: 'member',
      dev: 'device-other',
      jti: 'token-00009',
      prt: parent.token,
    })
      .setProtectedHeader({ alg: 'ES256', jwk: deviceKey.publicJwk })
      .setIssuedAt(Math.floor(NOW / 1000))
      .setExpirationTime(parent.claims.exp + 60)
      .sign(deviceKey.privateKey);
    expect(await verifyAccessToken(await longer, NOW)).toEqual(refused);
    // A child names no key of its own and carries no delegation: a device key never begets another.
    expect(await verifyAccessToken(await sign({ dk: parent.claims.dk }), NOW)).toEqual({
      ok: false,
      code: 'malformed',
    });
    const child = await issueDeviceToken(deviceKey, parent, { dev: 'device-phone1', jti: 'token-00002' }, NOW);
    const grandchild = await issueDeviceToken(
      deviceKey,
      { token: child, claims: { ...accessClaimsOf(child), dk: parent.claims.dk } },
      { dev: 'device-tab01', jti: 'token-00003' },
      NOW,
    );
    expect(await verifyAccessToken(grandchild, NOW)).toEqual(refused);
  });

  it('refuses a child whose parent expired, or was not signed for the workspace', async () => {
    const { deviceKey, parent } = await invitation(60);
    const phone = await issueDeviceToken(deviceKey, parent, { dev: 'device-phone1', jti: 'token-00002' }, NOW);
    expect(await verifyAccessToken(phone, NOW + 120_000)).toEqual({ ok: false, code: 'expired' });
    const mallory = await newKey();
    const forged = await invitation(3600, mallory);
    const child = await issueDeviceToken(
      forged.deviceKey,
      forged.parent,
      { dev: 'device-phone1', jti: 'token-00002' },
      NOW,
    );
    expect((await verifyAccessToken(child, NOW)).ok).toBe(false);
  });
});
