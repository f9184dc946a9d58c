// Stock y-websocket clients in Node, plus helpers to wait for them.
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { roomName, workspaceIdFromPublicKey, newDocId } from '@maillage/shared';

export async function freshRoom(): Promise<string> {
  const workspaceId = await workspaceIdFromPublicKey(crypto.getRandomValues(new Uint8Array(32)));
  return roomName({ workspaceId, docId: newDocId() });
}

export function connect(wsUrl: string, room: string, doc = new Y.Doc()): WebsocketProvider {
  return new WebsocketProvider(wsUrl, room, doc, { WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket, disableBc: true });
}

export function whenSynced(provider: WebsocketProvider, timeoutMs = 10_000): Promise<void> {
  if (provider.synced) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('not synced in time')), timeoutMs);
    provider.once('sync', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Polls until the predicate holds. */
export async function eventually(predicate: () => boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
