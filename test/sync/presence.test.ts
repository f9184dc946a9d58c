// Presence is each socket's own: another client's state cannot be overwritten or erased, and one socket holds a few states at most.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import type { WebsocketProvider } from 'y-websocket';
import { startRelayProcess, type RelayProcess } from '../support/relayProcess';
import { metricValue } from '../support/metrics';
import { openSocket } from '../support/rawSocket';
import { connect, eventually, freshRoom, roomUrl, whenSynced, workspaceOf } from '../support/yClient';

let relay: RelayProcess;
beforeAll(async () => {
  relay = await startRelayProcess();
});
afterAll(() => relay.stop());

/** A y-websocket awareness message (type 1) carrying these entries, as a client could write it. */
function awarenessMessage(entries: { id: number; clock: number; state: unknown }[]): Uint8Array {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, entries.length);
  for (const { id, clock, state } of entries) {
    encoding.writeVarUint(update, id);
    encoding.writeVarUint(update, clock);
    encoding.writeVarString(update, JSON.stringify(state));
  }
  const message = encoding.createEncoder();
  encoding.writeVarUint(message, 1);
  encoding.writeVarUint8Array(message, encoding.toUint8Array(update));
  return encoding.toUint8Array(message);
}

type User = { user?: { name?: string } };
const nameSeen = (provider: WebsocketProvider, id: number) =>
  (provider.awareness.getStates().get(id) as User | undefined)?.user?.name;

describe('presence', () => {
  it("an observer's presence naming a member's client id changes nothing a third client sees", async () => {
    const room = await freshRoom();
    const member = connect(relay.wsUrl, room);
    const third = connect(relay.wsUrl, room);
    await Promise.all([whenSynced(member), whenSynced(third)]);
    member.awareness.setLocalStateField('user', { name: 'Dr Martin' });
    const target = member.awareness.clientID;
    await eventually(() => nameSeen(third, target) === 'Dr Martin', 5000, 'the member seen');

    const observer = await openSocket(roomUrl(relay.wsUrl, room, await workspaceOf(room).token({ role: 'observer' })));
    observer.send(awarenessMessage([{ id: target, clock: 1000, state: { user: { name: 'Imposteur' } } }]));
    observer.send(awarenessMessage([{ id: target, clock: 1001, state: null }]));
    // Its own presence, after the others on the same socket: once the third client sees it, the relay has handled them.
    observer.send(awarenessMessage([{ id: 424242, clock: 1, state: { user: { name: 'Observatrice' } } }]));
    await eventually(() => nameSeen(third, 424242) === 'Observatrice', 5000, "the observer's own presence");
    expect(nameSeen(third, target)).toBe('Dr Martin');

    observer.close();
    await eventually(
      () => !third.awareness.getStates().has(424242),
      5000,
      "the observer's presence gone with its socket",
    );
    expect(nameSeen(third, target)).toBe('Dr Martin');
    member.destroy();
    third.destroy();
  });

  it('a socket sending 20,000 presence entries holds a few at most, and too large a state is dropped', async () => {
    const room = await freshRoom();
    const watcher = connect(relay.wsUrl, room);
    await whenSynced(watcher);
    let largest = 0;
    watcher.awareness.on('change', () => {
      for (const state of watcher.awareness.getStates().values())
        largest = Math.max(largest, JSON.stringify(state).length);
    });

    const flood = await openSocket(roomUrl(relay.wsUrl, room));
    flood.send(
      awarenessMessage(
        Array.from({ length: 20_000 }, (_, i) => ({ id: 1_000_000 + i, clock: 1, state: { user: { name: `n${i}` } } })),
      ),
    );
    flood.send(awarenessMessage([{ id: 1_000_000, clock: 2, state: { user: { name: 'x'.repeat(5000) } } }]));
    flood.send(awarenessMessage([{ id: 1_000_000, clock: 3, state: { user: { name: 'fin' } } }]));
    await eventually(() => nameSeen(watcher, 1_000_000) === 'fin', 10_000, 'the last state');
    const others = [...watcher.awareness.getStates().keys()].filter((id) => id !== watcher.awareness.clientID);
    expect(others.length).toBeLessThanOrEqual(4);
    expect(largest).toBeLessThan(5000);

    const dropped = (reason: string) => metricValue(relay, `maillage_presence_dropped_total{reason="${reason}"}`);
    expect(await dropped('notOwn')).toBeGreaterThanOrEqual(19_996);
    expect(await dropped('tooLarge')).toBeGreaterThanOrEqual(1);
    flood.close();
    watcher.destroy();
  });
});
