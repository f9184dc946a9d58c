// Whether the relay holds everything this device stored of a document: the relay's copy and what IndexedDB holds,
// applied to one doc, give equal snapshots (state vector and delete set). Read from IndexedDB, not from a copy a reader
// of the page has in memory, which may predate another tab's change (decisions 0029, 0045).
import * as Y from 'yjs';
import { MAX_DOCS_PER_FETCH, type CloseCodeName } from '@maillage/shared/sync';
import type { DocStore } from '../../store/docStore';
import { fetchStates } from './firstCopies';
import { syncWithRelay, type RoomSocketOptions } from './roomSocket';

export type RelayHolds = boolean | CloseCodeName;

export interface RelayHoldsEachOptions extends RoomSocketOptions {
  store: DocStore;
  httpBase: string;
}

/** Whether `relayState` holds everything IndexedDB holds of the document. */
export async function holdsStored(
  { store, workspaceId }: { store: DocStore; workspaceId: string },
  docId: string,
  relayState: Uint8Array,
): Promise<boolean> {
  const copy = new Y.Doc({ gc: false });
  try {
    Y.applyUpdate(copy, relayState);
    const before = Y.snapshot(copy);
    const stored = await store.storedState(workspaceId, docId);
    if (stored) Y.applyUpdate(copy, stored);
    return Y.equalSnapshots(before, Y.snapshot(copy));
  } finally {
    copy.destroy();
  }
}

/** The same, the relay's copy read over the document's socket; or the named close the relay gave instead. */
export async function relayHoldsCopy(
  options: RoomSocketOptions & { store: DocStore },
  docId: string,
): Promise<boolean | CloseCodeName> {
  const relayCopy = new Y.Doc({ gc: false });
  try {
    const outcome = await syncWithRelay(options, relayCopy, docId);
    return outcome === 'synced' ? await holdsStored(options, docId, Y.encodeStateAsUpdate(relayCopy)) : outcome;
  } finally {
    relayCopy.destroy();
  }
}

/**
 * Whether the relay holds each document's stored changes, its copies read many to a request (GET /fetch, decision
 * 0044): `settle` gets each answer. A document the relay asks to be asked again for goes again after the others (as
 * first copies do), one it cannot serve now waits for the next round, and one a relay without /fetch would serve over
 * a socket goes over it only if `overSocket` allows it.
 */
export async function relayHoldsEach(
  options: RelayHoldsEachOptions,
  docIds: readonly string[],
  settle: (docId: string, held: RelayHolds) => Promise<void>,
  { stopped, overSocket = () => true }: { stopped: () => boolean; overSocket?: (docId: string) => boolean },
): Promise<void> {
  const queue = [...docIds];
  while (queue.length > 0 && !stopped()) {
    const batch = queue.splice(0, MAX_DOCS_PER_FETCH);
    const answers = await fetchStates(options, batch);
    const later: string[] = [];
    for (const [j, docId] of batch.entries()) {
      if (stopped()) return;
      const answer = answers?.[j];
      if (answer?.outcome === 'later') later.push(docId);
      else if (answer?.outcome === 'state') await settle(docId, await holdsStored(options, docId, answer.state));
      else if (answer?.outcome === 'forbidden') await settle(docId, 'forbidden');
      else if (answer?.outcome !== 'unavailable' && overSocket(docId))
        await settle(docId, await relayHoldsCopy(options, docId));
    }
    // The relay answers at least one state a request; a batch it answered none of waits for the next round.
    if (later.length < batch.length) queue.push(...later);
  }
}
