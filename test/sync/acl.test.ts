// Restricted rooms: only the care team gets in, whatever the workspace role; the list changes through authenticated requests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode, newDocId, roomName, type AclView } from '@maillage/shared';
import { startRelayProcess, type RelayProcess } from '../support/relayProcess';
import { newTestWorkspace, type TestWorkspace } from '../support/tokens';
import { closeOf, connect, whenSynced } from '../support/yClient';

let relay: RelayProcess;
let workspace: TestWorkspace;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  relay = await startRelayProcess();
  workspace = await newTestWorkspace();
  for (const [name, role] of [['dr-martin-01', 'member'], ['ide-durand01', 'member'], ['kine-petit01', 'member'], ['coord-leroy1', 'coordinator'], ['observ-roux1', 'observer']] as const) {
    tokens[name] = await workspace.token({ member: name, role });
  }
});
afterAll(() => relay.stop());

const newRoom = () => roomName({ workspaceId: workspace.ws, docId: newDocId() });
const url = (room: string, who: string) => `${relay.wsUrl}/${room}?token=${encodeURIComponent(tokens[who]!)}`;
const setAcl = (room: string, who: string, members: unknown) =>
  fetch(`${relay.url}acl`, { method: 'POST', headers: { authorization: `Bearer ${tokens[who]}` }, body: JSON.stringify({ room, members }) });
const getAcl = (room: string, who: string) => fetch(`${relay.url}acl?room=${encodeURIComponent(room)}`, { headers: { authorization: `Bearer ${tokens[who]}` } });

describe('restricted rooms', () => {
  it('admits the care team only: a coordinator or colleague not on the list is refused', async () => {
    const room = newRoom();
    const created = await setAcl(room, 'dr-martin-01', ['ide-durand01']);
    expect(created.status).toBe(200);
    expect(((await created.json()) as AclView).members).toEqual(['dr-martin-01', 'ide-durand01']);

    for (const who of ['dr-martin-01', 'ide-durand01']) {
      const provider = connect(relay.wsUrl, room, { token: tokens[who]! });
      await whenSynced(provider);
      provider.destroy();
    }
    for (const who of ['kine-petit01', 'coord-leroy1', 'observ-roux1']) {
      expect(await closeOf(url(room, who))).toEqual({ code: CloseCode.forbidden, reason: 'not allowed in this room' });
    }
  });

  it('lets the team or a coordinator change the list, and no one else', async () => {
    const room = newRoom();
    expect((await setAcl(room, 'dr-martin-01', ['ide-durand01'])).status).toBe(200);
    expect((await setAcl(room, 'kine-petit01', ['kine-petit01'])).status).toBe(403);
    expect((await setAcl(room, 'observ-roux1', [])).status).toBe(403);
    expect((await setAcl(room, 'ide-durand01', ['ide-durand01', 'kine-petit01'])).status).toBe(200);
    const byCoordinator = await setAcl(room, 'coord-leroy1', ['ide-durand01', 'kine-petit01', 'coord-leroy1']);
    expect(byCoordinator.status).toBe(200);
    const view = (await byCoordinator.json()) as AclView;
    expect(view.owner).toBe('dr-martin-01');
    expect(view.members).toEqual(['coord-leroy1', 'dr-martin-01', 'ide-durand01', 'kine-petit01']);
    expect(view.updatedBy).toBe('coord-leroy1');
    const provider = connect(relay.wsUrl, room, { token: tokens['kine-petit01']! });
    await whenSynced(provider);
    provider.destroy();
  });

  it('closes the live socket of a member taken off the list, at once', async () => {
    const room = newRoom();
    await setAcl(room, 'dr-martin-01', ['ide-durand01']);
    const closing = closeOf(url(room, 'ide-durand01'), undefined, 5000);
    await new Promise((r) => setTimeout(r, 300));
    expect((await setAcl(room, 'dr-martin-01', [])).status).toBe(200);
    expect(await closing).toEqual({ code: CloseCode.forbidden, reason: "removed from this document's care team" });
  });

  it('shows the list to its members and coordinators only', async () => {
    const room = newRoom();
    await setAcl(room, 'dr-martin-01', ['ide-durand01']);
    expect((await getAcl(room, 'ide-durand01')).status).toBe(200);
    expect((await getAcl(room, 'coord-leroy1')).status).toBe(200);
    expect((await getAcl(room, 'kine-petit01')).status).toBe(403);
    expect((await getAcl(newRoom(), 'dr-martin-01')).status).toBe(404);
  });

  it('refuses bad requests with a reason and changes nothing', async () => {
    const room = newRoom();
    await setAcl(room, 'dr-martin-01', ['ide-durand01']);
    const bad = await setAcl(room, 'dr-martin-01', ['../../etc']);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toMatch(/members/);
    expect((await setAcl('not-a-room', 'dr-martin-01', [])).status).toBe(400);
    expect((await setAcl(room, 'dr-martin-01', Array.from({ length: 201 }, (_, i) => `member-${String(i).padStart(4, '0')}`))).status).toBe(400);
    const other = await newTestWorkspace();
    expect((await setAcl(roomName({ workspaceId: other.ws, docId: newDocId() }), 'dr-martin-01', [])).status).toBe(403);
    expect((await fetch(`${relay.url}acl`, { method: 'POST', body: '{}' })).status).toBe(401);
    expect((await fetch(`${relay.url}acl`, { method: 'POST', headers: { authorization: `Bearer ${tokens['dr-martin-01']}` }, body: '{not json' })).status).toBe(400);
    expect(((await (await getAcl(room, 'dr-martin-01')).json()) as AclView).members).toEqual(['dr-martin-01', 'ide-durand01']);
  });

  it('keeps the lists across a restart', async () => {
    const room = newRoom();
    await setAcl(room, 'dr-martin-01', []);
    relay = await relay.restart();
    expect((await closeOf(url(room, 'ide-durand01'))).code).toBe(CloseCode.forbidden);
    expect((await getAcl(room, 'dr-martin-01')).status).toBe(200);
  });

  it('journals every change of a list', async () => {
    const journal = (await (await fetch(`${relay.url}journal?ws=${workspace.ws}`, { headers: { authorization: `Bearer ${tokens['coord-leroy1']}` } })).json()) as { entries: { event: string; reason: string; member: string }[] };
    expect(journal.entries.some((e) => e.event === 'acl' && e.member === 'coord-leroy1')).toBe(true);
    expect(journal.entries.some((e) => e.event === 'refused' && e.reason === 'acl' && e.member === 'kine-petit01')).toBe(true);
  });
});
