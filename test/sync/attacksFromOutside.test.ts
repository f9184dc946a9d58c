// Attacks from outside a workspace run against the real relay (docs/decisions/0021): no token, another workspace's keys, a
// member making lists without end, two workspaces racing for a fresh relay. attacks.test.ts holds those from inside.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect as tcpConnect, type Socket } from 'node:net';
import WebSocket from 'ws';
import {
  CloseCode,
  newDocId,
  newRestrictedNonce,
  restrictedDocId,
  roomName,
  signRevokeRequest,
} from '@maillage/shared';
import { startRelayProcess, type RelayProcess } from '../support/relayProcess';
import { newTestWorkspace } from '../support/tokens';
import { closeOf, connect, eventually, freshRoom, roomUrl, whenSynced, workspaceOf } from '../support/yClient';
import { metricValue } from '../support/metrics';

describe('an outsider with no token', () => {
  let relay: RelayProcess;
  beforeAll(async () => {
    relay = await startRelayProcess();
  });
  afterAll(() => relay.stop());

  // Every refused socket was a journal row, and nothing deletes from the journal: one address with no token could add
  // thousands a second until the disk (or MAX_STORE_MB, shared with the rooms) was full.
  it("cannot grow a workspace's journal without bound by knocking with no token", async () => {
    const room = await freshRoom();
    const workspace = workspaceOf(room);
    const KNOCKS = 100;
    const codes: number[] = [];
    for (let i = 0; i < KNOCKS; i++) codes.push((await closeOf(roomUrl(relay.wsUrl, room, ''))).code);
    expect(new Set(codes)).toEqual(new Set([CloseCode.unauthorized]));
    const coordinator = await workspace.token({ role: 'coordinator' });
    const { entries } = (await (
      await fetch(`${relay.url}journal?ws=${workspace.ws}&limit=1000`, {
        headers: { authorization: `Bearer ${coordinator}` },
      })
    ).json()) as { entries: { event: string; reason: string }[] };
    const refused = entries.filter((e) => e.event === 'refused' && e.reason === 'unauthorized').length;
    // The first ones are kept (someone is knocking); the rest only counted.
    expect(refused).toBeGreaterThan(0);
    expect(refused).toBeLessThanOrEqual(20);
    expect(await metricValue(relay, 'maillage_refusals_not_journaled_total')).toBe(KNOCKS - refused);
  });
});

describe('an outsider with no token, sending after its refusal', () => {
  let relay: RelayProcess;
  beforeAll(async () => {
    relay = await startRelayProcess();
  });
  afterAll(() => relay.stop());

  // A refused socket was still read while its close completed (ws waits 30 s for the peer's close frame): each one
  // could make the relay buffer a message of up to 4 x MAX_MESSAGE_BYTES (32 MiB), 1,000 such sockets per address.
  it('makes the relay hold nothing it sends once refused', async () => {
    const room = await freshRoom();
    const memory = async () =>
      ((await (await fetch(`${relay.url}healthz`)).json()) as { memoryMb: { arrayBuffers: number } }).memoryMb
        .arrayBuffers;
    const before = await memory();
    const payload = Buffer.alloc(20 * 1024 * 1024, 1);
    const codes = await Promise.all(
      Array.from(
        { length: 8 },
        () =>
          new Promise<number>((resolve) => {
            const ws = new WebSocket(`${relay.wsUrl}/${room}`);
            ws.on('error', () => undefined);
            // One frame of a message that never ends: ws buffers it whole before it could read the close behind it.
            ws.once('open', () => ws.send(payload, { fin: false }));
            ws.once('close', (code) => resolve(code));
          }),
      ),
    );
    expect(new Set(codes)).toEqual(new Set([CloseCode.unauthorized]));
    expect(await memory()).toBeLessThan(before + 40);
  });
});

