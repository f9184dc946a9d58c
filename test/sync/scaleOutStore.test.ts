// What the shared store keeps for every relay (docs/decisions/0040): the change feed and first copies read the same
// through either relay, a Redis killed and started again loses nothing it acknowledged, and a single relay's data moves
// in with one command.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { startRelayProcess, type RelayProcess } from '../support/relayProcess';
import { relayNodeArgs } from '../../relay/src/launch';
import { startSharedStore, type SharedStore } from '../support/sharedStore';
import { CloseCode, decodeFetchAnswer, fetchUrl, newDocId } from '@maillage/shared';
import { servedSocket } from '../support/rawSocket';
import { closeOf, eventually, freshRoom, roomUrl, untilRelayHolds, whenSynced, workspaceOf } from '../support/yClient';
import { Started } from '../support/started';

let store: SharedStore;
let one: RelayProcess;
let two: RelayProcess;
const started = new Started(() => ({ env: store.env }));
const start = () => started.relay();
const client = (wsUrl: string, room: string) => started.client(wsUrl, room);
const items = (provider: WebsocketProvider) => provider.doc.getArray<number>('items');

beforeAll(async () => {
  store = await startSharedStore();
  [one, two] = await Promise.all([start(), start()]);
});

afterAll(async () => {
  await started.end();
  await store?.stop();
});

describe('the change feed across relays', () => {
  it('lists on either relay a room changed through the other, and a cursor from one is good on the other', async () => {
    const room = await freshRoom();
    const workspace = workspaceOf(room);
    const doc = room.split('/')[1]!;
    const token = await workspace.token();
    const feed = async (relay: RelayProcess, since: number) =>
      (await (
        await fetch(`${relay.url}changes?ws=${workspace.ws}&since=${since}`, {
          headers: { authorization: `Bearer ${token}` },
        })
      ).json()) as { changes: { doc: string }[]; cursor: number };
    const listed = async (relay: RelayProcess, since: number) =>
      (await feed(relay, since)).changes.some((change) => change.doc === doc);
    const before = await feed(two, 0);
    expect(before.changes).toEqual([]);

    const writer = client(one.wsUrl, room);
    await whenSynced(writer);
    items(writer).push([1]);
    await eventually(() => listed(two, before.cursor), 5000, 'the change listed by the other relay');
    const cursor = (await feed(two, before.cursor)).cursor;
    expect(await listed(one, cursor)).toBe(false);
    items(writer).push([2]);
    await eventually(() => listed(one, cursor), 5000, 'the next change listed after that cursor');
  });

  it('gives a new device the state of a room written through the other relay, in one request (GET /fetch)', async () => {
    const room = await freshRoom();
    const workspace = workspaceOf(room);
    const doc = room.split('/')[1]!;
    const writer = client(one.wsUrl, room);
    await whenSynced(writer);
    items(writer).push([1, 2, 3]);
    await untilRelayHolds(one.wsUrl, room, (d) => d.getArray('items').length === 3);
    const response = await fetch(fetchUrl(two.url.replace(/\/$/, ''), workspace.ws, [doc]), {
      headers: { authorization: `Bearer ${await workspace.token()}` },
    });
    const [fetched] = decodeFetchAnswer(new Uint8Array(await response.arrayBuffer()), 1);
    if (fetched?.outcome !== 'state') throw new Error(`no state from the other relay: ${fetched?.outcome}`);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, fetched.state);
    expect(copy.getArray('items').toArray()).toEqual([1, 2, 3]);
  });
});

