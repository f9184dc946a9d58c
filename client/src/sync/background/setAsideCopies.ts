// Copies this device chose not to keep (« Mon appareil »): each leaves only once the relay holds everything in it. A
// change made here offline and never sent is sent first, and the copy goes at a later round; one the relay refuses as
// often as it is tried keeps its copy here, where « Mon appareil » names it (decision 0045).
import type { FetchQueue } from './fetchQueue';
import { relayHoldsEach, type RelayHoldsEachOptions } from './relayHolds';
import type { UnsentRow } from '../../store/db';
import { sendCountingTries, UNSENT_TRIES, type SyncOne } from './unsentChanges';

export interface SetAsideCopiesOptions extends RelayHoldsEachOptions {
  onDocChanged?: (docId: string) => void;
}

/** One round for the set-aside documents no screen has open: the relay's copies read many to a request. */
export async function letSetAsideCopiesGo(
  options: SetAsideCopiesOptions,
  queue: Pick<FetchQueue, 'setAside'>,
  docIds: readonly string[],
  unsent: readonly UnsentRow[],
  syncOne: SyncOne,
  stopped: () => boolean,
): Promise<void> {
  const { store, workspaceId } = options;
  const marks = new Map(unsent.map((row) => [row.docId, row]));
  const here: string[] = [];
  for (const docId of docIds) {
    if ((marks.get(docId)?.tries ?? 0) >= UNSENT_TRIES) continue;
    if (await store.hasCopy(workspaceId, docId)) here.push(docId);
  }
  await relayHoldsEach(
    options,
    here,
    async (docId, held) => {
      // A send, or a refusal, is a try, as for changes not yet sent.
      if (held !== true) return sendCountingTries(store, marks.get(docId), docId, held, syncOne);
      await store.forget(workspaceId, docId);
      await queue.setAside(docId);
      options.onDocChanged?.(docId);
    },
    { stopped },
  );
}
