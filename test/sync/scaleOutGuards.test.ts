// What keeps workspaces and members in bounds when two relays share the rooms (docs/decisions/0040): the workspace's
// quota counted once for both.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import { CloseCode, parseRoom } from '@maillage/shared';
import { startRelayProcess, type RelayProcess } from '../support/relayProcess';
import { startSharedStore, type SharedStore } from '../support/sharedStore';
import { connect, eventually, freshRoom, whenSynced } from '../support/yClient';

let store: SharedStore;
let one: RelayProcess;
let two: RelayProcess;
const relays: RelayProcess[] = [];
const providers: WebsocketProvider[] = [];

const start = async (env: Record<string, string> = {}) => {
  const relay = await startRelayProcess({ env: { ...store.env, ...env } });
  relays.push(relay);
  return relay;
};
const client = (relay: RelayProcess, room: string) => {
  const provider = connect(relay.wsUrl, room);
  providers.push(provider);
  return provider;
};
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
  for (const p of providers.splice(0)) p.destroy();
  await Promise.all(relays.splice(0).map((r) => r.stop()));
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
    expect(Number(store.redis('HGET', `maillage:quota:${ws}`, '*'))).toBeGreaterThan(600 * 1024);

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
