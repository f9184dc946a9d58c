// A document from this device only, never connected: a report whose room list is not on the relay yet.
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { docStore } from '../../store/docStore';

export function useLocalDoc(workspaceId: string, docId: string): Y.Doc | null {
  const [doc, setDoc] = useState<Y.Doc | null>(null);
  useEffect(() => {
    let cancelled = false;
    let acquired = false;
    void docStore.acquire(workspaceId, docId).then((loaded) => {
      acquired = true;
      if (cancelled) return void docStore.release(workspaceId, docId);
      setDoc(loaded);
    });
    return () => {
      cancelled = true;
      setDoc(null);
      if (acquired) void docStore.release(workspaceId, docId);
    };
  }, [workspaceId, docId]);
  return doc;
}