describe('an outsider with no token, holding connections', () => {
  let relay: RelayProcess;
  const PER_ADDRESS = 50;
  beforeAll(async () => {
    relay = await startRelayProcess({ env: { MAX_CONNECTIONS_PER_ADDRESS: String(PER_ADDRESS) } });
  });
  afterAll(() => relay.stop());

  // Headers that trickle in live 60 s (Node's headersTimeout) at ~9 KB and a file descriptor each: one address could
  // hold every descriptor of the process (20,000 here) with ~330 new connections a second, and then nobody connected.
  it('holds at most MAX_CONNECTIONS_PER_ADDRESS connections from one address, stalled or not', async () => {
    const sockets: Socket[] = [];
    let closedByRelay = 0;
    for (let i = 0; i < PER_ADDRESS + 20; i++) {
      const socket = tcpConnect(relay.port, '127.0.0.1');
      socket.on('error', () => undefined);
      socket.on('close', () => closedByRelay++);
      socket.write('GET /sync/a/b HTTP/1.1\r\nHost: relay\r\n'); // and never the rest
      sockets.push(socket);
    }
    await eventually(() => closedByRelay >= 20, 5_000, 'the connections past the cap dropped');
    expect(closedByRelay).toBe(20);
    for (const socket of sockets) socket.destroy();
    await eventually(
      async () => (await fetch(`${relay.url}healthz`).catch(() => null))?.status === 200,
      5_000,
      'the address let in again',
    );
    expect(await metricValue(relay, 'maillage_address_limit_dropped_total')).toBeGreaterThanOrEqual(20);
    expect(relay.output().match(/address_limit/g)).toHaveLength(1);
  });

  // A connection that never sends its request (or trickles it in) kept server.close() waiting: the relay logged its
  // shutdown and stayed up, its port held, until Node's headersTimeout or longer.
  it('cannot keep the relay from stopping by holding a connection open without a request', async () => {
    const stalled = await startRelayProcess();
    const silent = tcpConnect(stalled.port, '127.0.0.1');
    const trickling = tcpConnect(stalled.port, '127.0.0.1');
    for (const socket of [silent, trickling]) socket.on('error', () => undefined);
    await Promise.all([silent, trickling].map((socket) => new Promise((done) => socket.once('connect', done))));
    trickling.write('GET /healthz HTTP/1.1\r\nHost: relay\r\n');
    const stopping = Date.now();
    await stalled.stop();
    expect(Date.now() - stopping).toBeLessThan(5_000);
    for (const socket of [silent, trickling]) socket.destroy();
  });
});

