// What keeps workspaces and members in bounds when two relays share the rooms (docs/decisions/0040): the workspace's
// quota counted once for both; revocations, care-team lists and the change feed that outlive Redis' data; a room
// quarantined by one relay refused by the other.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import { CloseCode, newDocId, newRestrictedNonce, parseRoom, restrictedDocId, roomName } from '@maillage/shared';
import { type RelayProcess } from '../support/relayProcess';
import { startSharedStore, type SharedStore } from '../support/sharedStore';
import { servedSocket } from '../support/rawSocket';
import { openSharedRoomLog } from '../../relay/src/sharedStore/sharedRoomLog';
import { deepArrays } from '../../relay/src/updateArbitraries';
import { closeOf, eventually, freshRoom, roomUrl, whenSynced, workspaceOf } from '../support/yClient';
import { Started } from '../support/started';

let store: SharedStore;
let one: RelayProcess;
let two: RelayProcess;
const started = new Started(() => ({ env: store.env }));
const start = (env: Record<string, string> = {}) => started.relay({ env });
const client = (relay: RelayProcess, room: string) => started.client(relay.wsUrl, room);
const text = (provider: WebsocketProvider) => provider.doc.getText('t');
const closeCodeOf = (provider: WebsocketProvider) =>
  new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the writer was not closed')), 10_000);
    provider.on('connection-close', (event) => {
      if (!event) return;
      clearTimeout(timer);
      resolve(event.code);
    });
  });

beforeAll(async () => {
  store = await startSharedStore();
  [one, two] = await Promise.all([start({ MAX_WORKSPACE_MB: '1' }), start({ MAX_WORKSPACE_MB: '1' })]);
});

afterAll(async () => {
  await started.end();
  await store?.stop();
});

describe('two relays sharing rooms', () => {
  it("refuse a workspace past MAX_WORKSPACE_MB through either, with the same close code, and take another's writes", async () => {
    const [full, other] = [await freshRoom(), await freshRoom()];
    const KB600 = 'a'.repeat(600 * 1024);
    // One writer on each relay, both in the room before anything is written.
    const [first, second] = [client(one, full), client(two, full)];
    await Promise.all([whenSynced(first), whenSynced(second)]);
    text(first).insert(0, KB600);
    await eventually(() => text(second).length === KB600.length, 10_000, 'the first 600 KB across relays');
    const ws = parseRoom(full)!.workspaceId;
    // Counted in Redis within a moment of the append.
    await eventually(
      () => Number(store.redis('HGET', `maillage:quota:${ws}`, '*')) > 600 * 1024,
      5_000,
      'the 600 KB counted in Redis',
    );

    // Written through one, counted on two: two refuses the next 600 KB, as one does.
    const closedOnTwo = closeCodeOf(second);
    text(second).insert(0, KB600);
    expect(await closedOnTwo).toBe(CloseCode.quotaExceeded);
    second.destroy();
    const closedOnOne = closeCodeOf(first);
    text(first).insert(0, 'b'.repeat(600 * 1024));
    expect(await closedOnOne).toBe(CloseCode.quotaExceeded);
    first.destroy();

    // A newcomer on two is refused too, whether two still holds the room or reads it again from the shared store.
    const late = client(two, full);
    await whenSynced(late);
    expect(text(late).length).toBe(KB600.length);
    const closedLate = closeCodeOf(late);
    text(late).insert(0, KB600);
    expect(await closedLate).toBe(CloseCode.quotaExceeded);

    const [a, b] = [client(two, other), client(one, other)];
    await Promise.all([whenSynced(a), whenSynced(b)]);
    text(a).insert(0, KB600);
    await eventually(() => text(b).length === KB600.length, 10_000, "the other workspace's write across relays");
  });
});

