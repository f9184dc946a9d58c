// The fan-out between relays sharing rooms (docs/decisions/0040): entries arrive by pub/sub, and what pub/sub missed is
// read from the room's stream — an entry never published (a gap before the next one), a connection lost and back.
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { startRelayProcess, type RelayProcess } from '../support/relayProcess';
import { startSharedStore, type SharedStore } from '../support/sharedStore';
import { connectRedis, roomStreamKey } from '../../relay/src/sharedStore/roomStreams';
import { connect, eventually, freshRoom, whenSynced } from '../support/yClient';

let store: SharedStore;
let redis: ReturnType<typeof connectRedis>;
let one: RelayProcess;
let two: RelayProcess;
const providers: WebsocketProvider[] = [];

const client = (relay: RelayProcess, room: string) => {
  const provider = connect(relay.wsUrl, room);
  providers.push(provider);
  return provider;
};
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

beforeAll(async () => {
  store = await startSharedStore();
  redis = connectRedis(store.redisUrl);
  await redis.connect();
  [one, two] = await Promise.all([startRelayProcess({ env: store.env }), startRelayProcess({ env: store.env })]);
});

afterAll(async () => {
  for (const p of providers.splice(0)) p.destroy();
  await Promise.all([one, two].filter(Boolean).map((r) => r.stop()));
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
