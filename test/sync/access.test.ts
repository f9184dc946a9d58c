// Only invited people get in: tokens checked on the upgrade, observers read only, revocation and expiry cut live sockets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calculateJwkThumbprint, decodeJwt } from 'jose';
import { CloseCode, issueAccessToken, issueDeviceToken, newDocId, roomName, type AccessClaims } from '@maillage/shared';
import { startRelayProcess, type RelayProcess } from '../support/relayProcess';
import { newSigningKey, newTestWorkspace, type TestWorkspace } from '../support/tokens';
import { servedSocket } from '../support/rawSocket';
import { closeOf, connect, eventually, whenSynced, writeRefused } from '../support/yClient';

let relay: RelayProcess;
let workspace: TestWorkspace;
let room: string;
const url = (token: string, r = room) => `${relay.wsUrl}/${r}?token=${encodeURIComponent(token)}`;

beforeAll(async () => {
  relay = await startRelayProcess();
  workspace = await newTestWorkspace();
  room = roomName({ workspaceId: workspace.ws, docId: newDocId() });
});
afterAll(() => relay.stop());

const revoke = (kind: 'member' | 'device' | 'delegation', target: string, key = workspace.root) =>
  workspace.revokeThrough(relay.url, target, { kind, key });

describe('admission', () => {
  it('refuses a socket without a token, with a forged one, an expired one, or one for another workspace', async () => {
    expect((await closeOf(`${relay.wsUrl}/${room}`)).code).toBe(CloseCode.unauthorized);
    const forger = await newSigningKey();
    expect((await closeOf(url(await workspace.token({ key: forger })))).code).toBe(CloseCode.unauthorized);
    expect((await closeOf(url(await workspace.token({ expiresInSeconds: 60, now: Date.now() - 120_000 })))).code).toBe(
      CloseCode.tokenExpired,
    );
    const other = await newTestWorkspace();
    expect(await closeOf(url(await other.token()))).toEqual({
      code: CloseCode.forbidden,
      reason: 'not allowed in this room',
    });
  });

  it('lets an observer read but never write', async () => {
    const member = connect(relay.wsUrl, room, { token: await workspace.token() });
    await whenSynced(member);
    member.doc.getText('t').insert(0, 'Compte rendu');
    const observer = connect(relay.wsUrl, room, { token: await workspace.token({ role: 'observer' }) });
    await whenSynced(observer);
    await eventually(() => observer.doc.getText('t').toString() === 'Compte rendu', 5000, 'observer reads');
    const refused = writeRefused(observer);
    observer.doc.getText('t').insert(0, 'INTRUS ');
    expect(await refused).toBe('observers cannot write');
    // The relay has handled the write: a client joining now reads the room as the relay holds it.
    const reader = connect(relay.wsUrl, room, { token: await workspace.token() });
    await whenSynced(reader);
    expect(reader.doc.getText('t').toString()).toBe('Compte rendu');
    expect(member.doc.getText('t').toString()).toBe('Compte rendu');
    for (const p of [member, observer, reader]) p.destroy();
  });

  it('closes a live socket when its token expires', async () => {
    const token = await workspace.token({ expiresInSeconds: 2 });
    const started = Date.now();
    const closed = await closeOf(url(token), undefined, 6000);
    expect(closed.code).toBe(CloseCode.tokenExpired);
    expect(Date.now() - started).toBeGreaterThan(900);
  });
});

describe('revocation', () => {
  it('cuts a revoked member off at once and refuses them afterwards', async () => {
    const token = await workspace.token({ member: 'member-revoked-1' });
    const socket = await servedSocket(url(token));
    const response = await revoke('member', 'member-revoked-1');
    expect(response.status).toBe(200);
    expect((await socket.closed()).code).toBe(CloseCode.revoked);
    expect((await closeOf(url(token))).code).toBe(CloseCode.revoked);
  });

  it('revokes a lost device, not the member’s other device', async () => {
    const phone = await workspace.token({ member: 'member-two-dev', device: 'device-phone-1' });
    const laptop = await workspace.token({ member: 'member-two-dev', device: 'device-laptop1' });
    expect((await revoke('device', 'device-phone-1')).status).toBe(200);
    expect((await closeOf(url(phone))).code).toBe(CloseCode.revoked);
    const provider = connect(relay.wsUrl, room, { token: laptop });
    await whenSynced(provider);
    provider.destroy();
  });

  it('admits a device added with a device key under its own id; removing it spares the first, removing the first cuts both', async () => {
    const deviceKey = await newSigningKey();
    const first = await issueAccessToken(
      workspace.root,
      {
        ws: workspace.ws,
        sub: 'member-devkey-1',
        role: 'member',
        dev: 'device-first-1',
        jti: newDocId(),
        dk: await calculateJwkThumbprint(deviceKey.publicJwk),
      },
      3600,
    );
    const parent = { token: first, claims: decodeJwt(first) as unknown as AccessClaims };
    const add = (dev: string) => issueDeviceToken(deviceKey, parent, { dev, jti: newDocId() });
    const phone = await add('device-phone-2');
    const tablet = await add('device-tablet1');

    // The phone is its own device: it gets in, and removing it leaves the first device in.
    const onPhone = connect(relay.wsUrl, room, { token: phone });
    await whenSynced(onPhone);
    onPhone.destroy();
    expect((await revoke('device', 'device-phone-2')).status).toBe(200);
    expect((await closeOf(url(phone))).code).toBe(CloseCode.revoked);
    const stillIn = connect(relay.wsUrl, room, { token: first });
    await whenSynced(stillIn);
    stillIn.destroy();

    // The first device holds the key: removing it (a lost computer) closes the tablet added from it, live.
    const tabletSocket = await servedSocket(url(tablet));
    expect((await revoke('device', 'device-first-1')).status).toBe(200);
    expect((await tabletSocket.closed()).code).toBe(CloseCode.revoked);
    expect((await closeOf(url(tablet))).code).toBe(CloseCode.revoked);
    expect((await closeOf(url(await add('device-later-1')))).code).toBe(CloseCode.revoked);
  });

  it('accepts a delegated coordinator’s tokens until the delegation is revoked', async () => {
    const { key, jti } = await workspace.delegate('coord-second1');
    const token = await workspace.token({ key, role: 'coordinator' });
    const provider = connect(relay.wsUrl, room, { token });
    await whenSynced(provider);
    provider.destroy();
    expect((await revoke('delegation', jti)).status).toBe(200);
    expect((await closeOf(url(token))).code).toBe(CloseCode.revoked);
  });

  it('lists the workspace’s revocations to its coordinators only', async () => {
    const list = (bearer: string) =>
      fetch(`${relay.url}revocations?ws=${workspace.ws}`, { headers: { authorization: `Bearer ${bearer}` } });
    expect((await list(await workspace.token())).status).toBe(403);
    const response = await list(await workspace.token({ role: 'coordinator' }));
    expect(response.status).toBe(200);
    const { revocations } = (await response.json()) as { revocations: { kind: string; target: string; at: string }[] };
    expect(revocations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'member', target: 'member-revoked-1' }),
        expect.objectContaining({ kind: 'device', target: 'device-phone-1' }),
      ]),
    );
    expect((await fetch(`${relay.url}revocations?ws=bad`)).status).toBe(400);
  });

  it('refuses a revocation not signed by a coordinator of the workspace', async () => {
    const mallory = await newSigningKey();
    expect((await revoke('member', 'member-0000001', mallory)).status).toBe(401);
    expect((await fetch(`${relay.url}revoke`, { method: 'POST', body: 'garbage' })).status).toBe(401);
  });
});

