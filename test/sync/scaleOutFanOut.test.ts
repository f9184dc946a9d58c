// The fan-out between relays sharing rooms (docs/decisions/0040): entries arrive by pub/sub, and what pub/sub missed is
// read from the room's stream — an entry never published (a gap before the next one), a connection lost and back.
// And the change feed's ticks, taken a moment after the change: a device may hear of it a request late, never miss it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { type RelayProcess } from '../support/relayProcess';
import { startSharedStore, type SharedStore } from '../support/sharedStore';
import { connectRedis, roomStreamKey } from '../../relay/src/sharedStore/roomStreams';
import { eventually, freshRoom, whenSynced, workspaceOf } from '../support/yClient';
import { Started } from '../support/started';

let store: SharedStore;
let redis: ReturnType<typeof connectRedis>;
let one: RelayProcess;
let two: RelayProcess;
const started = new Started(() => ({ env: store.env }));
const client = (relay: RelayProcess, room: string) => started.client(relay.wsUrl, room);
const text = (provider: WebsocketProvider) => provider.doc.getText('t').toString();

/** An entry added to the room's stream as a relay would, but never published on its channel. */
async function addUnpublished(room: string, content: string): Promise<void> {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, content);
  await redis.xadd(roomStreamKey(room), '*', 'u', Buffer.from(Y.encodeStateAsUpdate(doc)), 'o', 'elsewhere');
}

/** Both relays hold the room, each with a client that has what the other wrote. */
async function roomOnBoth(): Promise<[string, WebsocketProvider, WebsocketProvider]> {
  const room = await freshRoom();
  const [a, b] = [client(one, room), client(two, room)];
  await Promise.all([whenSynced(a), whenSynced(b)]);
  a.doc.getText('t').insert(0, 'a');
  await eventually(() => text(b) === 'a', 5_000, 'the first edit across relays');
  return [room, a, b];
}

/** /changes of the room's workspace through a relay, after a cursor: whether it lists the room, and its new cursor. */
async function changes(relay: RelayProcess, room: string, since: number) {
  const workspace = workspaceOf(room);
  const answer = await fetch(`${relay.url}changes?ws=${workspace.ws}&since=${since}`, {
    headers: { authorization: `Bearer ${await workspace.token()}` },
  });
  const { changes, cursor } = (await answer.json()) as { changes: { doc: string }[]; cursor: number };
  return { listed: changes.some((change) => change.doc === room.split('/')[1]), cursor };
}

beforeAll(async () => {
  store = await startSharedStore();
  redis = connectRedis(store.redisUrl);
  await redis.connect();
  [one, two] = await Promise.all([started.relay(), started.relay()]);
});

afterAll(async () => {
  await started.end();
  redis?.disconnect();
  await store?.stop();
});

describe('the fan-out between relays', () => {
  it('reads from the stream an entry its channel never carried, on the next one', async () => {
    const [room, a, b] = await roomOnBoth();
    await addUnpublished(room, 'missed');
    // The next entry is published with the missed one's id as the one before it: both relays read the stream.
    a.doc.getText('t').insert(0, 'b');
    await eventually(() => text(b).includes('missed') && text(b).includes('b'), 5_000, 'the missed entry on two');
    await eventually(() => text(a).includes('missed'), 5_000, 'the missed entry on one');
  });

  it('reads every stream again once its subscribed connection comes back', async () => {
    const [room, , b] = await roomOnBoth();
    // As if it were published while the relays' subscribed connections were down: they come back by themselves.
    await addUnpublished(room, 'lost');
    store.redis('CLIENT', 'KILL', 'TYPE', 'pubsub');
    await eventually(() => text(b).includes('lost'), 5_000, 'the entry added while disconnected');
  });
});

describe("the change feed's ticks, taken a moment after the change", () => {
  it('lists a change at a later request to a device whose cursor was taken before its tick', async () => {
    const [room, a, b] = await roomOnBoth();
    const { cursor: before } = await changes(two, room, 0);
    a.doc.getText('t').insert(0, 'b');
    await eventually(() => text(b) === 'ba', 5_000, 'the edit across relays');
    // Asked as soon as the edit reached the other relay: most likely before its tick.
    const first = await changes(two, room, before);
    if (!first.listed)
      await eventually(async () => (await changes(two, room, first.cursor)).listed, 5_000, 'the change listed later');
  });

  it('takes the ticks still due when a relay stops', async () => {
    const three = await started.relay();
    const room = await freshRoom();
    const { cursor } = await changes(two, room, 0);
    const [writer, reader] = [client(three, room), client(two, room)];
    await Promise.all([whenSynced(writer), whenSynced(reader)]);
    writer.doc.getText('t').insert(0, 'x');
    await eventually(() => text(reader) === 'x', 5_000, 'the edit across relays');
    await three.stop();
    expect((await changes(two, room, cursor)).listed).toBe(true);
  });
});
