// Stock y-websocket clients in Node, with the access tokens the relay asks for, plus helpers to wait for them.
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { WebsocketProvider } from 'y-websocket';
import { newDocId, parseRoom, roomName } from '@maillage/shared';
import { newTestWorkspace, type TestWorkspace } from './tokens';

process.setMaxListeners(0); // y-websocket adds an exit listener per provider in Node.

const workspaces = new Map<string, TestWorkspace>();
const memberTokens = new Map<string, string>();

/** A room in a new workspace; `connect` and `roomUrl` find a member token for it. */
export async function freshRoom(): Promise<string> {
  const workspace = await newTestWorkspace();
  workspaces.set(workspace.ws, workspace);
  memberTokens.set(workspace.ws, await workspace.token());
  return roomName({ workspaceId: workspace.ws, docId: newDocId() });
}

export function workspaceOf(room: string): TestWorkspace {
  const ref = parseRoom(room);
  const workspace = ref && workspaces.get(ref.workspaceId);
  if (!workspace) throw new Error(`no test workspace for ${room}`);
  return workspace;
}

const tokenFor = (room: string) => memberTokens.get(parseRoom(room)?.workspaceId ?? '') ?? '';

export function roomUrl(wsUrl: string, room: string, token = tokenFor(room)): string {
  return `${wsUrl}/${room}?token=${encodeURIComponent(token)}`;
}

export function connect(wsUrl: string, room: string, options: { doc?: Y.Doc; token?: string } = {}): WebsocketProvider {
  return new WebsocketProvider(wsUrl, room, options.doc ?? new Y.Doc(), {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: { token: options.token ?? tokenFor(room) },
  });
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

/** Polls until the predicate holds; fails naming `what` past the deadline. */
export async function eventually(
  predicate: () => boolean | Promise<boolean>,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<void> {
  const start = Date.now();
  while (!(await predicate())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * Waits until a fresh client of the room reads what `holds` checks: the relay has it (in memory at least, and SIGTERM
 * writes memory down), so a restart may follow.
 */
export async function untilRelayHolds(
  wsUrl: string,
  room: string,
  holds: (doc: Y.Doc) => boolean,
  what = 'the edit at the relay',
): Promise<void> {
  const reader = connect(wsUrl, room);
  try {
    await eventually(() => holds(reader.doc), 10_000, what);
  } finally {
    reader.destroy();
  }
}

/** y-websocket's auth message, permission denied: what the relay says when it drops a write. */
const MESSAGE_AUTH = 2;
const PERMISSION_DENIED = 0;

/**
 * Resolves with the reason once the relay tells this connected provider that it dropped its write. Call it before
 * writing: the relay says so once per socket, after it has handled the write.
 */
export function writeRefused(provider: WebsocketProvider, timeoutMs = 5000): Promise<string> {
  const ws = provider.ws;
  if (!ws) return Promise.reject(new Error('the provider is not connected'));
  return new Promise((resolve, reject) => {
    const onMessage = (event: MessageEvent) => {
      const decoder = decoding.createDecoder(new Uint8Array(event.data as ArrayBuffer));
      if (decoding.readVarUint(decoder) !== MESSAGE_AUTH || decoding.readVarUint(decoder) !== PERMISSION_DENIED) return;
      clearTimeout(timer);
      ws.removeEventListener('message', onMessage);
      resolve(decoding.readVarString(decoder));
    };
    const timer = setTimeout(() => {
      ws.removeEventListener('message', onMessage);
      reject(new Error(`timed out after ${timeoutMs} ms waiting for the relay to refuse the write`));
    }, timeoutMs);
    ws.addEventListener('message', onMessage);
  });
}

/** Opens a raw socket and resolves with how the relay closed it. */
export function closeOf(
  url: string,
  send?: (ws: WebSocket) => void,
  timeoutMs = 5000,
): Promise<{ code: number; reason: string }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    const timer = setTimeout(() => reject(new Error('socket was not closed')), timeoutMs);
    ws.on('open', () => send?.(ws));
    ws.on('error', () => undefined);
    ws.on('close', (code, reason) => {
      clearTimeout(timer);
      resolve({ code, reason: reason.toString() });
    });
  });
}

/** Appends `text` to the room's text `t` through a stock client, kept open until another client reads it back. */
export async function appendText(wsUrl: string, room: string, token: string, text: string): Promise<void> {
  const writer = connect(wsUrl, room, { doc: new Y.Doc(), token });
  await whenSynced(writer);
  const expected = writer.doc.getText('t').toString() + text;
  writer.doc.getText('t').insert(writer.doc.getText('t').length, text);
  const reader = connect(wsUrl, room, { doc: new Y.Doc(), token });
  try {
    await eventually(() => reader.doc.getText('t').toString() === expected, 10_000, 'the edit at the relay');
  } finally {
    reader.destroy();
    writer.destroy();
  }
}