describe('a revoked coordinator is out', () => {
  /** Opens a socket that stays open until the relay closes it: resolves with how. */
  const openUntilClosed = async (token: string) => {
    const provider = connect(relay.wsUrl, room, { token });
    await whenSynced(provider);
    const closed = new Promise<number>((resolve) => provider.ws!.addEventListener('close', (e) => resolve(e.code)));
    return { provider, closed };
  };

  it('refuses a revocation signed by a revoked delegation, and revokes nothing', async () => {
    const { key, jti } = await workspace.delegate('coord-lostkey');
    expect((await revoke('delegation', jti)).status).toBe(200);
    const bystander = await workspace.token({ member: 'member-keptin1' });
    const response = await revoke('member', 'member-keptin1', key);
    expect([401, 403]).toContain(response.status);
    const provider = connect(relay.wsUrl, room, { token: bystander });
    await whenSynced(provider);
    provider.destroy();
    const coordinator = await workspace.token({ role: 'coordinator' });
    const listed = (await (
      await fetch(`${relay.url}revocations?ws=${workspace.ws}`, { headers: { authorization: `Bearer ${coordinator}` } })
    ).json()) as { revocations: { target: string }[] };
    expect(listed.revocations.map((r) => r.target)).not.toContain('member-keptin1');
  });

  it('refuses a revocation signed by a coordinator revoked as a person, the root coordinator included', async () => {
    const { key } = await workspace.delegate('coord-rogue01');
    expect((await revoke('member', 'coord-rogue01')).status).toBe(200);
    expect((await revoke('member', 'member-rootish', key)).status).toBe(403);
    const rootCoordinator = connect(relay.wsUrl, room, {
      token: await workspace.token({ member: 'member-rootish', role: 'coordinator' }),
    });
    await whenSynced(rootCoordinator);
    rootCoordinator.destroy();
  });

  it('refuses what a coordinator revoked as a person mints with their own key, on connect and over HTTP', async () => {
    const { key } = await workspace.delegate('coord-revoked');
    expect((await revoke('member', 'coord-revoked')).status).toBe(200);
    const minted = await workspace.token({ key, role: 'coordinator', member: newDocId() });
    expect((await closeOf(url(minted))).code).toBe(CloseCode.revoked);
    const journal = await fetch(`${relay.url}journal?ws=${workspace.ws}`, {
      headers: { authorization: `Bearer ${minted}` },
    });
    expect(journal.status).toBe(403);
    const acl = await fetch(`${relay.url}acl?room=${encodeURIComponent(room)}`, {
      headers: { authorization: `Bearer ${minted}` },
    });
    expect(acl.status).toBe(401);
  });

  it('closes the sockets of everyone that coordinator’s key let in, and refuses their tokens afterwards', async () => {
    const { key } = await workspace.delegate('coord-inviter');
    const invited = await workspace.token({ key, member: 'member-invited' });
    const own = await workspace.token({ key, role: 'coordinator', member: 'coord-inviter' });
    const sockets = [await openUntilClosed(invited), await openUntilClosed(own)];
    expect((await revoke('member', 'coord-inviter')).status).toBe(200);
    expect(await Promise.all(sockets.map((s) => s.closed))).toEqual([CloseCode.revoked, CloseCode.revoked]);
    for (const s of sockets) s.provider.destroy();
    expect((await closeOf(url(invited))).code).toBe(CloseCode.revoked);
    expect(
      (
        await fetch(`${relay.url}acl?room=${encodeURIComponent(room)}`, {
          headers: { authorization: `Bearer ${invited}` },
        })
      ).status,
    ).toBe(401);
  });
});
