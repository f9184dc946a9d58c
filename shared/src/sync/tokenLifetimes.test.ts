// Token lifetimes and revocation requests: what is too long, too early or too late is refused.
import { describe, expect, it } from 'vitest';
import { issueAccessToken, issueDelegation, verifyAccessToken } from './tokens';
import { signRevokeRequest, verifyRevokeRequest } from './requests';
import { CLOCK_SKEW_SECONDS, DAY_SECONDS, DELEGATION_DAYS, INVITATION_DAYS, OWN_TOKEN_DAYS } from './tokenLifetimes';
import { NOW, claims, newKey, workspace } from './tokenFixtures';

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
