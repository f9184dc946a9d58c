// Opens a crisis plan for a screen: from the device, then the relay; ready once it is a plan this app can read.
import { useEffect, useState } from 'react';
import { migrateCrisisPlan, readMeta } from '@maillage/shared';
import { useSyncedDoc, type SyncedDoc } from '../../sync/useSyncedDoc';
import type { Readiness } from '../protocol/useProtocolDoc';

export function useCrisisPlanDoc(workspaceId: string, docId: string): { opened: SyncedDoc | null; ready: Readiness } {
  const opened = useSyncedDoc(workspaceId, docId);
  const [ready, setReady] = useState<Readiness>('waiting');
  useEffect(() => {
    setReady('waiting');
    if (!opened) return;
    const check = () => {
      if (readMeta(opened.doc).kind !== 'crisisPlan') return;
      try {
        migrateCrisisPlan(opened.doc);
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
