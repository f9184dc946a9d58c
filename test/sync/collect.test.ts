// The relay collects deleted content in the workspace's well-known rooms only: a new device's first sync of a catalogue
// overwritten thousands of times stays small, and a room with versions still hands over every byte.
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { WELL_KNOWN_DOCS, keepsHistory, parseRoom, roomName } from '@maillage/shared';
import { eventually, freshRoom, whenSynced } from '../support/yClient';
import { Started } from '../support/started';

const started = new Started();
const client = (wsUrl: string, room: string, doc: Y.Doc) => started.client(wsUrl, room, { doc });

afterEach(async () => {
  await started.end();
});

const OVERWRITES = 2_000;

/** Overwrites one entry's date OVERWRITES times, an update each, as the app's documents do (gc by the same rule). */
async function overwrite(wsUrl: string, room: string): Promise<void> {
  const docId = parseRoom(room)!.docId;
  const writer = client(wsUrl, room, new Y.Doc({ gc: !keepsHistory(docId) }));
  await whenSynced(writer);
  const entry = writer.doc.getMap('entries');
  for (let i = 0; i < OVERWRITES; i++) {
    entry.set('updatedAt', `2026-12-05T02:${String(i).padStart(6, '0')}`);
    if (i % 100 === 99) await new Promise((r) => setImmediate(r));
  }
  const reader = client(wsUrl, room, new Y.Doc());
  await eventually(
    () => reader.doc.getMap('entries').get('updatedAt') === `2026-12-05T02:${String(OVERWRITES - 1).padStart(6, '0')}`,
    20_000,
    'last value relayed',
  );
}

/** What a new device keeping every byte receives on its first sync. */
async function firstSyncBytes(wsUrl: string, room: string): Promise<number> {
  const newcomer = client(wsUrl, room, new Y.Doc({ gc: false }));
  await whenSynced(newcomer);
  return Y.encodeStateAsUpdate(newcomer.doc).byteLength;
}

describe('collecting deleted content', () => {
  it('keeps a well-known room small under many overwrites, and every byte of a room with versions', async () => {
    const relay = await started.relay({
      env: { COMPACT_AFTER_UPDATES: '50', RATE_PER_SECOND: '100000', RATE_BURST: '100000' },
    });
    const protocol = await freshRoom();
    const catalogue = roomName({ workspaceId: parseRoom(protocol)!.workspaceId, docId: WELL_KNOWN_DOCS.catalogue });
    await overwrite(relay.wsUrl, catalogue);
    await overwrite(relay.wsUrl, protocol);
    started.dropClients();
    // Compacted at shutdown, loaded again from disk.
    const again = await relay.restart();
    started.keepRelay(again);
    // 2,000 dates of ~20 bytes once merged: ~40 KB kept where versions need them; collected, one value and a run of deleted ones.
    expect(await firstSyncBytes(again.wsUrl, protocol)).toBeGreaterThan(30_000);
    expect(await firstSyncBytes(again.wsUrl, catalogue)).toBeLessThan(1_000);
  }, 60_000);
});
