// The fiche of one case in one meeting as plain values, re-read after every change to the case (local or remote).
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { observePatientCase, readRcpFiche, type RcpFiche } from '@maillage/shared';

export function useRcpFiche(doc: Y.Doc | null, meetingId: string): RcpFiche | null {
  const [fiche, setFiche] = useState<RcpFiche | null>(null);
  useEffect(() => {
    if (!doc) return setFiche(null);
    const read = () => setFiche(readRcpFiche(doc, meetingId));
    read();
    return observePatientCase(doc, read);
  }, [doc, meetingId]);
  return fiche;
}