describe('Redis killed and started again', () => {
  it('refuses writes meanwhile with a code the stock client retries, serves reads, then loses nothing Redis acknowledged', async () => {
    const room = await freshRoom();
    const a = client(one.wsUrl, room);
    const b = client(two.wsUrl, room);
    await Promise.all([whenSynced(a), whenSynced(b)]);
    for (let i = 0; i < 10; i++) items(a).push([i]);
    await eventually(() => items(b).length === 10, 5000, 'the first edits across');
    const closes: number[] = [];
    a.on('connection-close', (event: CloseEvent | null) => void closes.push(event?.code ?? 0));

    await store.killRedis();
    for (let i = 10; i < 20; i++) items(a).push([i]);
    await eventually(() => closes.includes(CloseCode.storeUnavailable), 5000, 'the writer refused with 4503');
    expect(items(b).length).toBe(10);
    // Reads go on meanwhile: a newcomer on the relay that holds the room gets what Redis had acknowledged.
    const newcomer = client(two.wsUrl, room);
    await whenSynced(newcomer);
    expect(items(newcomer).toArray()).toEqual(Array.from({ length: 10 }, (_, i) => i));
    await store.startRedis();

    const everything = Array.from({ length: 20 }, (_, i) => i);
    await eventually(() => items(b).length === 20, 15_000, 'the rest across once Redis is back');
    expect(items(b).toArray()).toEqual(everything);
    const late = client(two.wsUrl, room);
    await whenSynced(late);
    expect(items(late).toArray()).toEqual(everything);
  });

  it('announces a revocation made while Redis was down once it is back', async () => {
    const room = await freshRoom();
    const workspace = workspaceOf(room);
    const member = newDocId();
    const url = roomUrl(two.wsUrl, room, await workspace.token({ member }));
    // Redis was just restarted: the relay's connections may still be on their way back (4503, retried by clients).
    let socket: Awaited<ReturnType<typeof servedSocket>> | null = null;
    await eventually(async () => (socket = await servedSocket(url).catch(() => null)) !== null, 5000, 'served');
    await store.killRedis();
    expect((await workspace.revokeThrough(one.url, member)).status).toBe(200);
    await store.startRedis();
    expect((await socket!.closed(10_000)).code).toBe(CloseCode.revoked);
  });
});

describe('moving a single relay into the shared store', () => {
  it('copies its rooms, revocations and journal into Postgres with one command, which may run twice', async () => {
    const single = await startRelayProcess();
    started.keepRelay(single);
    const room = await freshRoom();
    const writer = client(single.wsUrl, room);
    await whenSynced(writer);
    items(writer).push([1, 2, 3]);
    writer.doc.getText('body').insert(0, 'Protocole plaies chroniques');
    await untilRelayHolds(single.wsUrl, room, (doc) => doc.getArray('items').length === 3);
    writer.destroy();
    // A member revoked on the single relay stays revoked in the shared store.
    const workspace = workspaceOf(room);
    const member = newDocId();
    const revoked = await workspace.token({ member });
    expect((await workspace.revokeThrough(single.url, member)).status).toBe(200);
    await single.stop();

    const repo = fileURLToPath(new URL('../..', import.meta.url));
    const migrate = () =>
      execFileSync(process.execPath, [...relayNodeArgs(repo), '--migrate-to-shared'], {
        cwd: repo,
        env: { ...process.env, DATA_DIR: single.dataDir, ...store.env },
        encoding: 'utf8',
      });
    expect(migrate()).toMatch(/^1 salle\(s\) de .* copiées dans PostgreSQL .*, 1 révocation\(s\)/m);
    expect(migrate()).toMatch(/ 0 ligne\(s\) du journal d'accès/);
    const later = await start();
    expect((await closeOf(roomUrl(later.wsUrl, room, revoked))).code).toBe(CloseCode.revoked);
    // And the change feed lists the room moved in.
    const feed = (await (
      await fetch(`${later.url}changes?ws=${workspace.ws}&since=0`, {
        headers: { authorization: `Bearer ${await workspace.token()}` },
      })
    ).json()) as { changes: { doc: string }[] };
    expect(feed.changes.map((change) => change.doc)).toContain(room.split('/')[1]);
    // And the single relay's journal, once whatever the number of runs: the revocation made there is in it.
    const journal = (await (
      await fetch(`${later.url}journal?ws=${workspace.ws}`, {
        headers: { authorization: `Bearer ${await workspace.token({ role: 'coordinator' })}` },
      })
    ).json()) as { entries: { event: string }[] };
    expect(journal.entries.filter((entry) => entry.event === 'revoke')).toHaveLength(1);

    const reader = client(two.wsUrl, room);
    await whenSynced(reader);
    expect(items(reader).toArray()).toEqual([1, 2, 3]);
    expect(reader.doc.getText('body').toString()).toBe('Protocole plaies chroniques');
  });
});
