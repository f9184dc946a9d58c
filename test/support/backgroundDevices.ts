// A background-sync test file's set-up (docs/decisions/0029, 0044): the real relay, a workspace per test with a
// colleague who writes, and members' devices, each with its own IndexedDB (fake-indexeddb), DocStore and
// BackgroundSync, counting what they synced and the sockets they opened.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import {
  changesResponseSchema,
  changesUrl,
  newDocId,
  roomName,
  stampMeta,
  type DocKind,
  type RoomChange,
} from '@maillage/shared';
import { MaillageDb } from '../../client/src/store/db';
import { DocStore } from '../../client/src/store/docStore';
import { UnloadJournal } from '../../client/src/store/unloadJournal';
import { BackgroundSync } from '../../client/src/sync/background/backgroundSync';
import { FetchQueue } from '../../client/src/sync/background/fetchQueue';
import { startRelayProcess, type RelayProcess } from './relayProcess';
import { newTestWorkspace, type TestWorkspace } from './tokens';
import { appendText, connect, whenSynced } from './yClient';

export interface BackgroundWorld {
  relay: RelayProcess;
  workspace: TestWorkspace;
  /** The token of the colleague whose edits the devices fetch. */
  writer: string;
}

/** The relay for the file, a fresh workspace per test (each device fetches everything its workspace holds). */
export function useBackgroundWorld(): BackgroundWorld {
  const world = {} as BackgroundWorld;
  beforeAll(async () => {
    world.relay = await startRelayProcess();
  });
  beforeEach(async () => {
    world.workspace = await newTestWorkspace();
    world.writer = await world.workspace.token({ member: 'dr-martin-01', role: 'member' });
  });
  afterAll(() => world.relay.stop());
  return world;
}

/** A colleague's edit through their own stock client, read back from the relay. */
export const write = ({ relay, workspace, writer }: BackgroundWorld, docId: string, text: string) =>
  appendText(relay.wsUrl, roomName({ workspaceId: workspace.ws, docId }), writer, text);

/** The document's text as the relay serves it to the colleague. */
export async function onRelay({ relay, workspace, writer }: BackgroundWorld, docId: string): Promise<string> {
  const colleague = connect(relay.wsUrl, roomName({ workspaceId: workspace.ws, docId }), {
    doc: new Y.Doc(),
    token: writer,
  });
  await whenSynced(colleague);
  const text = colleague.doc.getText('t').toString();
  colleague.destroy();
  return text;
}

/** The update that makes a document's text `text`, as a colleague's device would have sent it. */
export function textUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

/** Every change the feed lists for a token, page after page. */
export async function feedOf({ relay, workspace }: BackgroundWorld, token: string): Promise<RoomChange[]> {
  const all: RoomChange[] = [];
  for (let cursor = 0, more = true; more;) {
    const response = await fetch(changesUrl(relay.url.replace(/\/$/, ''), workspace.ws, cursor), {
      headers: { authorization: `Bearer ${token}` },
    });
    const answer = changesResponseSchema.parse(await response.json());
    all.push(...answer.changes);
    ({ cursor, more } = answer);
  }
  return all;
}

/** Runs `work` `n` at a time. */
export async function inBatches<T>(items: readonly T[], n: number, work: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += n) await Promise.all(items.slice(i, i + n).map(work));
}

/** A device of `member`: its own IndexedDB, DocStore and background sync; counts the documents it synced. */
export async function device(
  { relay, workspace }: BackgroundWorld,
  member: string,
  {
    isLive,
    setAside,
    role = 'member',
    journal,
    now,
  }: {
    isLive?: (docId: string) => boolean;
    setAside?: ReadonlySet<string>;
    role?: 'member' | 'observer';
    /** The page's localStorage, for its unload journal (none by default, as in Node). */
    journal?: Storage;
    /** The background sync's clock (Date.now by default). */
    now?: () => number;
  } = {},
) {
  const db = new MaillageDb(`device-${newDocId()}`);
  const store = new DocStore(db, new UnloadJournal(journal ?? null));
  const queue = new FetchQueue(workspace.ws, db);
  const token = await workspace.token({ member, role });
  // Synced: opened to sync with the relay, or (a first fetch) stored as the relay sent it.
  const synced: string[] = [];
  const firstFetched: string[] = [];
  const acquire = store.acquire.bind(store);
  store.acquire = (ws, docId) => {
    synced.push(docId);
    return acquire(ws, docId);
  };
  const storeFetched = store.storeFetched.bind(store);
  store.storeFetched = (ws, copies) => {
    for (const { docId } of copies) {
      synced.push(docId);
      firstFetched.push(docId);
    }
    return storeFetched(ws, copies);
  };
  // Sockets this device opened: a first copy comes over HTTP, many to a request (decision 0044).
  const sockets = { opened: 0 };
  class CountedSocket extends WebSocket {
    constructor(...args: ConstructorParameters<typeof WebSocket>) {
      super(...args);
      sockets.opened++;
    }
  }
  const sync = new BackgroundSync({
    ...(now ? { now } : {}),
    workspaceId: workspace.ws,
    token,
    httpBase: relay.url.replace(/\/$/, ''),
    wsBase: relay.wsUrl,
    store,
    queue,
    WebSocketPolyfill: CountedSocket as unknown as typeof globalThis.WebSocket,
    ...(isLive ? { isLive } : {}),
    ...(setAside ? { setAside: () => setAside } : {}),
  });
  const textOf = async (docId: string) => {
    const doc = await acquire(workspace.ws, docId);
    const text = doc.getText('t').toString();
    await store.release(workspace.ws, docId);
    return text;
  };
  /** A change made on this device, stored, its document then let go (no screen, no socket). `kind`: a new one's. */
  const editHere = async (docId: string, text: string, kind?: DocKind) => {
    const doc = await store.acquire(workspace.ws, docId);
    doc.transact(() => {
      if (kind) stampMeta(doc, kind, 1);
      doc.getText('t').insert(doc.getText('t').length, text);
    });
    await store.flushed(workspace.ws, docId);
    await store.release(workspace.ws, docId);
  };
  return { db, store, queue, sync, synced, firstFetched, textOf, editHere, token, sockets };
}
