// Whether the relay holds everything this device stored of a document: the relay's copy and what IndexedDB holds,
// applied to one doc, give equal snapshots (state vector and delete set). Read from IndexedDB, not from a copy a reader
// of the page has in memory, which may predate another tab's change (decisions 0029, 0045).
import * as Y from 'yjs';
import type { CloseCodeName } from '@maillage/shared/sync';
import type { DocStore } from '../../store/docStore';
import { syncWithRelay, type RoomSocketOptions } from './roomSocket';

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
