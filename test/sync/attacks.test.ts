// Attacks run against the real relay after its hardening (docs/decisions/0021), grouped by who attacks: what held and what was fixed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect as tcpConnect, type Socket } from 'node:net';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { CloseCode, newDocId, newRestrictedNonce, restrictedDocId, roomName, signRevokeRequest } from '@maillage/shared';
import { startRelayProcess, type RelayProcess } from '../support/relayProcess';
import { newTestWorkspace } from '../support/tokens';
import { closeOf, connect, eventually, freshRoom, roomUrl, whenSynced, workspaceOf } from '../support/yClient';

/** sync step 1 with an empty state vector: "send me everything you have". */
const EMPTY_STEP1 = Uint8Array.of(0, 0, 1, 0);
/** queryAwareness: "send me every presence in the room". */
const QUERY_AWARENESS = Uint8Array.of(3);

const counter = async (relay: RelayProcess, line: string) =>
  Number(new RegExp(`^${line.replace(/[{}]/g, '\\$&')} (\\d+)$`, 'm').exec(await (await fetch(`${relay.url}metrics`)).text())?.[1] ?? 0);

/** The raw TCP socket under a `ws` client, to stop reading it as an attacker that never reads would. */
const tcpOf = (ws: WebSocket) => (ws as unknown as { _socket: { pause(): void; resume(): void } })._socket;

