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
import { signRevokeRequest, verifyRevokeRequest } from './requests';
import { workspaceIdOfJwk } from './keys';
import { workspaceIdFromPublicKey } from './ids';
import { CLOCK_SKEW_SECONDS, DAY_SECONDS, DELEGATION_DAYS, INVITATION_DAYS, OWN_TOKEN_DAYS } from './tokenLifetimes';

const NOW = Date.parse('2026-11-24T10:00:00Z');

async function newKey(): Promise<SigningKey> {
  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
  return { privateKey: pair.privateKey, publicJwk: publicPart(await exportJWK(pair.publicKey)) };
}

async function workspace() {
  const root = await newKey();
  return { root, ws: await workspaceIdOfJwk(root.publicJwk) };
}

const claims = (ws: string) => ({
  ws,
  sub: 'member-0001',
  role: 'member' as const,
  dev: 'device-0001',
  jti: 'token-00001',
});

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

describe('token lifetimes', () => {
  const YEAR_2200 = Date.parse('2200-01-01T00:00:00Z') / 1000;

  it('refuses an access token that lives until 2200', async () => {
    const { root, ws } = await workspace();
    const token = await issueAccessToken(root, claims(ws), YEAR_2200 - NOW / 1000, NOW);
    expect(await verifyAccessToken(token, NOW)).toEqual({ ok: false, code: 'malformed' });
  });

  it('refuses a token issued a year from now, and one issued just past the clock skew', async () => {
    const { root, ws } = await workspace();
    expect(
      await verifyAccessToken(await issueAccessToken(root, claims(ws), 3600, NOW + 365 * DAY_SECONDS * 1000), NOW),
    ).toEqual({ ok: false, code: 'notYetValid' });
    expect(
      await verifyAccessToken(
        await issueAccessToken(root, claims(ws), 3600, NOW + (CLOCK_SKEW_SECONDS + 2) * 1000),
        NOW,
      ),
    ).toEqual({ ok: false, code: 'notYetValid' });
  });

  it('accepts a token from a device whose clock is a little ahead', async () => {
    const { root, ws } = await workspace();
    expect(
      (
        await verifyAccessToken(
          await issueAccessToken(root, claims(ws), 3600, NOW + (CLOCK_SKEW_SECONDS - 2) * 1000),
          NOW,
        )
      ).ok,
    ).toBe(true);
  });

  it("accepts the app's own longest tokens and delegation: its own token, its longest invitation, a coordinator key", async () => {
    const { root, ws } = await workspace();
    for (const days of [OWN_TOKEN_DAYS, Math.max(...INVITATION_DAYS)]) {
      expect((await verifyAccessToken(await issueAccessToken(root, claims(ws), days * DAY_SECONDS, NOW), NOW)).ok).toBe(
        true,
      );
    }
    const second = await newKey();
    const delegation = await issueDelegation(
      root,
      { ws, sub: 'coord-00002', jti: 'deleg-00001', delegate: second.publicJwk },
      DELEGATION_DAYS * DAY_SECONDS,
      NOW,
    );
    const token = await issueAccessToken({ ...second, delegation }, claims(ws), OWN_TOKEN_DAYS * DAY_SECONDS, NOW);
    expect(await verifyAccessToken(token, NOW)).toMatchObject({ ok: true, signer: { kind: 'delegate' } });
  });

  it('refuses a token signed under a delegation that lives ten years, or was issued a year from now', async () => {
    const { root, ws } = await workspace();
    const second = await newKey();
    const forever = await issueDelegation(
      root,
      { ws, sub: 'coord-00002', jti: 'deleg-00001', delegate: second.publicJwk },
      10 * 365 * DAY_SECONDS,
      NOW,
    );
    expect(
      await verifyAccessToken(await issueAccessToken({ ...second, delegation: forever }, claims(ws), 3600, NOW), NOW),
    ).toEqual({ ok: false, code: 'untrustedSigner' });
    const ahead = await issueDelegation(
      root,
      { ws, sub: 'coord-00002', jti: 'deleg-00002', delegate: second.publicJwk },
      3600,
      NOW + 365 * DAY_SECONDS * 1000,
    );
    expect(
      await verifyAccessToken(await issueAccessToken({ ...second, delegation: ahead }, claims(ws), 3600, NOW), NOW),
    ).toEqual({ ok: false, code: 'untrustedSigner' });
  });
});

describe('revocation requests', () => {
  it('refuses a request issued in the future, beyond the clock skew', async () => {
    const { root, ws } = await workspace();
    const request = await signRevokeRequest(
      root,
      { ws, kind: 'member', target: 'member-0001', jti: 'req-000001' },
      NOW + 3600_000,
    );
    expect(await verifyRevokeRequest(request, NOW)).toEqual({ ok: false, code: 'notYetValid' });
  });

  it('verifies a coordinator-signed request and refuses it after its minute', async () => {
    const { root, ws } = await workspace();
    const request = await signRevokeRequest(
      root,
      { ws, kind: 'member', target: 'member-0001', jti: 'req-000001' },
      NOW,
    );
    expect(await verifyRevokeRequest(request, NOW + 5000)).toMatchObject({
      ok: true,
      claims: { kind: 'member', target: 'member-0001' },
    });
    expect((await verifyRevokeRequest(request, NOW + 61_000)).ok).toBe(false);
    const other = await newKey();
    expect(
      await verifyRevokeRequest(
        await signRevokeRequest(other, { ws, kind: 'member', target: 'member-0001', jti: 'req-000002' }, NOW),
        NOW,
      ),
    ).toEqual({ ok: false, code: 'wrongWorkspace' });
  });
});
