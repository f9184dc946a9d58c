// A well-known room rewritten into a new epoch by the real relay while a device edits it offline: the device migrates
// its copy when it reconnects and its edits reach everyone; the room's state starts small again; a new device syncs the
// fresh epoch; a stock client holding the closed epoch is turned away.
import { isDeepStrictEqual } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import {
  EPOCH_PARAM,
  WELL_KNOWN_DOCS,
  CloseCode,
  newDocId,
  parseRoom,
  readCatalogueEntry,
  roomName,
  upsertCatalogueEntry,
  type CatalogueEntry,
  type EpochNotice,
} from '@maillage/shared';
import { onEpochNotice } from '../../client/src/sync/epochNotices';
import { migrateCopy, type RoomConnection } from '../../client/src/sync/epochMigration';
import { connect, eventually, freshRoom, whenSynced, workspaceOf } from '../support/yClient';
import { Started } from '../support/started';

const started = new Started();
afterEach(async () => {
  await started.end();
});

const entry = (title: string): CatalogueEntry => ({
  kind: 'protocol',
  title,
  status: 'draft',
  groupId: null,
  createdAt: '2026-01-05T08:00:00.000Z',
  updatedAt: '2026-01-05T08:00:00.000Z',
  deletedAt: null,
  theme: 'plaies',
  professions: ['infirmier'],
  reviewDate: null,
});

/** A colleague's visit: a stock client with a new doc (a new client id) that syncs, edits, and leaves once relayed. */
async function visit(wsUrl: string, room: string, edit: (doc: Y.Doc) => void): Promise<void> {
  const provider = connect(wsUrl, room, { doc: new Y.Doc({ gc: true }) });
  await whenSynced(provider);
  // One update: a stock client closed by the epoch this visit starts could not carry what it had still to send.
  provider.doc.transact(() => edit(provider.doc));
  // Relayed once a new reader has it (a reader connected before the epoch that this visit starts would be closed).
  const expected = provider.doc.getMap('entries').toJSON();
  await eventually(
    async () => {
      const check = connect(wsUrl, room, { doc: new Y.Doc({ gc: true }) });
      await whenSynced(check);
      const seen = check.doc.getMap('entries').toJSON();
      check.destroy();
      // Key order is each doc's own (the order its items were integrated in): compared as values.
      return isDeepStrictEqual(seen, expected);
    },
    10_000,
    'visit relayed',
  );
  provider.destroy();
}

/**
 * This app's client, in Node: a provider that names its copy's epoch, and migrates the copy (the shared and client
 * code the browser runs) when the relay says its epoch is closed. `current()` is the doc in use.
 */
function device(wsUrl: string, room: string, token: string) {
  const connection: RoomConnection = {
    url: wsUrl,
    room,
    params: { token },
    protocols: [],
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    shouldReconnect: () => true,
  };
  const state = {
    doc: new Y.Doc({ gc: true }),
    epoch: 0,
    provider: null as WebsocketProvider | null,
    notices: [] as EpochNotice[],
  };
  let migrated: () => void = () => {};
  const open = (connectNow: boolean) => {
    const provider = new WebsocketProvider(wsUrl, room, state.doc, {
      WebSocketPolyfill: connection.WebSocketPolyfill,
      disableBc: true,
      connect: connectNow,
      params: { token, [EPOCH_PARAM]: String(state.epoch) },
    });
    started.keep(provider);
    state.provider = provider;
    onEpochNotice(provider, (notice) => {
      state.notices.push(notice);
      if (notice.kind !== 'migrate') return;
      provider.disconnect();
      void migrateCopy(notice, connection, async (_epoch, migrate) => migrate(state.doc)).then(({ doc, epoch }) => {
        provider.destroy();
        Object.assign(state, { doc, epoch });
        open(true);
        migrated();
      });
    });
  };
  open(true);
  return { state, migration: new Promise<void>((resolve) => (migrated = resolve)) };
}

