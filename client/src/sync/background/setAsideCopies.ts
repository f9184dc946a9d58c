// Copies this device chose not to keep (« Mon appareil »): each leaves only once the relay holds everything in it. A
// change made here offline and never sent is sent first, and the copy goes at a later round; one the relay refuses as
// often as it is tried keeps its copy here, where « Mon appareil » names it (decision 0045).
import type { FetchQueue } from './fetchQueue';
import { relayHoldsEach, type RelayHoldsEachOptions } from './relayHolds';
import { UNSENT_TRIES } from './unsentChanges';

export interface SetAsideCopiesOptions extends RelayHoldsEachOptions {
  onDocChanged?: (docId: string) => void;
}

/** One round for the set-aside documents no screen has open: the relay's copies read many to a request. */
export async function letSetAsideCopiesGo(
  options: SetAsideCopiesOptions,
  queue: Pick<FetchQueue, 'setAside'>,
  docIds: readonly string[],
  syncOne: (docId: string) => Promise<'synced' | 'forbidden' | 'skipped'>,
  stopped: () => boolean,
): Promise<void> {
  const { store, workspaceId } = options;
  const marks = new Map((await store.listUnsent(workspaceId)).map((row) => [row.docId, row]));
  const here: string[] = [];
  for (const docId of docIds) {
    if ((marks.get(docId)?.tries ?? 0) >= UNSENT_TRIES) continue;
    if (await store.hasCopy(workspaceId, docId)) here.push(docId);
  }
  await relayHoldsEach(
    options,
    here,
    async (docId, held) => {
      // A send, or a refusal, is a try, as for changes not yet sent (unsentChanges.ts).
      const mark = marks.get(docId);
      if (held === 'forbidden' && mark) return void (await store.countUnsentTry(mark));
      if (held === false) {
        if ((await syncOne(docId)) !== 'skipped' && mark) await store.countUnsentTry(mark);
        return;
      }
      if (held !== true) return;
      await store.forget(workspaceId, docId);
      await queue.setAside(docId);
      options.onDocChanged?.(docId);
    },
    { stopped },
  );
}
