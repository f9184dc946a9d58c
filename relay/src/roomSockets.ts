// How Rooms closes and answers sockets: each refusal with its named code and counted, each answer within the buffer.
import type { WebSocket } from 'ws';
import { CloseCode, closeReasons } from '@maillage/shared/sync';
import type { Room } from './room';
import { messageOf, type Pending, type Refusal, type RoomsOptions } from './roomsOptions';

export class RoomSockets {
  constructor(private readonly options: RoomsOptions) {}

  refuse(ws: WebSocket, code: Refusal): null {
    this.options.metrics.countRefusal(code);
    ws.close(CloseCode[code], closeReasons[code]);
    return null;
  }

  /** Not stored, so not forwarded: the senders still hold these edits and resend them on reconnect. */
  refuseBatch(batch: Pending[], err: unknown): void {
    this.options.log('store_error', { error: messageOf(err), updates: batch.length });
    for (const { from } of batch) {
      this.options.metrics.countRefusal('storeUnavailable');
      from.close(CloseCode.storeUnavailable, closeReasons.storeUnavailable);
    }
  }

  /** Not stored, not forwarded: the sender keeps its edit and resends it when it reconnects, as on a full store. */
  refuseOverQuota(room: Room, from: WebSocket): void {
    this.options.log('quota_exceeded', { room: room.name, maxBytes: this.options.quota?.maxBytes });
    this.options.metrics.countRefusal('quotaExceeded');
    from.close(CloseCode.quotaExceeded, closeReasons.quotaExceeded);
  }

  /**
   * Answers one socket (its sync step 1, its presence query), built only if it will be sent: past maxBufferedBytes it is
   * cut off as a broadcast's slow reader is, since one repeated 4-byte step 1 asks for the whole room each time.
   * Returns the bytes sent.
   */
  reply(ws: WebSocket, build: () => Uint8Array): number {
    if (ws.readyState !== ws.OPEN) return 0;
    if (ws.bufferedAmount > this.options.maxBufferedBytes) {
      this.closeSlowReader(ws);
      return 0;
    }
    const message = build();
    ws.send(message);
    return message.byteLength;
  }

  readonly closeSlowReader = (ws: WebSocket): void => {
    this.options.log('slow_reader', { buffered: ws.bufferedAmount });
    this.options.metrics.countRefusal('slowReader');
    ws.close(CloseCode.slowReader, closeReasons.slowReader);
  };
}
