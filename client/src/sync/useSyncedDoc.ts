// Opens a document for a screen: IndexedDB content first, then the relay; both let go when the screen leaves.
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { docStore } from '../store/docStore';
import { useProfile } from '../workspace/ProfileContext';
import { useWorkspace } from '../workspace/WorkspaceContext';
import { DocSync } from './docSync';
import { migrateCopy } from './epochMigration';
import { register, registerOpening } from './syncRegistry';
import { markLive } from './liveDocs';

export interface SyncedDoc {
  doc: Y.Doc;
  sync: DocSync;
}

/** A migration that failed for a reason a retry may cure waits this long before the copy connects again. */
const RETRY_MIGRATION_MS = 5_000;

/** `wait`: the document opens once it resolves (another document's screen goes first). */
export function useSyncedDoc(workspaceId: string, docId: string, wait?: () => Promise<void>): SyncedDoc | null {
  const profile = useProfile();
  const { token, memberId } = useWorkspace();
  const [opened, setOpened] = useState<SyncedDoc | null>(null);

  useEffect(() => {
    let cancelled = false;
    let acquired = false;
    // The shell says « connexion… » until the document's provider exists.
    const opening = registerOpening();
    let current: { sync: DocSync; unregister: () => void; unmark: () => void } | null = null;
    const stopped = new AbortController();

    // A well-known document may be rewritten by the relay into a new epoch (docs/decisions/0027): its copy is then
    // migrated, and the screen re-reads the new doc, as `opened` changes.
    const start = (doc: Y.Doc, epoch: number) => {
      const sync = new DocSync(workspaceId, docId, doc, profile, token, epoch, memberId);
      current = { sync, unregister: register(sync), unmark: markLive(workspaceId, docId) };
      opening();
      sync.onEpoch = (notice) => {
        if (notice.kind === 'current') {
          if (notice.epoch !== epoch) void docStore.adoptEpoch(workspaceId, docId, notice.epoch);
          return;
        }
        const swap = (next: number, migrate: (old: Y.Doc) => Y.Doc) =>
          docStore.replaceEpoch(workspaceId, docId, next, migrate);
        migrateCopy(notice, sync.connection(), swap, stopped.signal).then(
          (migrated) => {
            if (cancelled) return;
            stop();
            start(migrated.doc, migrated.epoch);
          },
          (error: unknown) => {
            if (cancelled) return;
            console.warn(`${docId}: migration to epoch ${notice.epoch} failed`, error);
            setTimeout(() => !cancelled && sync.retry(), RETRY_MIGRATION_MS);
          },
        );
      };
      setOpened({ doc, sync });
    };
    const stop = () => {
      current?.unmark();
      current?.unregister();
      current?.sync.destroy();
      current = null;
    };

    void (wait?.() ?? Promise.resolve()).then(async () => {
      if (cancelled) return;
      const doc = await docStore.acquire(workspaceId, docId);
      acquired = true;
      if (cancelled) return void docStore.release(workspaceId, docId);
      // Only now, with the device's copy loaded, may the provider talk to the relay.
      const epoch = await docStore.epochOf(workspaceId, docId);
      if (!cancelled) start(doc, epoch);
    });
    return () => {
      cancelled = true;
      opening();
      stopped.abort();
      setOpened(null);
      stop();
      if (acquired) void docStore.release(workspaceId, docId);
    };
  }, [workspaceId, docId, profile, token, memberId, wait]);

  return opened;
}
