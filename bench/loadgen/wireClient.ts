// A WebSocket client on a bare TCP socket, for load: it sends masked frames and skims the server's frames without
// allocating per read (one shared read buffer, headers parsed in place), so thousands of them stay cheap to run.
import { connect, type Socket } from 'node:net';
import { randomBytes } from 'node:crypto';

/** Every socket reads into this one buffer: the read callback handles the bytes before the next read can happen. */
const READ_BUFFER = Buffer.allocUnsafe(64 * 1024);

const OP_CLOSE = 0x8;
const OP_PING = 0x9;

export interface WireHandlers {
  /** The first two bytes of each data message: enough to answer a y-websocket sync step 1. */
  onMessageStart(first: number, second: number): void;
  onClose(): void;
}

/** One connection: `open` resolves once the server switched protocols. */
export class WireClient {
  private socket: Socket | null = null;
  private handshaken = false;
  private handshake = '';
  // Frame parser state: header bytes gathered so far, then payload bytes left to skim.
  private readonly header = Buffer.alloc(14);
  private headerHave = 0;
  private payloadLeft = 0;
  private payloadSeen = 0;
  private opcode = 0;
  private first = -1;
  private ping: Buffer | null = null;
  closed = false;

  constructor(private readonly handlers: WireHandlers) {}

  open(url: string): Promise<void> {
    const { hostname, port, pathname, search } = new URL(url);
    return new Promise((resolve, reject) => {
      const socket = connect({
        host: hostname,
        port: Number(port),
        noDelay: true,
        onread: { buffer: READ_BUFFER, callback: (n: number, buf: Uint8Array) => this.read(buf, n, resolve, reject) },
      });
      socket.once('connect', () => {
        socket.write(
          `GET ${pathname}${search} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
        );
      });
      socket.on('error', (err) => (this.handshaken ? this.end() : reject(err)));
      socket.on('close', () => this.end());
      this.socket = socket;
    });
  }

  /** One binary message in one frame. The mask key is zero (the payload goes as is): servers unmask whatever the key. */
  send(payload: Uint8Array): void {
    if (this.closed || !this.socket) return;
    this.socket.write(clientFrame(0x2, payload));
  }

  /** A frame already built (clientFrame). */
  sendFrame(frameBytes: Buffer): void {
    if (this.closed || !this.socket) return;
    this.socket.write(frameBytes);
  }

  close(): void {
    this.closed = true;
    this.socket?.destroy();
  }

  private end(): void {
    if (this.closed) return;
    this.closed = true;
    this.handlers.onClose();
  }

  private read(buf: Uint8Array, n: number, resolve: () => void, reject: (err: Error) => void): boolean {
    let at = 0;
    if (!this.handshaken) {
      // The 101 response is short and ASCII; frames may follow it in the same read.
      const text = Buffer.from(buf.buffer, buf.byteOffset, n).toString('latin1');
      this.handshake += text;
      const end = this.handshake.indexOf('\r\n\r\n');
      if (end < 0) return true;
      if (!this.handshake.startsWith('HTTP/1.1 101')) {
        reject(new Error(`upgrade refused: ${this.handshake.split('\r\n')[0]}`));
        this.close();
        return false;
      }
      this.handshaken = true;
      at = n - (this.handshake.length - end - 4);
      this.handshake = '';
      resolve();
    }
    while (at < n) at = this.payloadLeft > 0 ? this.skim(buf, at, n) : this.gatherHeader(buf, at, n);
    return true;
  }

  private gatherHeader(buf: Uint8Array, at: number, n: number): number {
    const h = this.header;
    while (at < n) {
      h[this.headerHave++] = buf[at++]!;
      const need = this.headerLength();
      if (need > 0 && this.headerHave === need) {
        this.startPayload();
        break;
      }
    }
    return at;
  }

  /** Header length once its first two bytes (and the length's width) are known; 0 before. */
  private headerLength(): number {
    if (this.headerHave < 2) return 0;
    const len7 = this.header[1]! & 0x7f;
    return 2 + (len7 === 126 ? 2 : len7 === 127 ? 8 : 0);
  }

  private startPayload(): void {
    const h = this.header;
    const len7 = h[1]! & 0x7f;
    this.opcode = h[0]! & 0x0f;
    this.payloadLeft = len7 === 126 ? h.readUInt16BE(2) : len7 === 127 ? Number(h.readBigUInt64BE(2)) : len7;
    this.payloadSeen = 0;
    this.first = -1;
    this.headerHave = 0;
    if (this.opcode === OP_PING) this.ping = Buffer.alloc(this.payloadLeft);
    if (this.payloadLeft === 0) this.endPayload();
  }

  private skim(buf: Uint8Array, at: number, n: number): number {
    const take = Math.min(this.payloadLeft, n - at);
    if (this.opcode === OP_PING) this.ping!.set(buf.subarray(at, at + take), this.payloadSeen);
    else if (this.opcode < 0x8) {
      for (let i = 0; i < take && this.payloadSeen + i < 2; i++) {
        if (this.payloadSeen + i === 0) this.first = buf[at + i]!;
        else this.handlers.onMessageStart(this.first, buf[at + i]!);
      }
    }
    this.payloadSeen += take;
    this.payloadLeft -= take;
    if (this.payloadLeft === 0) this.endPayload();
    return at + take;
  }

  private endPayload(): void {
    if (this.opcode === OP_PING) {
      this.socket?.write(clientFrame(0xa, this.ping!));
      this.ping = null;
    } else if (this.opcode === OP_CLOSE) {
      this.end();
      this.socket?.destroy();
    }
  }
}

/** A client frame: FIN, opcode, masked with a zero key (the payload goes as is: servers unmask whatever the key). */
export function clientFrame(opcode: number, payload: Uint8Array): Buffer {
  const len = payload.byteLength;
  const head = len < 126 ? 2 : len < 65536 ? 4 : 10;
  const out = Buffer.allocUnsafe(head + 4 + len);
  out[0] = 0x80 | opcode;
  if (len < 126) out[1] = 0x80 | len;
  else if (len < 65536) {
    out[1] = 0x80 | 126;
    out.writeUInt16BE(len, 2);
  } else {
    out[1] = 0x80 | 127;
    out.writeBigUInt64BE(BigInt(len), 2);
  }
  out.writeUInt32BE(0, head);
  out.set(payload, head + 4);
  return out;
}