function opened(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

/** A room holding `bytes` of text, written by a stock client that then leaves. */
async function roomOf(relay: RelayProcess, bytes: number): Promise<string> {
  const room = await freshRoom();
  const writer = connect(relay.wsUrl, room);
  await whenSynced(writer);
  writer.doc.getText('t').insert(0, 'x'.repeat(bytes));
  const reader = connect(relay.wsUrl, room);
  await eventually(() => reader.doc.getText('t').length === bytes, 10_000, 'the text at a reader');
  writer.destroy();
  reader.destroy();
  return room;
}

describe('a member or an observer', () => {
  let relay: RelayProcess;
  beforeAll(async () => {
    relay = await startRelayProcess({ env: { MAX_BUFFERED_BYTES: String(2 * 1024 * 1024) } });
  });
  afterAll(() => relay.stop());

  // Each step 1 is answered with the whole room: 4 bytes in, the room out. Broadcasts closed a reader past
  // MAX_BUFFERED_BYTES, but these answers went out unchecked: 300 of them held 60 MB in the relay for one socket.
  for (const [what, message, role] of [['sync step 1', EMPTY_STEP1, 'observer'], ['queryAwareness', QUERY_AWARENESS, 'member']] as const) {
    it(`cannot make the relay buffer without bound by repeating ${what} and never reading (${role})`, async () => {
      const room = await roomOf(relay, 200_000);
      const workspace = workspaceOf(room);
      let answerBytes = 200_000;
      let peers: ReturnType<typeof connect>[] = [];
      if (what === 'queryAwareness') {
        // A room full of presence: 25 sockets of one member, each with its largest state (~4 KiB).
        const token = await workspace.token();
        peers = Array.from({ length: 25 }, () => connect(relay.wsUrl, room, { token }));
        await Promise.all(peers.map((p) => whenSynced(p)));
        for (const p of peers) p.awareness.setLocalState({ name: 'n'.repeat(4000) });
        const watcher = connect(relay.wsUrl, room, { token });
        await eventually(() => watcher.awareness.getStates().size >= 25, 10_000, 'every presence at a watcher');
        watcher.destroy();
        answerBytes = 25 * 4000;
      }
      const attacker = await opened(roomUrl(relay.wsUrl, room, await workspace.token({ role })));
      tcpOf(attacker).pause();
      const before = await counter(relay, `maillage_refusals_total{reason="slowReader"}`);
      const COUNT = 300;
      for (let i = 0; i < COUNT; i++) attacker.send(message);
      const type = what === 'queryAwareness' ? 'queryAwareness' : 'syncStep1';
      await eventually(async () => (await counter(relay, `maillage_messages_total{type="${type}"}`)) >= COUNT, 10_000, 'every message handled');
      let received = 0;
      attacker.on('message', (data: Buffer) => void (received += data.byteLength));
      const closed = new Promise<number>((resolve) => attacker.once('close', (code) => resolve(code)));
      tcpOf(attacker).resume();
      // Either the relay cut it off, or everything asked for arrives (then the test fails on the code below).
      await Promise.race([closed, eventually(() => received >= COUNT * answerBytes * 0.9, 15_000, 'every answer')]);
      attacker.terminate();
      expect(await counter(relay, `maillage_refusals_total{reason="slowReader"}`)).toBe(before + 1);
      expect(received).toBeLessThan(COUNT * answerBytes * 0.5);
      for (const peer of peers) peer.destroy();
    }, 30_000);
  }
});

describe('an observer', () => {
  let relay: RelayProcess;
  beforeAll(async () => {
    relay = await startRelayProcess();
  });
  afterAll(() => relay.stop());

  // The state vector of a sync step 1 went to Yjs unchecked, inside the read that quarantines a room when it throws:
  // five bytes from any reader locked the room (the catalogue as well) away from everyone, across restarts.
  for (const [what, stateVector] of [
    ['a truncated state vector', Uint8Array.of(5)],
    ['a count past its entries', Uint8Array.of(2, 1, 1)],
    ['an overlong varint', Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01)],
  ] as const) {
    it(`cannot quarantine a room with ${what} in its sync step 1`, async () => {
      for (const live of [false, true]) {
        // Both ways the relay answers: from the stored history, and from a doc holding updates received since.
        const room = await roomOf(relay, 1_000);
        const workspace = workspaceOf(room);
        const writer = live ? connect(relay.wsUrl, room) : null;
        if (writer) {
          await whenSynced(writer);
          const persisted = await counter(relay, 'maillage_updates_persisted_total');
          writer.doc.getText('t').insert(0, 'live ');
          await eventually(async () => (await counter(relay, 'maillage_updates_persisted_total')) > persisted, 5_000, 'the edit stored');
        }
        const token = await workspace.token({ role: 'observer' });
        const message = Uint8Array.of(0, 0, stateVector.length, ...stateVector);
        const { code } = await closeOf(roomUrl(relay.wsUrl, room, token), (ws) => ws.send(message));
        expect(code).toBe(CloseCode.malformedMessage);
        const reader = connect(relay.wsUrl, room);
        await whenSynced(reader);
        expect(reader.doc.getText('t').length).toBeGreaterThanOrEqual(1_000);
        reader.destroy();
        writer?.destroy();
      }
      expect(await counter(relay, 'maillage_rooms_quarantined')).toBe(0);
    });
  }
});

