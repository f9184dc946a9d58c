// A copy of a closed epoch carried into the room's current one (docs/decisions/0027): the new epoch fetched into a
// fresh doc, the copy's changes against the closed epoch's final state replayed onto it, and the copy replaced.
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { WebsocketProvider } from 'y-websocket';
import { applyChanges, changesSince, closeCodeName, decodeClosing, EPOCH_PARAM } from '@maillage/shared';
import { onEpochNotice, type MigrateNotice } from './epochNotices';

/** How to reach the room, as the document's own provider does. */
export interface RoomConnection {
  url: string;
  room: string;
  params: Record<string, string>;
  protocols: string[];
  WebSocketPolyfill?: typeof WebSocket;
  /** The provider's rule: false for closes after which retrying cannot help. */
  shouldReconnect: (event: { code: number }) => boolean;
}

/** Replaces the copy: runs `migrate` on the old doc at the moment of the swap and returns the new doc. */
export type Swap = (epoch: number, migrate: (old: Y.Doc) => Y.Doc) => Promise<Y.Doc>;

export class MigrationStopped extends Error {
  constructor(readonly reason: string) {
    super(`migration stopped: ${reason}`);
  }
}

/**
 * The room's current state in a fresh doc, from a provider of its own that declares `epoch` and holds nothing (so the
 * relay serves it whatever epoch the room is at now, and says which). If the room moves on while it syncs, again.
 */
export async function fetchEpoch(
  connection: RoomConnection,
  epoch: number,
  signal?: AbortSignal,
): Promise<{ doc: Y.Doc; epoch: number; rewriter: number | null }> {
  for (;;) {
    const doc = new Y.Doc({ gc: true });
    // No presence: this provider only reads.
    const awareness = new Awareness(doc);
    awareness.setLocalState(null);
    const provider = new WebsocketProvider(connection.url, connection.room, doc, {
      params: { ...connection.params, [EPOCH_PARAM]: String(epoch) },
      protocols: connection.protocols,
      awareness,
      disableBc: true,
      shouldReconnect: connection.shouldReconnect,
      ...(connection.WebSocketPolyfill ? { WebSocketPolyfill: connection.WebSocketPolyfill } : {}),
    });
    let served = { epoch, rewriter: null as number | null };
    let movedTo: number | null = null;
    onEpochNotice(provider, (notice) => {
      if (notice.kind === 'current') served = { epoch: notice.epoch, rewriter: notice.rewriter };
      else movedTo = notice.epoch;
    });
    try {
      await new Promise<void>((resolve, reject) => {
        const stop = (reason: string) => reject(new MigrationStopped(reason));
        if (signal?.aborted) return stop('aborted');
        signal?.addEventListener('abort', () => stop('aborted'), { once: true });
        provider.on('sync', (synced) => synced && resolve());
        provider.on('connection-close', (event) => {
          if (movedTo !== null) resolve();
          else if (event && !connection.shouldReconnect(event)) stop(closeCodeName(event.code) ?? String(event.code));
        });
      });
    } finally {
      provider.destroy();
      awareness.destroy();
    }
    if (movedTo === null) return { doc, ...served };
    doc.destroy();
    epoch = movedTo;
  }
}

/**
 * Carries a copy into the room's current epoch and returns the doc that replaces it. The copy's changes are computed
 * when `swap` runs, after the fetch: an edit made while it ran is in them. A closing that does not decode stops the
 * migration (the copy stays, and is migrated at the next connection) rather than replay every value the copy holds.
 */
export async function migrateCopy(
  notice: MigrateNotice,
  connection: RoomConnection,
  swap: Swap,
  signal?: AbortSignal,
): Promise<{ doc: Y.Doc; epoch: number }> {
  const closing = notice.closing === null ? null : decodeClosing(notice.closing);
  if (notice.closing !== null && closing === null) throw new MigrationStopped('closing unreadable');
  const fetched = await fetchEpoch(connection, notice.epoch, signal);
  if (signal?.aborted) {
    fetched.doc.destroy();
    throw new MigrationStopped('aborted');
  }
  const doc = await swap(fetched.epoch, (old) => {
    applyChanges(fetched.doc, changesSince(old, closing), fetched.rewriter);
    return fetched.doc;
  });
  return { doc, epoch: fetched.epoch };
}
