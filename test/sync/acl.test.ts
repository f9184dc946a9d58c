// Restricted rooms: only the care team gets in, whatever the workspace role; the list changes through authenticated requests.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import {
  CloseCode,
  newDocId,
  newRestrictedNonce,
  restrictedDocId,
  roomName,
  WELL_KNOWN_DOCS,
  type AclView,
} from '@maillage/shared';
import { newTestWorkspace } from '../support/tokens';
import { useRelayWithPeople } from '../support/relayWithPeople';
import { servedSocket } from '../support/rawSocket';
import { closeOf, connect, eventually, whenSynced } from '../support/yClient';

const fx = useRelayWithPeople({
  'dr-martin-01': 'member',
  'ide-durand01': 'member',
  'kine-petit01': 'member',
  'coord-leroy1': 'coordinator',
  'observ-roux1': 'observer',
});
const { tokens } = fx;

/** The nonce each bound room was made from; requests for a room send it (the relay needs it for the first list only). */
const nonces = new Map<string, string>();
/** A room whose first list only `creator` may set, as the app makes a patient case's. */
const boundRoom = async (creator: string) => {
  const nonce = newRestrictedNonce();
  const room = roomName({
    workspaceId: fx.workspace.ws,
    docId: await restrictedDocId(fx.workspace.ws, creator, nonce),
  });
  nonces.set(room, nonce);
  return room;
};
const newRoom = () => boundRoom('dr-martin-01');
const url = (room: string, who: string) => `${fx.relay.wsUrl}/${room}?token=${encodeURIComponent(tokens[who]!)}`;
const setAcl = (room: string, who: string, members: unknown, nonce = nonces.get(room)) =>
  fetch(`${fx.relay.url}acl`, {
    method: 'POST',
    headers: { authorization: `Bearer ${tokens[who]}` },
    body: JSON.stringify({ room, members, nonce }),
  });
const errorOf = async (response: Response) => ((await response.json()) as { error: string }).error;
const getAcl = (room: string, who: string) =>
  fetch(`${fx.relay.url}acl?room=${encodeURIComponent(room)}`, { headers: { authorization: `Bearer ${tokens[who]}` } });

