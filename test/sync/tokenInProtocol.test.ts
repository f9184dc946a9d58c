// The token rides in Sec-WebSocket-Protocol, out of every URL: a stock client offering it is admitted, and the relay's
// handshake names only the plain subprotocol, never the token; `?token=` still admits the clients that predate it.
import { connect as tcpConnect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { CloseCode, newDocId, PROTOCOL_VERSION, roomName, SYNC_SUBPROTOCOL, syncProtocols } from '@maillage/shared';
import { startRelayProcess, type RelayProcess } from '../support/relayProcess';
import { newTestWorkspace, type TestWorkspace } from '../support/tokens';
import { eventually, whenSynced } from '../support/yClient';

let relay: RelayProcess;
let workspace: TestWorkspace;
let room: string;
beforeAll(async () => {
  relay = await startRelayProcess();
  workspace = await newTestWorkspace();
  room = roomName({ workspaceId: workspace.ws, docId: newDocId() });
});
afterAll(() => relay.stop());

/** A stock y-websocket client, as the app makes one: the version in the query, the token in the subprotocols. */
function stockClient(protocols: string[], params: Record<string, string> = {}): WebsocketProvider {
  return new WebsocketProvider(relay.wsUrl, room, new Y.Doc(), {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: { v: PROTOCOL_VERSION, ...params },
    protocols,
  });
}

/** Opens a socket offering these subprotocols; resolves with the one the relay selected and how it closed the socket. */
function closeWith(protocols: string[], query = ''): Promise<{ protocol: string; code: number }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${relay.wsUrl}/${room}${query}`, protocols);
    const timer = setTimeout(() => reject(new Error('socket was not closed')), 5000);
    ws.on('error', () => undefined);
    ws.on('close', (code) => {
      clearTimeout(timer);
      resolve({ protocol: ws.protocol, code });
    });
  });
}

describe('the token in Sec-WebSocket-Protocol', () => {
  it('admits a stock client offering it, and refuses one without any token', async () => {
    const writer = stockClient(syncProtocols(await workspace.token()));
    const reader = stockClient(syncProtocols(await workspace.token()));
    try {
      await Promise.all([whenSynced(writer), whenSynced(reader)]);
      expect(writer.ws?.protocol).toBe(SYNC_SUBPROTOCOL);
      expect(writer.url).not.toContain('token');
      writer.doc.getText('t').insert(0, 'sans jeton dans l’URL');
      await eventually(
        () => reader.doc.getText('t').toString() === 'sans jeton dans l’URL',
        5000,
        'the reader gets the write',
      );
    } finally {
      writer.destroy();
      reader.destroy();
    }
    expect(await closeWith([SYNC_SUBPROTOCOL])).toEqual({ protocol: SYNC_SUBPROTOCOL, code: CloseCode.unauthorized });
    expect((await closeWith([SYNC_SUBPROTOCOL, `${SYNC_SUBPROTOCOL}.token.`])).code).toBe(CloseCode.unauthorized);
    expect((await closeWith([SYNC_SUBPROTOCOL, `${SYNC_SUBPROTOCOL}.token.not-a-token`])).code).toBe(
      CloseCode.unauthorized,
    );
  });

  it('reads the header before the query, and still reads `?token=` alone', async () => {
    const token = await workspace.token();
    const headerFirst = stockClient(syncProtocols(token), { token: 'forged' });
    const queryOnly = stockClient([], { token });
    try {
      await Promise.all([whenSynced(headerFirst), whenSynced(queryOnly)]);
    } finally {
      headerFirst.destroy();
      queryOnly.destroy();
    }
  });

  it('never names the token in its handshake, whatever order it was offered in', async () => {
    const token = await workspace.token();
    const answer = await new Promise<string>((resolve) => {
      const socket = tcpConnect(relay.port, '127.0.0.1');
      let text = '';
      socket.on('data', (chunk: Buffer) => {
        text += chunk.toString('latin1');
        if (text.includes('\r\n\r\n')) socket.destroy();
      });
      socket.on('close', () => resolve(text));
      socket.write(
        `GET /sync/${room}?v=${PROTOCOL_VERSION} HTTP/1.1\r\nHost: relay\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          `Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n` +
          `Sec-WebSocket-Protocol: ${SYNC_SUBPROTOCOL}.token.${token}, ${SYNC_SUBPROTOCOL}\r\n\r\n`,
      );
    });
    expect(answer).toMatch(/^HTTP\/1\.1 101 /);
    expect(answer).toMatch(/\r\nSec-WebSocket-Protocol: maillage\r\n/i);
    expect(answer).not.toContain('eyJ');
    // Offered the token alone, the relay selects nothing rather than echo it (a browser then fails the handshake).
    expect((await closeWith([`${SYNC_SUBPROTOCOL}.token.${token}`])).protocol).toBe('');
    expect(relay.output()).not.toContain('eyJ');
  });
});
