// A light load client: a raw socket speaking just enough y-websocket to send one small update per period.
import WebSocket from 'ws';
import * as Y from 'yjs';
import { EMPTY_STEP1, EMPTY_STEP2, updateFrame } from './frames';

export class RawClient {
  private ws: WebSocket | null = null;
  private readonly doc = new Y.Doc();
  private seq = 0;
  private last: Uint8Array | null = null;
  sent: { seq: number; at: number }[] = [];
  bytesIn = 0;

  constructor(readonly index: number, private readonly url: string) {
    this.doc.on('update', (u: Uint8Array) => (this.last = u));
  }

  connect(): Promise<void> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(this.url, { perMessageDeflate: false });
      ws.binaryType = 'nodebuffer';
      ws.on('open', () => {
        ws.send(EMPTY_STEP1);
        resolve();
      });
      ws.on('message', (data: Buffer) => {
        this.bytesIn += data.length;
        // Answer the server's sync step 1 (type 0, sub 0); everything else is only counted.
        if (data[0] === 0 && data[1] === 0) ws.send(EMPTY_STEP2);
      });
      ws.on('error', reject);
      this.ws = ws;
    });
  }

  /** Sends `(index, seq, now)` in one map entry; the room's measurer reads it. */
  send(record: boolean): void {
    if (!this.ws || this.ws.readyState !== WebSocket.OPEN) return;
    const seq = ++this.seq;
    const at = Date.now();
    this.doc.getMap('m').set(String(this.index), `${seq}:${at}`);
    if (this.last) this.ws.send(updateFrame(this.last));
    if (record) this.sent.push({ seq, at });
  }

  close(): void {
    this.ws?.terminate();
  }
}
