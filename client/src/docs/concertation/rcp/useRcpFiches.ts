// Every fiche RCP of a case as plain values, re-read after every change to the case.
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { observePatientCase, readRcpFiches, type RcpFiche } from '@maillage/shared';

export function useRcpFiches(doc: Y.Doc | null): RcpFiche[] {
  const [fiches, setFiches] = useState<RcpFiche[]>([]);
  useEffect(() => {
    if (!doc) return setFiches([]);
    const read = () => setFiches(readRcpFiches(doc));
    read();
    return observePatientCase(doc, read);
  }, [doc]);
  return fiches;
}
