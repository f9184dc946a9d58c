// Opens a document of a given kind for a screen: from the device, then the relay; ready once it is of that kind and
// this app can read its layout (a document not yet on this device becomes ready when its content arrives).
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { readMeta, type DocKind } from '@maillage/shared';
import { useSyncedDoc, type SyncedDoc } from './useSyncedDoc';

export type Readiness = 'waiting' | 'ready' | 'newer';

/** `migrate` brings an older layout up to date and throws on a newer one. */
export function useKindDoc(
  workspaceId: string,
  docId: string,
  kind: DocKind,
  migrate: (doc: Y.Doc) => void,
): { opened: SyncedDoc | null; ready: Readiness } {
  const opened = useSyncedDoc(workspaceId, docId);
  const [ready, setReady] = useState<Readiness>('waiting');
  useEffect(() => {
    setReady('waiting');
    if (!opened) return;
    const check = () => {
      if (readMeta(opened.doc).kind !== kind) return;
      try {
        migrate(opened.doc);
        setReady('ready');
      } catch {
        setReady('newer');
      }
      opened.doc.off('update', check);
    };
    check();
    opened.doc.on('update', check);
    return () => opened.doc.off('update', check);
  }, [opened, kind, migrate]);
  return { opened, ready };
}
