// Raw sockets that record every frame the relay sends them: what a device would receive, byte for byte.
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';

/** Asks for the whole room (an empty state vector) and collects every frame until the room's state arrives. */
export function framesUntilState(url: string): Promise<{ bytes: Buffer }> {
  return new Promise((resolve, reject) => {
    const frames: Buffer[] = [];
    const ws = new WebSocket(url);
    const timer = setTimeout(() => reject(new Error('no state from the relay')), 5000);
    ws.on('open', () => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 0); // sync
      syncProtocol.writeSyncStep1(encoder, new Y.Doc());
      ws.send(encoding.toUint8Array(encoder));
    });
    ws.on('message', (data: Buffer) => {
      frames.push(Buffer.from(data));
      const decoder = decoding.createDecoder(new Uint8Array(data));
      if (decoding.readVarUint(decoder) !== 0 || decoding.readVarUint(decoder) !== syncProtocol.messageYjsSyncStep2)
        return;
      clearTimeout(timer);
      ws.close();
      resolve({ bytes: Buffer.concat(frames) });
    });
  });
}

/** Collects every frame until the relay closes the socket. */
export function framesUntilClose(url: string): Promise<{ code: number; bytes: Buffer }> {
  return new Promise((resolve, reject) => {
    const frames: Buffer[] = [];
    const ws = new WebSocket(url);
    const timer = setTimeout(() => reject(new Error('socket was not closed')), 5000);
    ws.on('message', (data: Buffer) => frames.push(Buffer.from(data)));
    ws.on('error', () => undefined);
    ws.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, bytes: Buffer.concat(frames) });
    });
  });
}