describe('a coordinator or member of another workspace, or a token of the wrong kind', () => {
  let relay: RelayProcess;
  beforeAll(async () => {
    relay = await startRelayProcess();
  });
  afterAll(() => relay.stop());

  it('cannot pass a delegation or a revocation request for an access token, nor an access token for a request', async () => {
    const workspace = await newTestWorkspace();
    const room = roomName({ workspaceId: workspace.ws, docId: newDocId() });
    const { key } = await workspace.delegate('coord-second');
    const request = await signRevokeRequest(workspace.root, {
      ws: workspace.ws,
      kind: 'member',
      target: 'someone-0001',
      jti: newDocId(),
    });
    for (const token of [key.delegation!, request]) {
      expect((await closeOf(roomUrl(relay.wsUrl, room, token))).code).toBe(CloseCode.unauthorized);
      const journal = await fetch(`${relay.url}journal?ws=${workspace.ws}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(journal.status).toBe(403);
    }
    const access = await workspace.token({ role: 'coordinator' });
    expect((await fetch(`${relay.url}revoke`, { method: 'POST', body: access })).status).toBe(401);
  });

  it('cannot revoke in, nor read the journal, revocations or lists of, a workspace that is not its own', async () => {
    const [ours, theirs] = [await newTestWorkspace(), await newTestWorkspace()];
    // Their root key signs a request naming our workspace: the key does not derive our id.
    const forged = await signRevokeRequest(theirs.root, {
      ws: ours.ws,
      kind: 'member',
      target: 'dr-martin-01',
      jti: newDocId(),
    });
    expect((await fetch(`${relay.url}revoke`, { method: 'POST', body: forged })).status).toBe(401);
    const theirCoordinator = await theirs.token({ role: 'coordinator' });
    const headers = { authorization: `Bearer ${theirCoordinator}` };
    expect((await fetch(`${relay.url}journal?ws=${ours.ws}`, { headers })).status).toBe(403);
    expect((await fetch(`${relay.url}revocations?ws=${ours.ws}`, { headers })).status).toBe(403);
    const room = roomName({ workspaceId: ours.ws, docId: newDocId() });
    expect((await fetch(`${relay.url}acl?room=${encodeURIComponent(room)}`, { headers })).status).toBe(403);
    expect(
      (await fetch(`${relay.url}acl`, { method: 'POST', headers, body: JSON.stringify({ room, members: [] }) })).status,
    ).toBe(403);
    // Our member is still in.
    const member = connect(relay.wsUrl, room, { token: await ours.token({ member: 'dr-martin-01' }) });
    await whenSynced(member);
    member.destroy();
  });

  it("cannot take a restricted room's creator off its list: the creator stays on it and in the room", async () => {
    const workspace = await newTestWorkspace();
    const nonce = newRestrictedNonce();
    const room = roomName({
      workspaceId: workspace.ws,
      docId: await restrictedDocId(workspace.ws, 'dr-martin-01', nonce),
    });
    const post = async (member: string, body: unknown) =>
      fetch(`${relay.url}acl`, {
        method: 'POST',
        headers: { authorization: `Bearer ${await workspace.token({ member })}` },
        body: JSON.stringify(body),
      });
    expect((await post('dr-martin-01', { room, members: ['ide-durand01'], nonce })).status).toBe(200);
    const taken = await post('ide-durand01', { room, members: ['ide-durand01'] });
    expect(taken.status).toBe(200);
    expect(((await taken.json()) as { owner: string; members: string[] }).members).toContain('dr-martin-01');
    const creator = connect(relay.wsUrl, room, { token: await workspace.token({ member: 'dr-martin-01' }) });
    await whenSynced(creator);
    creator.destroy();
  });
});

describe('a member making lists', () => {
  let relay: RelayProcess;
  const MAX = 5;
  beforeAll(async () => {
    relay = await startRelayProcess({ env: { MAX_LISTS_PER_MEMBER: String(MAX) } });
  });
  afterAll(() => relay.stop());

  // Every list stays in the relay's memory, and a member may make one for every nonce they draw: 2,000 lists of 200
  // members took 2.7 s and 19 MB of heap from one client, so minutes to exhaust it; the restart loads them all again.
  it('makes at most MAX_LISTS_PER_MEMBER of them; changing one it is on is not making one', async () => {
    const workspace = await newTestWorkspace();
    const token = await workspace.token({ member: 'dr-martin-01' });
    const members = Array.from({ length: 200 }, (_, i) => `member-${String(i).padStart(5, '0')}`);
    const claim = async () => {
      const nonce = newRestrictedNonce();
      const room = roomName({
        workspaceId: workspace.ws,
        docId: await restrictedDocId(workspace.ws, 'dr-martin-01', nonce),
      });
      const response = await fetch(`${relay.url}acl`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: JSON.stringify({ room, members, nonce }),
      });
      return { room, status: response.status, error: ((await response.json()) as { error?: string }).error };
    };
    const made = [];
    for (let i = 0; i < MAX; i++) made.push(await claim());
    expect(made.map((m) => m.status)).toEqual(Array(MAX).fill(200));
    expect(await claim()).toMatchObject({ status: 403, error: 'tooManyLists' });
    const change = await fetch(`${relay.url}acl`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: JSON.stringify({ room: made[0]!.room, members: [] }),
    });
    expect(change.status).toBe(200);
    // Another member of the workspace still makes theirs.
    const other = await workspace.token({ member: 'ide-durand01' });
    const nonce = newRestrictedNonce();
    const room = roomName({
      workspaceId: workspace.ws,
      docId: await restrictedDocId(workspace.ws, 'ide-durand01', nonce),
    });
    expect(
      (
        await fetch(`${relay.url}acl`, {
          method: 'POST',
          headers: { authorization: `Bearer ${other}` },
          body: JSON.stringify({ room, members: [], nonce }),
        })
      ).status,
    ).toBe(200);
  });
});

describe('two workspaces racing for a fresh relay (WORKSPACES=first)', () => {
  let relay: RelayProcess;
  beforeAll(async () => {
    relay = await startRelayProcess({ env: { WORKSPACES: 'first' } });
  });
  afterAll(() => relay.stop());

  it('leaves exactly one of them served, whichever connects at once', async () => {
    const rooms = await Promise.all(Array.from({ length: 6 }, () => freshRoom()));
    const codes = await Promise.all(
      rooms.map((room) =>
        closeOf(roomUrl(relay.wsUrl, room), undefined, 1_500).then(
          (c) => c.code,
          () => 0,
        ),
      ),
    );
    // 0: not closed in time, which is what a served socket does.
    expect(codes.filter((c) => c === 0)).toHaveLength(1);
    expect(codes.filter((c) => c === CloseCode.workspaceNotServed)).toHaveLength(5);
  });
});
