// Reads a crisis activation as plain values after every change (local or a colleague's): components never read the
// Y.Doc.
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import {
  CRISIS_ACTIVATION_LAYOUT_VERSION,
  isCrisisActivation,
  observeCrisisActivation,
  readAcks,
  readActivation,
  readEntries,
  readMeta,
  type Ack,
  type Activation,
  type Entry,
} from '@maillage/shared';

export interface ActivationSnapshot {
  activation: Activation;
  acks: Ack[];
  entries: Entry[];
}

export type Readiness = 'waiting' | 'ready' | 'newer';

export function useActivation(doc: Y.Doc | null): { snapshot: ActivationSnapshot | null; ready: Readiness } {
  const [snapshot, setSnapshot] = useState<ActivationSnapshot | null>(null);
  const [ready, setReady] = useState<Readiness>('waiting');
  useEffect(() => {
    setSnapshot(null);
    setReady('waiting');
    if (!doc) return;
    const update = () => {
      if (!isCrisisActivation(doc)) return;
      if (readMeta(doc).layoutVersion > CRISIS_ACTIVATION_LAYOUT_VERSION) return setReady('newer');
      const activation = readActivation(doc);
      if (!activation) return;
      setSnapshot({ activation, acks: readAcks(doc), entries: readEntries(doc) });
      setReady('ready');
    };
    update();
    const unobserve = observeCrisisActivation(doc, update);
    // The meta map arrives with the first sync: watch it too, or a screen opened before would wait forever.
    doc.on('update', update);
    return () => {
      unobserve();
      doc.off('update', update);
    };
  }, [doc]);
  return { snapshot, ready };
}
