// A light load client: a bare WebSocket speaking just enough y-websocket to send one small update per period.
import { EMPTY_STEP1, EMPTY_STEP2 } from './frames';
import { WireClient } from './wireClient';
import { mapSetFrame } from './mapUpdate';
import type { Ledger } from './ledger';

export class RawClient {
  private readonly wire: WireClient;
  /** A Yjs client id, random as Yjs picks them. */
  private readonly clientId = Math.floor(Math.random() * 2 ** 32);
  private readonly key: string;
  private seq = 0;

  constructor(
    readonly index: number,
    private readonly url: string,
    private readonly ledger: Ledger,
  ) {
    this.key = String(index);
    this.wire = new WireClient({
      // Answer the server's sync step 1 (type 0, sub 0); everything else is skimmed.
      onMessageStart: (type, sub) => type === 0 && sub === 0 && this.wire.send(EMPTY_STEP2),
      onClose: () => {},
    });
  }

  async connect(): Promise<void> {
    await this.wire.open(this.url);
    this.wire.send(EMPTY_STEP1);
  }

  /** Sets map entry `index` to `seq:time`, as a Y.Doc would; the room's measurer reads it. */
  send(record: boolean): void {
    if (this.wire.closed) return;
    const seq = ++this.seq;
    // Sender and measurer share this process: performance.now() gives them one sub-millisecond clock.
    const at = performance.now();
    this.wire.sendFrame(mapSetFrame(this.clientId, seq - 1, this.key, `${seq}:${at.toFixed(2)}`));
    if (record) this.ledger.sent(this.index, seq, at);
  }

  close(): void {
    this.wire.close();
  }
}