describe('restricted rooms', () => {
  it('admits the care team only: a coordinator or colleague not on the list is refused', async () => {
    const room = await newRoom();
    const created = await setAcl(room, 'dr-martin-01', ['ide-durand01']);
    expect(created.status).toBe(200);
    expect(((await created.json()) as AclView).members).toEqual(['dr-martin-01', 'ide-durand01']);

    for (const who of ['dr-martin-01', 'ide-durand01']) {
      const provider = connect(fx.relay.wsUrl, room, { token: tokens[who]! });
      await whenSynced(provider);
      provider.destroy();
    }
    for (const who of ['kine-petit01', 'coord-leroy1', 'observ-roux1']) {
      expect(await closeOf(url(room, who))).toEqual({ code: CloseCode.forbidden, reason: 'not allowed in this room' });
    }
  });

  it('lets the team or a coordinator change the list, and no one else', async () => {
    const room = await newRoom();
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
    const provider = connect(fx.relay.wsUrl, room, { token: tokens['kine-petit01']! });
    await whenSynced(provider);
    provider.destroy();
  });

  it('closes the live socket of a member taken off the list, at once', async () => {
    const room = await newRoom();
    await setAcl(room, 'dr-martin-01', ['ide-durand01']);
    const socket = await servedSocket(url(room, 'ide-durand01'));
    expect((await setAcl(room, 'dr-martin-01', [])).status).toBe(200);
    expect(await socket.closed()).toEqual({
      code: CloseCode.forbidden,
      reason: "removed from this document's care team",
    });
  });

  it('shows the list to its members and coordinators only', async () => {
    const room = await newRoom();
    await setAcl(room, 'dr-martin-01', ['ide-durand01']);
    expect((await getAcl(room, 'ide-durand01')).status).toBe(200);
    expect((await getAcl(room, 'coord-leroy1')).status).toBe(200);
    expect((await getAcl(room, 'kine-petit01')).status).toBe(403);
    expect((await getAcl(await newRoom(), 'dr-martin-01')).status).toBe(404);
  });

  it('refuses bad requests with a reason and changes nothing', async () => {
    const room = await newRoom();
    await setAcl(room, 'dr-martin-01', ['ide-durand01']);
    const bad = await setAcl(room, 'dr-martin-01', ['../../etc']);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toMatch(/members/);
    expect((await setAcl('not-a-room', 'dr-martin-01', [])).status).toBe(400);
    expect(
      (
        await setAcl(
          room,
          'dr-martin-01',
          Array.from({ length: 201 }, (_, i) => `member-${String(i).padStart(4, '0')}`),
        )
      ).status,
    ).toBe(400);
    const other = await newTestWorkspace();
    expect((await setAcl(roomName({ workspaceId: other.ws, docId: newDocId() }), 'dr-martin-01', [])).status).toBe(403);
    expect((await fetch(`${fx.relay.url}acl`, { method: 'POST', body: '{}' })).status).toBe(401);
    expect(
      (
        await fetch(`${fx.relay.url}acl`, {
          method: 'POST',
          headers: { authorization: `Bearer ${tokens['dr-martin-01']}` },
          body: '{not json',
        })
      ).status,
    ).toBe(400);
    expect(((await (await getAcl(room, 'dr-martin-01')).json()) as AclView).members).toEqual([
      'dr-martin-01',
      'ide-durand01',
    ]);
  });

  it('keeps the lists across a restart', async () => {
    const room = await newRoom();
    await setAcl(room, 'dr-martin-01', []);
    await fx.restart();
    expect((await closeOf(url(room, 'ide-durand01'))).code).toBe(CloseCode.forbidden);
    expect((await getAcl(room, 'dr-martin-01')).status).toBe(200);
  });

  it('journals every change of a list', async () => {
    const journal = (await (
      await fetch(`${fx.relay.url}journal?ws=${fx.workspace.ws}`, {
        headers: { authorization: `Bearer ${tokens['coord-leroy1']}` },
      })
    ).json()) as { entries: { event: string; reason: string; member: string }[] };
    expect(journal.entries.some((e) => e.event === 'acl' && e.member === 'coord-leroy1')).toBe(true);
    expect(
      journal.entries.some((e) => e.event === 'refused' && e.reason === 'acl' && e.member === 'kine-petit01'),
    ).toBe(true);
  });
});

