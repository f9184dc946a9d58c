// Whether an escalation called this member in and they have not answered since: the banner then says so and asks
// again. Read on every change of the activation (a few maps, not the main courante).
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { calledIn, type Escalation } from '@maillage/shared';

export function useCalledIn(doc: Y.Doc | null, memberId: string): Escalation | null {
  const [call, setCall] = useState<Escalation | null>(null);
  useEffect(() => {
    setCall(null);
    if (!doc) return;
    const read = () => setCall(calledIn(doc, memberId));
    read();
    doc.on('update', read);
    return () => doc.off('update', read);
  }, [doc, memberId]);
  return call;
}
