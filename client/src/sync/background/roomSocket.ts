// One document synced with its room the way a background sync does it: the stock y-websocket protocol, no presence,
// no reconnection, and a named close for each refusal; a close that ends all syncing stops the round
// (docs/decisions/0029).
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import {
  BACKGROUND_PARAM,
  closeCodeName,
  PROTOCOL_VERSION,
  roomName,
  syncProtocols,
  type CloseCodeName,
} from '@maillage/shared/sync';
import type { DocStore } from '../../store/docStore';
import { markRemoteOrigin } from '../../store/remoteOrigins';
import { keepUpdatesAsSent } from './keptAsSent';
import { Stop } from './roundStop';

/** A document that has not synced in this time is left for the next round: the network is likely gone. */
const SYNC_TIMEOUT_MS = 30_000;
/** Closes after which nothing this device holds may sync any more: the member must act. */
const STOPPING: ReadonlySet<CloseCodeName> = new Set(['unauthorized', 'revoked', 'tokenExpired', 'workspaceNotServed']);

export interface RoomSocketOptions {
  workspaceId: string;
  token: string;
  wsBase: string;
  WebSocketPolyfill?: typeof WebSocket;
}

/** One exchange of `doc` with the document's room: 'synced', or the named close the relay gave. */
export async function syncWithRelay(
  options: RoomSocketOptions,
  doc: Y.Doc,
  docId: string,
  prepare?: (provider: WebsocketProvider) => void,
): Promise<'synced' | CloseCodeName> {
  const { workspaceId, WebSocketPolyfill } = options;
  const provider = new WebsocketProvider(options.wsBase, roomName({ workspaceId, docId }), doc, {
    params: { v: PROTOCOL_VERSION, [BACKGROUND_PARAM]: '1' },
    protocols: syncProtocols(options.token),
    connect: false,
    disableBc: true,
    shouldReconnect: () => false,
    ...(WebSocketPolyfill ? { WebSocketPolyfill } : {}),
  });
  markRemoteOrigin(provider);
  // A background copy is no one's presence.
  provider.awareness.setLocalState(null);
  prepare?.(provider);
  try {
    const outcome = await new Promise<'synced' | CloseCodeName>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('sync timeout')), SYNC_TIMEOUT_MS);
      provider.on('sync', (synced: boolean) => {
        if (!synced) return;
        clearTimeout(timer);
        resolve('synced');
      });
      provider.on('connection-close', (event) => {
        clearTimeout(timer);
        const name = event ? closeCodeName(event.code) : null;
        if (name) resolve(name);
        else reject(new Error('connection closed'));
      });
      provider.connect();
    });
    if (outcome !== 'synced' && STOPPING.has(outcome)) throw new Stop(outcome === 'revoked' ? 'revoked' : 'refused');
    return outcome;
  } finally {
    provider.destroy();
  }
}

/**
 * A document this device holds nothing of and no screen has open, over its socket (a relay that does not answer
 * /fetch, decision 0044): what the relay sends is stored as it came, never decoded on the page's thread
 * (`keptAsSent.ts`). Only documents with history: the others' copies follow epochs.
 */
export async function firstCopyOverSocket(
  options: RoomSocketOptions & { store: DocStore },
  docId: string,
): Promise<'synced' | 'forbidden' | 'skipped'> {
  const empty = new Y.Doc();
  let kept: () => Uint8Array[] = () => [];
  try {
    const outcome = await syncWithRelay(options, empty, docId, (provider) => (kept = keepUpdatesAsSent(provider)));
    if (outcome !== 'synced') return outcome === 'forbidden' ? 'forbidden' : 'skipped';
    await options.store.storeFetched(options.workspaceId, [{ docId, updates: kept() }]);
    return 'synced';
  } finally {
    empty.destroy();
  }
}