describe('an observer asking for the room again and again, reading every answer', () => {
  let relay: RelayProcess;
  beforeAll(async () => {
    relay = await startRelayProcess();
  });
  afterAll(() => relay.stop());

  // Each 7-byte step 1 made the relay build the whole room again (~10 ms for 50,000 entries) and send it: 400 in one
  // read held the event loop 4.2 s (another room's edit waited as long) and sent 312 MB.
  it('gets its answers at the pace of its budget of answer bytes', async () => {
    const room = await freshRoom();
    const writer = connect(relay.wsUrl, room);
    await whenSynced(writer);
    const map = writer.doc.getMap('m');
    writer.doc.transact(() => {
      for (let i = 0; i < 50_000; i++) map.set(`k${i}`, i);
    });
    const reader = connect(relay.wsUrl, room);
    await eventually(() => reader.doc.getMap('m').size === 50_000, 20_000, 'the room at a reader');
    reader.destroy();
    const attacker = await opened(roomUrl(relay.wsUrl, room, await workspaceOf(room).token({ role: 'observer' })));
    const answers: number[] = [];
    attacker.on('message', (data: Buffer) => {
      if (data[0] === 0 && data[1] === 1) answers.push(data.byteLength);
    });
    const ASKED = 400;
    const started = performance.now();
    for (let i = 0; i < ASKED; i++) attacker.send(EMPTY_STEP1);
    await eventually(() => answers.length > 0, 10_000, 'a first answer');
    await new Promise((r) => setTimeout(r, 2_000));
    const seconds = (performance.now() - started) / 1000;
    const roomBytes = answers[0]!;
    // 16 MiB of burst, then 200 x 16 KiB a second; all the rest collapse into one waiting answer.
    const budget = (1000 + 200 * seconds) * 16 * 1024;
    expect(answers.length).toBeLessThan(60);
    expect(answers.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(budget + roomBytes);
    attacker.close();
    writer.destroy();
  }, 30_000);
});

describe('an observer claiming huge clocks', () => {
  let relay: RelayProcess;
  beforeAll(async () => {
    relay = await startRelayProcess();
  });
  afterAll(() => relay.stop());

  it('gets an answer that sends nothing it lacks, and the room stays open', async () => {
    const room = await roomOf(relay, 1_000);
    const attacker = await opened(roomUrl(relay.wsUrl, room, await workspaceOf(room).token({ role: 'observer' })));
    const answers: Buffer[] = [];
    attacker.on('message', (data: Buffer) => answers.push(data));
    // Three clients, each at the largest clock a varint may carry (2^53 - 1).
    const huge = [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x0f];
    const stateVector = [3, 1, ...huge, 2, ...huge, 0xff, 0xff, 0xff, 0xff, 0x0f, ...huge];
    attacker.send(Uint8Array.of(0, 0, stateVector.length, ...stateVector));
    await eventually(() => answers.some((a) => a[0] === 0 && a[1] === 1), 5_000, 'a sync step 2');
    // The writer's client is not among the three: the whole text comes back, nothing more.
    expect(answers.find((a) => a[0] === 0 && a[1] === 1)!.byteLength).toBeLessThan(1_200);
    attacker.close();
    expect(await counter(relay, 'maillage_rooms_quarantined')).toBe(0);
  });
});

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
    const { entries } = (await (await fetch(`${relay.url}journal?ws=${workspace.ws}&limit=1000`, { headers: { authorization: `Bearer ${coordinator}` } })).json()) as { entries: { event: string; reason: string }[] };
    const refused = entries.filter((e) => e.event === 'refused' && e.reason === 'unauthorized').length;
    // The first ones are kept (someone is knocking); the rest only counted.
    expect(refused).toBeGreaterThan(0);
    expect(refused).toBeLessThanOrEqual(20);
    expect(await counter(relay, 'maillage_refusals_not_journaled_total')).toBe(KNOCKS - refused);
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
    const memory = async () => ((await (await fetch(`${relay.url}healthz`)).json()) as { memoryMb: { arrayBuffers: number } }).memoryMb.arrayBuffers;
    const before = await memory();
    const payload = Buffer.alloc(20 * 1024 * 1024, 1);
    const codes = await Promise.all(Array.from({ length: 8 }, () => new Promise<number>((resolve) => {
      const ws = new WebSocket(`${relay.wsUrl}/${room}`);
      ws.on('error', () => undefined);
      // One frame of a message that never ends: ws buffers it whole before it could read the close behind it.
      ws.once('open', () => ws.send(payload, { fin: false }));
      ws.once('close', (code) => resolve(code));
    })));
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
    await eventually(async () => (await fetch(`${relay.url}healthz`).catch(() => null))?.status === 200, 5_000, 'the address let in again');
    expect(await counter(relay, 'maillage_address_limit_dropped_total')).toBeGreaterThanOrEqual(20);
    expect(relay.output().match(/address_limit/g)).toHaveLength(1);
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
    const request = await signRevokeRequest(workspace.root, { ws: workspace.ws, kind: 'member', target: 'someone-0001', jti: newDocId() });
    for (const token of [key.delegation!, request]) {
      expect((await closeOf(roomUrl(relay.wsUrl, room, token))).code).toBe(CloseCode.unauthorized);
      const journal = await fetch(`${relay.url}journal?ws=${workspace.ws}`, { headers: { authorization: `Bearer ${token}` } });
      expect(journal.status).toBe(403);
    }
    const access = await workspace.token({ role: 'coordinator' });
    expect((await fetch(`${relay.url}revoke`, { method: 'POST', body: access })).status).toBe(401);
  });

  it("cannot revoke in, nor read the journal, revocations or lists of, a workspace that is not its own", async () => {
    const [ours, theirs] = [await newTestWorkspace(), await newTestWorkspace()];
    // Their root key signs a request naming our workspace: the key does not derive our id.
    const forged = await signRevokeRequest(theirs.root, { ws: ours.ws, kind: 'member', target: 'dr-martin-01', jti: newDocId() });
    expect((await fetch(`${relay.url}revoke`, { method: 'POST', body: forged })).status).toBe(401);
    const theirCoordinator = await theirs.token({ role: 'coordinator' });
    const headers = { authorization: `Bearer ${theirCoordinator}` };
    expect((await fetch(`${relay.url}journal?ws=${ours.ws}`, { headers })).status).toBe(403);
    expect((await fetch(`${relay.url}revocations?ws=${ours.ws}`, { headers })).status).toBe(403);
    const room = roomName({ workspaceId: ours.ws, docId: newDocId() });
    expect((await fetch(`${relay.url}acl?room=${encodeURIComponent(room)}`, { headers })).status).toBe(403);
    expect((await fetch(`${relay.url}acl`, { method: 'POST', headers, body: JSON.stringify({ room, members: [] }) })).status).toBe(403);
    // Our member is still in.
    const member = connect(relay.wsUrl, room, { token: await ours.token({ member: 'dr-martin-01' }) });
    await whenSynced(member);
    member.destroy();
  });

  it("cannot take a restricted room's creator off its list: the creator stays on it and in the room", async () => {
    const workspace = await newTestWorkspace();
    const nonce = newRestrictedNonce();
    const room = roomName({ workspaceId: workspace.ws, docId: await restrictedDocId(workspace.ws, 'dr-martin-01', nonce) });
    const post = async (member: string, body: unknown) => fetch(`${relay.url}acl`, { method: 'POST', headers: { authorization: `Bearer ${await workspace.token({ member })}` }, body: JSON.stringify(body) });
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
      const room = roomName({ workspaceId: workspace.ws, docId: await restrictedDocId(workspace.ws, 'dr-martin-01', nonce) });
      const response = await fetch(`${relay.url}acl`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: JSON.stringify({ room, members, nonce }) });
      return { room, status: response.status, error: ((await response.json()) as { error?: string }).error };
    };
    const made = [];
    for (let i = 0; i < MAX; i++) made.push(await claim());
    expect(made.map((m) => m.status)).toEqual(Array(MAX).fill(200));
    expect(await claim()).toMatchObject({ status: 403, error: 'tooManyLists' });
    const change = await fetch(`${relay.url}acl`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: JSON.stringify({ room: made[0]!.room, members: [] }) });
    expect(change.status).toBe(200);
    // Another member of the workspace still makes theirs.
    const other = await workspace.token({ member: 'ide-durand01' });
    const nonce = newRestrictedNonce();
    const room = roomName({ workspaceId: workspace.ws, docId: await restrictedDocId(workspace.ws, 'ide-durand01', nonce) });
    expect((await fetch(`${relay.url}acl`, { method: 'POST', headers: { authorization: `Bearer ${other}` }, body: JSON.stringify({ room, members: [], nonce }) })).status).toBe(200);
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
    const codes = await Promise.all(rooms.map((room) => closeOf(roomUrl(relay.wsUrl, room), undefined, 1_500).then((c) => c.code, () => 0)));
    // 0: not closed in time, which is what a served socket does.
    expect(codes.filter((c) => c === 0)).toHaveLength(1);
    expect(codes.filter((c) => c === CloseCode.workspaceNotServed)).toHaveLength(5);
  });
});

void Y;
