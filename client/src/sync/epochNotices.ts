// The relay's epoch notices (docs/decisions/0027), read by a provider of ours: y-websocket hands a message type it does
// not know to the handler registered for it.
import type { WebsocketProvider } from 'y-websocket';
import { decodeEpochNotice, MESSAGE_EPOCH, type EpochNotice } from '@maillage/shared';

export type MigrateNotice = Extract<EpochNotice, { kind: 'migrate' }>;

export function onEpochNotice(provider: WebsocketProvider, handle: (notice: EpochNotice) => void): void {
  provider.messageHandlers[MESSAGE_EPOCH] = (_encoder, decoder) => {
    const notice = decodeEpochNotice(decoder.arr.subarray(decoder.pos));
    decoder.pos = decoder.arr.length;
    if (notice) handle(notice);
  };
}