describe('Redis losing its data', () => {
  it('loses no revocation, list nor change: relays started afresh on the flushed Redis still refuse and list them', async () => {
    const room = await freshRoom();
    const workspace = workspaceOf(room);
    const member = newDocId();
    const revokedToken = await workspace.token({ member });
    expect((await workspace.revokeThrough(one.url, member)).status).toBe(200);

    const [martin, durand] = ['dr-martin-01', 'ide-durand01'];
    const martinToken = await workspace.token({ member: martin });
    const durandToken = await workspace.token({ member: durand });
    const nonce = newRestrictedNonce();
    const team = roomName({ workspaceId: workspace.ws, docId: await restrictedDocId(workspace.ws, martin, nonce) });
    const setList = (members: string[]) =>
      fetch(`${two.url}acl`, {
        method: 'POST',
        headers: { authorization: `Bearer ${martinToken}` },
        body: JSON.stringify({ room: team, members, nonce }),
      });
    expect((await setList([durand])).status).toBe(200);
    expect((await setList([])).status).toBe(200);
    const refusedEverywhere = async (relays: RelayProcess[]) => {
      for (const relay of relays) {
        expect((await closeOf(roomUrl(relay.wsUrl, room, revokedToken))).code).toBe(CloseCode.revoked);
        expect((await closeOf(roomUrl(relay.wsUrl, team, durandToken))).code).toBe(CloseCode.forbidden);
      }
    };
    await eventually(
      async () =>
        (await closeOf(roomUrl(one.wsUrl, team, durandToken))).code === CloseCode.forbidden &&
        (await closeOf(roomUrl(two.wsUrl, room, revokedToken))).code === CloseCode.revoked,
      10_000,
      'the revocation and the list on both relays',
    );
    // Postgres takes them in the background, after Redis.
    await eventually(
      () => store.sql(`SELECT count(*) FROM maillage_records WHERE value LIKE '%${workspace.ws}%'`) === '2',
      10_000,
      'both kept in Postgres',
    );

    // A change through one: its head, copied into Postgres within a second.
    const doc = room.split('/')[1]!;
    const writer = client(one, room);
    await whenSynced(writer);
    text(writer).insert(0, 'changed');
    await eventually(
      () => store.sql(`SELECT count(*) FROM maillage_heads WHERE doc = '${doc}'`) === '1',
      10_000,
      'the head copied into Postgres',
    );
    const feedToken = await workspace.token();
    const listed = async (relay: RelayProcess) =>
      (
        (await (
          await fetch(`${relay.url}changes?ws=${workspace.ws}&since=0`, {
            headers: { authorization: `Bearer ${feedToken}` },
          })
        ).json()) as { changes: { doc: string }[] }
      ).changes.some((change) => change.doc === doc);

    store.redis('FLUSHALL');
    // Relays whose own copies are gone too (a new machine, an emptied disk): all they can read is the shared store.
    const fresh = await Promise.all([start(), start()]);
    await refusedEverywhere([one, two, ...fresh]);
    for (const relay of [one, ...fresh]) expect(await listed(relay)).toBe(true);
    // And Redis has them again, for whoever reads it.
    await eventually(
      () => store.redis('HLEN', 'maillage:revocations') !== '0' && store.redis('HLEN', 'maillage:acls') !== '0',
      10_000,
      'the records back in Redis',
    );
  });
});

describe('a room quarantined by one relay', () => {
  it('is refused by the other, its sockets there closed at once, until an operator deletes its row', async () => {
    const room = await freshRoom();
    const holder = client(two, room);
    await whenSynced(holder);
    text(holder).insert(0, 'avant');
    await eventually(() => store.redis('XLEN', `maillage:room:${room}`) !== '0', 10_000, 'the edit in the stream');
    // A compacted state nobody can read (nested past any stack) lands in Postgres: two holds the room in memory and
    // does not read it, one will.
    const log = await openSharedRoomLog({ redisUrl: store.redisUrl, databaseUrl: store.databaseUrl }, () => {});
    try {
      const { cursor } = await log.load(room);
      expect(await log.compact(room, deepArrays(200_000), cursor)).toBe('compacted');
    } finally {
      await log.close();
    }

    const closedOnTwo = closeCodeOf(holder);
    expect((await closeOf(roomUrl(one.wsUrl, room))).code).toBe(CloseCode.roomUnavailable);
    expect(await closedOnTwo).toBe(CloseCode.roomUnavailable);
    holder.destroy();
    expect((await closeOf(roomUrl(two.wsUrl, room))).code).toBe(CloseCode.roomUnavailable);
    expect(store.sql(`SELECT count(*) FROM maillage_quarantined_rooms WHERE room = '${room}'`)).toBe('1');

    // The operator removes the unreadable state, then releases the room: both relays serve it again.
    store.sql(`DELETE FROM maillage_rooms WHERE room = '${room}'`);
    store.sql(`DELETE FROM maillage_quarantined_rooms WHERE room = '${room}'`);
    for (const relay of [one, two])
      await eventually(
        async () => {
          const socket = await servedSocket(roomUrl(relay.wsUrl, room)).catch(() => null);
          socket?.ws.close();
          return socket !== null;
        },
        10_000,
        'the room served again',
      );
  });
});

describe('Postgres unreachable', () => {
  it('leaves the change feed answering from Redis', async () => {
    const room = await freshRoom();
    const workspace = workspaceOf(room);
    const doc = room.split('/')[1]!;
    const token = await workspace.token();
    const feed = (relay: RelayProcess) =>
      fetch(`${relay.url}changes?ws=${workspace.ws}&since=0`, { headers: { authorization: `Bearer ${token}` } });
    const writer = client(one, room);
    await whenSynced(writer);
    text(writer).insert(0, 'changed');
    const listed = async () => {
      const response = await feed(two);
      const body = (await response.json()) as { changes?: { doc: string }[] };
      return response.status === 200 && (body.changes ?? []).some((change) => change.doc === doc);
    };
    await eventually(listed, 10_000, 'the change listed');
    store.stopPostgres();
    try {
      expect(await listed()).toBe(true);
    } finally {
      store.startPostgres();
    }
  });
});
