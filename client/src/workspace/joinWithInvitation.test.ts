import { describe, expect, it } from 'vitest';
import { calculateJwkThumbprint, exportJWK } from 'jose';
import {
  encodeKeyBundle,
  issueAccessToken,
  newDocId,
  privateJwkSchema,
  publicPart,
  workspaceIdOfJwk,
  type Role,
} from '@maillage/shared';
import { readInvitation } from './joinWithInvitation';

const pair = () => crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);

/** An invitation as a coordinator's device makes it: a token naming a device key, the key beside it. */
async function invitation(role: Role = 'member') {
  const root = await pair();
  const publicJwk = publicPart(await exportJWK(root.publicKey));
  const ws = await workspaceIdOfJwk(publicJwk);
  const device = await pair();
  const dk = privateJwkSchema.parse(await exportJWK(device.privateKey));
  const card = { cpts: 'CPTS du Val de Loire', by: 'Alice Martin', byp: 'medecin_generaliste', to: 'Hélène Durand' };
  const token = await issueAccessToken(
    { privateKey: root.privateKey, publicJwk },
    { ws, sub: newDocId(), role, dev: newDocId(), jti: newDocId(), inv: card, dk: await calculateJwkThumbprint(dk) },
    3600,
  );
  return { token, dk, ws };
}

describe('reading an invitation link', () => {
  it('reads the card and takes the device key the token names, storing nothing yet', async () => {
    const { token, dk, ws } = await invitation();
    const read = await readInvitation(`${token}~${encodeKeyBundle({ dk })}`);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.invitation.claims).toMatchObject({ ws, role: 'member', inv: { cpts: 'CPTS du Val de Loire' } });
    expect(read.invitation.deviceKey?.privateKey.extractable).toBe(false);
    expect(read.invitation.owner).toBeNull();
  });

  it('refuses a device key the token does not name, a coordinator key on a member link, and stray parts', async () => {
    const { token } = await invitation();
    const other = privateJwkSchema.parse(await exportJWK((await pair()).privateKey));
    expect(await readInvitation(`${token}~${encodeKeyBundle({ dk: other })}`)).toEqual({
      ok: false,
      code: 'untrustedSigner',
    });
    expect(await readInvitation(`${token}~${encodeKeyBundle({ dlg: 'eyJ.x.y', key: other })}`)).toEqual({
      ok: false,
      code: 'malformed',
    });
    expect(await readInvitation(`${token}~not-a-bundle`)).toEqual({ ok: false, code: 'malformed' });
    expect(await readInvitation(`${token}~a~b`)).toEqual({ ok: false, code: 'missing' });
    expect(await readInvitation('')).toEqual({ ok: false, code: 'missing' });
  });

  it('knows whose own device a shared-access link is for, and ignores a profile that does not parse', async () => {
    const { token } = await invitation();
    const mine = await readInvitation(
      `${token}~${encodeKeyBundle({ me: { name: 'Bruno Lefèvre', profession: 'infirmier' } })}`,
    );
    expect(mine.ok && mine.invitation.owner).toEqual({ name: 'Bruno Lefèvre', profession: 'infirmier' });
    const odd = await readInvitation(`${token}~${encodeKeyBundle({ me: { name: 'Bruno', profession: 'sorcier' } })}`);
    expect(odd.ok && odd.invitation.owner).toBeNull();
  });
});
