// A room whose stored state the relay cannot read is quarantined: its clients get 4422, and the relay and every other room go on.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import * as encoding from 'lib0/encoding';
import { CloseCode } from '@maillage/shared';
import { MAX_VALUE_DEPTH } from '../../relay/src/updateCheck';
import { openRoomStore } from '../../relay/src/persistence';
import { deepArrays } from '../../relay/src/updateArbitraries';
import { closeOf, eventually, freshRoom, roomUrl, whenSynced } from '../support/yClient';
import { Started } from '../support/started';

const started = new Started();
afterEach(() => started.end());

/** How the relay closed a stock client's socket, the first time it did. */
function closeCodeOf(provider: WebsocketProvider): Promise<number> {
  return new Promise((resolve) =>
    provider.once('connection-close', (event: CloseEvent | null) => resolve(event?.code ?? 0)),
  );
}

const textUpdate = (text: string) => {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
};

describe('a poisoned room', () => {
  it('is quarantined on open, and the relay stays up for every other room, across a restart', async () => {
    // What an old relay let through: a value nested far past the stack's depth, stored as a writer's update would be.
    const dataDir = mkdtempSync(join(tmpdir(), 'maillage-poison-'));
    const poisoned = await freshRoom();
    const store = openRoomStore(dataDir);
    store.appendBatch([
      { room: poisoned, update: textUpdate('avant') },
      { room: poisoned, update: deepArrays(200_000) },
    ]);
    store.close();

    const relay = await started.relay({ dataDir });
    const victim = started.client(relay.wsUrl, poisoned);
    expect(await closeCodeOf(victim)).toBe(CloseCode.roomUnavailable);
    victim.destroy();

    const health = (await (await fetch(`${relay.url}healthz`)).json()) as { status: string };
    expect(health.status).toBe('ok');
    // Every other room syncs between two clients.
    const room = await freshRoom();
    const [a, b] = [started.client(relay.wsUrl, room), started.client(relay.wsUrl, room)];
    await Promise.all([whenSynced(a), whenSynced(b)]);
    a.doc.getText('t').insert(0, 'toujours là');
    await eventually(() => b.doc.getText('t').toString() === 'toujours là', 10_000, 'another room syncs');
    // A new connection to the poisoned room is refused with the same code, and /metrics counts it.
    expect((await closeOf(roomUrl(relay.wsUrl, poisoned))).code).toBe(CloseCode.roomUnavailable);
    expect(await (await fetch(`${relay.url}metrics`)).text()).toMatch(/^maillage_rooms_quarantined 1$/m);

    // Restarted, the relay still refuses it, at once, and the journal holds the quarantine and each refusal.
    const again = started.keepRelay(await relay.restart());
    expect((await closeOf(roomUrl(again.wsUrl, poisoned))).code).toBe(CloseCode.roomUnavailable);
    await again.stop();
    const stored = openRoomStore(dataDir);
    const refusals = stored.db
      .prepare("SELECT member FROM journal WHERE room = ? AND event = 'refused' AND reason = 'roomUnavailable'")
      .all(poisoned) as { member: string | null }[];
    stored.close();
    expect(refusals.filter((r) => r.member === null)).toHaveLength(1); // the quarantine itself
    expect(refusals.filter((r) => r.member !== null)).toHaveLength(2); // the two connections refused after it
  });
});

describe('a value nested past the bound', () => {
  it('closes the socket that sends it with 4400, and a realistic value still syncs', async () => {
    const relay = await started.relay();
    const room = await freshRoom();
    const [a, b] = [started.client(relay.wsUrl, room), started.client(relay.wsUrl, room)];
    await Promise.all([whenSynced(a), whenSynced(b)]);

    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 0); // sync
    encoding.writeVarUint(e, 2); // update
    encoding.writeVarUint8Array(e, deepArrays(MAX_VALUE_DEPTH + 1, 7));
    const closed = await closeOf(roomUrl(relay.wsUrl, room), (ws) => ws.send(encoding.toUint8Array(e)));
    expect(closed.code).toBe(CloseCode.malformedMessage);
    expect(closed.reason).toContain('nested too deep');

    // What the app writes at its deepest and largest: a mark's attributes, a 300-commune territory.
    a.doc.getText('t').insert(0, 'Posologie', { link: { href: 'https://has-sante.fr', rel: ['noopener'] } });
    a.doc.getMap('workspace').set(
      'territory',
      Array.from({ length: 300 }, (_, i) => `Commune ${i}`),
    );
    await eventually(
      () => (b.doc.getMap('workspace').get('territory') as string[] | undefined)?.length === 300,
      10_000,
      'value synced',
    );
    expect(b.doc.getText('t').toDelta()).toEqual(a.doc.getText('t').toDelta());
    expect(a.wsconnected && b.wsconnected).toBe(true);
  });
});