describe('epochs with the real relay', () => {
  it('carries an offline edit across an epoch to everyone, and serves a small fresh epoch to a new device', async () => {
    const relay = await started.relay({
      env: {
        COMPACT_AFTER_UPDATES: '10',
        EPOCH_MIN_BYTES: '4096',
        EPOCH_GROWTH: '2',
        RATE_PER_SECOND: '100000',
        RATE_BURST: '100000',
      },
    });
    const workspaceId = parseRoom(await freshRoom())!.workspaceId;
    const room = roomName({ workspaceId, docId: WELL_KNOWN_DOCS.catalogue });
    const token = await workspaceOf(room).token();
    const ids = Array.from({ length: 20 }, () => newDocId());
    await visit(relay.wsUrl, room, (doc) =>
      ids.forEach((id, i) => upsertCatalogueEntry(doc, id, entry(`Protocole ${i}`))),
    );

    // A device syncs, goes offline, and edits: a title, a new entry, an entry to the bin.
    const phone = device(relay.wsUrl, room, token);
    await whenSynced(phone.state.provider!);
    phone.state.provider!.disconnect();
    const created = newDocId();
    upsertCatalogueEntry(phone.state.doc, ids[0]!, { title: 'Plaies — modifié hors ligne' });
    upsertCatalogueEntry(phone.state.doc, created, entry('Créé hors ligne'));
    upsertCatalogueEntry(phone.state.doc, ids[1]!, { deletedAt: '2026-02-01T09:00:00.000Z' });
    const oldCopy = Y.encodeStateAsUpdate(phone.state.doc);

    // Colleagues' visits overwrite dates until the relay rewrites the room; one more visit edits in the new epoch.
    let visits = 0;
    while (!relay.output().includes('epoch_started')) {
      const stamp = new Date(Date.UTC(2026, 1, 2, 0, visits++)).toISOString();
      await visit(relay.wsUrl, room, (doc) => ids.forEach((id) => upsertCatalogueEntry(doc, id, { updatedAt: stamp })));
      expect(visits).toBeLessThan(150);
    }
    await visit(relay.wsUrl, room, (doc) => upsertCatalogueEntry(doc, ids[2]!, { title: 'Chutes (nouvelle époque)' }));

    // The device comes back: told its copy is of a closed epoch, it migrates, and its edits reach everyone.
    phone.state.provider!.connect();
    await Promise.race([
      phone.migration,
      new Promise((_, reject) => setTimeout(() => reject(new Error('the device did not migrate')), 20_000)),
    ]);
    expect(phone.state.notices[0]).toMatchObject({ kind: 'migrate' });
    expect(phone.state.epoch).toBeGreaterThanOrEqual(1);
    const reader = connect(relay.wsUrl, room, { doc: new Y.Doc({ gc: true }) });
    await eventually(
      () => readCatalogueEntry(reader.doc, created)?.title === 'Créé hors ligne',
      10_000,
      'edit relayed',
    );
    for (const doc of [reader.doc, phone.state.doc]) {
      expect(readCatalogueEntry(doc, ids[0]!)?.title).toBe('Plaies — modifié hors ligne');
      expect(readCatalogueEntry(doc, ids[1]!)?.deletedAt).toBe('2026-02-01T09:00:00.000Z');
      expect(readCatalogueEntry(doc, ids[2]!)?.title).toBe('Chutes (nouvelle époque)');
      expect(readCatalogueEntry(doc, ids[3]!)?.updatedAt).toBe(
        new Date(Date.UTC(2026, 1, 2, 0, visits - 1)).toISOString(),
      );
      expect(doc.getMap('entries').size).toBe(21);
    }

    // A new device's first sync is of the fresh epoch: a handful of writers, not one per past visit.
    const newcomer = device(relay.wsUrl, room, token);
    await whenSynced(newcomer.state.provider!);
    expect(newcomer.state.notices).toEqual([expect.objectContaining({ kind: 'current', epoch: phone.state.epoch })]);
    const writers = Y.decodeStateVector(Y.encodeStateVector(newcomer.state.doc)).size;
    expect(writers).toBeLessThanOrEqual(visits / 2);
    expect(readCatalogueEntry(newcomer.state.doc, created)?.title).toBe('Créé hors ligne');

    // A stock client holding the closed epoch is closed before anything of it gets in.
    const stale = new Y.Doc({ gc: true });
    Y.applyUpdate(stale, oldCopy);
    const stock = connect(relay.wsUrl, room, { doc: stale });
    const closed = await new Promise<number>((resolve) =>
      stock.on('connection-close', (event) => resolve(event!.code)),
    );
    expect(closed).toBe(CloseCode.epochChanged);
    const after = connect(relay.wsUrl, room, { doc: new Y.Doc({ gc: true }) });
    await whenSynced(after);
    const staleWriters = [...Y.decodeStateVector(oldCopy).keys()];
    expect([...Y.decodeStateVector(Y.encodeStateVector(after.doc)).keys()].some((c) => staleWriters.includes(c))).toBe(
      false,
    );
    started.keep(reader, stock, after);
  }, 120_000);
});
