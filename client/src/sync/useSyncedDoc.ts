// Opens a document for a screen: IndexedDB content first, then the relay; both let go when the screen leaves.
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { docStore } from '../store/docStore';
import { useProfile } from '../workspace/ProfileContext';
import { useWorkspace } from '../workspace/WorkspaceScreen';
import { DocSync } from './docSync';
import { register } from './syncRegistry';

export interface SyncedDoc {
  doc: Y.Doc;
  sync: DocSync;
}

export function useSyncedDoc(workspaceId: string, docId: string): SyncedDoc | null {
  const profile = useProfile();
  const { token, memberId } = useWorkspace();
  const [opened, setOpened] = useState<SyncedDoc | null>(null);

  useEffect(() => {
    let cancelled = false;
    let cleanup = () => undefined as void;
    void docStore.acquire(workspaceId, docId).then((doc) => {
      if (cancelled) return void docStore.release(workspaceId, docId);
      // Only now, with the device's copy loaded, may the provider talk to the relay.
      const sync = new DocSync(workspaceId, docId, doc, profile, token, memberId);
      const unregister = register(sync);
      setOpened({ doc, sync });
      cleanup = () => {
        unregister();
        sync.destroy();
        void docStore.release(workspaceId, docId);
      };
    });
    return () => {
      cancelled = true;
      setOpened(null);
      cleanup();
    };
  }, [workspaceId, docId, profile, token, memberId]);

  return opened;
}
