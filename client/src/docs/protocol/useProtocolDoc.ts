// Opens a protocol for a screen: from the device, then the relay; ready once it is a protocol this app can read
// (a protocol not yet on this device becomes ready when its content arrives).
import { useEffect, useState } from 'react';
import { migrateProtocol, readMeta } from '@maillage/shared';
import { useSyncedDoc, type SyncedDoc } from '../../sync/useSyncedDoc';

export type Readiness = 'waiting' | 'ready' | 'newer';

export function useProtocolDoc(workspaceId: string, docId: string): { opened: SyncedDoc | null; ready: Readiness } {
  const opened = useSyncedDoc(workspaceId, docId);
  const [ready, setReady] = useState<Readiness>('waiting');
  useEffect(() => {
    setReady('waiting');
    if (!opened) return;
    const check = () => {
      if (readMeta(opened.doc).kind !== 'protocol') return;
      try {
        migrateProtocol(opened.doc);
        setReady('ready');
      } catch {
        setReady('newer');
      }
      opened.doc.off('update', check);
    };
    check();
    opened.doc.on('update', check);
    return () => opened.doc.off('update', check);
  }, [opened]);
  return { opened, ready };
}
