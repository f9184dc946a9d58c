// A live socket's token is checked on the upgrade and then forgotten: nothing in the relay's memory still holds it.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { parseRoom, syncProtocols } from '@maillage/shared';
import { startRelayProcess, type RelayProcess } from '../support/relayProcess';
import { connect, eventually, freshRoom, whenSynced, workspaceOf } from '../support/yClient';

let relay: RelayProcess | null = null;
const dir = mkdtempSync(join(tmpdir(), 'maillage-heap-'));
afterAll(async () => {
  await relay?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Asks the relay for a heap snapshot (Node writes one on SIGUSR2 with these flags) and reads it once complete. */
async function heapSnapshot(dir: string, relay: RelayProcess): Promise<string> {
  process.kill(relay.pid, 'SIGUSR2');
  let file = '';
  await eventually(
    () => {
      const found = readdirSync(dir).find((f) => f.endsWith('.heapsnapshot'));
      if (found) file = join(dir, found);
      return found !== undefined;
    },
    10_000,
    'the heap snapshot to start',
  );
  // Node writes it on the relay's main thread in one go: once the relay answers again, the file is whole.
  await fetch(`${relay.url}healthz`);
  const heap = readFileSync(file, 'utf8');
  if (!/\]\}\s*$/.test(heap)) throw new Error(`the heap snapshot ${file} is not complete`);
  return heap;
}

describe('tokens in memory', () => {
  it('are not kept once the socket is admitted (a room name sliced from the URL kept it whole)', async () => {
    relay = await startRelayProcess({ nodeFlags: ['--heapsnapshot-signal=SIGUSR2', `--diagnostic-dir=${dir}`] });
    const room = await freshRoom();
    const token = await workspaceOf(room).token();
    const provider = connect(relay.wsUrl, room, { token });
    await whenSynced(provider);
    provider.doc.getMap('m').set('titre', 'Dossier de coordination');

    const heap = await heapSnapshot(dir, relay);
    expect(provider.wsconnected).toBe(true);
    // The snapshot holds the live room (so it would show a string that kept the token), and no token.
    expect(heap).toContain(parseRoom(room)!.docId);
    expect(heap).not.toContain(token);
    expect(heap).not.toContain(token.split('.')[2]!);
    provider.destroy();
  });

  it('are not kept either when they came in the Sec-WebSocket-Protocol header', async () => {
    await relay?.stop();
    const snapshots = mkdtempSync(join(dir, 'protocol-'));
    relay = await startRelayProcess({ nodeFlags: ['--heapsnapshot-signal=SIGUSR2', `--diagnostic-dir=${snapshots}`] });
    const room = await freshRoom();
    const token = await workspaceOf(room).token();
    const provider = new WebsocketProvider(relay.wsUrl, room, new Y.Doc(), {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      protocols: syncProtocols(token),
    });
    await whenSynced(provider);
    provider.doc.getMap('m').set('titre', 'Dossier de coordination');

    const heap = await heapSnapshot(snapshots, relay);
    expect(provider.wsconnected).toBe(true);
    expect(heap).toContain(parseRoom(room)!.docId);
    expect(heap).not.toContain(token);
    expect(heap).not.toContain(token.split('.')[2]!);
    provider.destroy();
  });
});