describe('who may restrict a room', () => {
  const wellKnown = (docId: string) => roomName({ workspaceId: fx.workspace.ws, docId });

  it.each(Object.values(WELL_KNOWN_DOCS))(
    'never restricts the well-known %s, not even for a coordinator, and colleagues still get in',
    async (docId) => {
      const room = wellKnown(docId);
      for (const who of ['dr-martin-01', 'coord-leroy1']) {
        const refused = await setAcl(room, who, [who], newRestrictedNonce());
        expect(refused.status).toBe(403);
        const body = (await refused.json()) as { error: string; message: string };
        expect(body.error).toBe('wellKnownRoom');
        expect(body.message).toMatch(/can never be restricted/);
      }
      expect((await getAcl(room, 'coord-leroy1')).status).toBe(404);
      for (const who of ['ide-durand01', 'kine-petit01', 'coord-leroy1']) {
        const provider = connect(fx.relay.wsUrl, room, { token: tokens[who]! });
        await whenSynced(provider);
        provider.destroy();
      }
    },
  );

  it("refuses a member claiming a room bound to another member, even with that member's nonce; accepts its creator", async () => {
    const room = await boundRoom('dr-martin-01');
    const taken = await setAcl(room, 'kine-petit01', ['kine-petit01']);
    expect(taken.status).toBe(403);
    expect(await errorOf(taken)).toBe('roomNotBound');
    const byCoordinator = await setAcl(room, 'coord-leroy1', ['coord-leroy1']);
    expect(byCoordinator.status).toBe(403);
    expect((await getAcl(room, 'kine-petit01')).status).toBe(404);

    // Its creator's is accepted; later changes need no nonce, and follow the team as before.
    const created = await setAcl(room, 'dr-martin-01', ['ide-durand01']);
    expect(created.status).toBe(200);
    expect(((await created.json()) as AclView).owner).toBe('dr-martin-01');
    const changed = await fetch(`${fx.relay.url}acl`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens['ide-durand01']}` },
      body: JSON.stringify({ room, members: ['ide-durand01', 'kine-petit01'] }),
    });
    expect(changed.status).toBe(200);
    const provider = connect(fx.relay.wsUrl, room, { doc: new Y.Doc(), token: tokens['kine-petit01']! });
    await whenSynced(provider);
    provider.destroy();
  });

  it('refuses a first list without the nonce, or with a wrong one', async () => {
    const room = await boundRoom('dr-martin-01');
    const without = await fetch(`${fx.relay.url}acl`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens['dr-martin-01']}` },
      body: JSON.stringify({ room, members: [] }),
    });
    expect(without.status).toBe(403);
    expect(await errorOf(without)).toBe('roomNotBound');
    const wrong = await setAcl(room, 'dr-martin-01', [], newRestrictedNonce());
    expect(wrong.status).toBe(403);
    expect(await errorOf(wrong)).toBe('roomNotBound');
    // A random id, as cases were made before ids were bound: nobody can restrict it.
    const unbound = roomName({ workspaceId: fx.workspace.ws, docId: newDocId() });
    expect((await setAcl(unbound, 'dr-martin-01', [], newRestrictedNonce())).status).toBe(403);
    expect((await getAcl(room, 'dr-martin-01')).status).toBe(404);
  });

  it('refuses to restrict a room that already holds content, even for the member it is bound to', async () => {
    const room = await boundRoom('dr-martin-01');
    const writer = connect(fx.relay.wsUrl, room, { token: tokens['kine-petit01']! });
    await whenSynced(writer);
    writer.doc.getMap('notes').set('a', 'écrit avant la liste');
    const reader = connect(fx.relay.wsUrl, room, { token: tokens['ide-durand01']! });
    await whenSynced(reader);
    await eventually(
      () => reader.doc.getMap('notes').get('a') === 'écrit avant la liste',
      5000,
      'the write to reach the relay',
    );
    writer.destroy();
    reader.destroy();

    const refused = await setAcl(room, 'dr-martin-01', []);
    expect(refused.status).toBe(409);
    expect(await errorOf(refused)).toBe('roomHasContent');
    expect((await getAcl(room, 'dr-martin-01')).status).toBe(404);
  });

  it('accepts, for any member and nonce, the first list of the bound member only', async () => {
    const memberId = fc.stringMatching(/^[A-Za-z0-9_-]{8,24}$/);
    const nonce = fc.stringMatching(/^[A-Za-z0-9_-]{21,40}$/);
    await fc.assert(
      fc.asyncProperty(
        fc.tuple(memberId, memberId).filter(([a, b]) => a !== b),
        nonce,
        async ([creator, other], n) => {
          const room = roomName({
            workspaceId: fx.workspace.ws,
            docId: await restrictedDocId(fx.workspace.ws, creator, n),
          });
          const post = async (member: string) =>
            (
              await fetch(`${fx.relay.url}acl`, {
                method: 'POST',
                headers: { authorization: `Bearer ${await fx.workspace.token({ member })}` },
                body: JSON.stringify({ room, members: [], nonce: n }),
              })
            ).status;
          expect(await post(other)).toBe(403);
          expect(await post(creator)).toBe(200);
        },
      ),
      { numRuns: 25 },
    );
  });
});
