// What follows an activation, read as plain values after every change: escalations, tasks, the RETEX, the ACI counts.
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import {
  currentTypology,
  mobilisation,
  readEscalations,
  readRetex,
  readTasks,
  type CrisisTask,
  type CrisisTypology,
  type Escalation,
  type Mobilisation,
  type Retex,
} from '@maillage/shared';

export interface FollowUp {
  escalations: Escalation[];
  typology: CrisisTypology | null;
  tasks: CrisisTask[];
  retex: Retex | null;
  counts: Mobilisation;
}

export function useFollowUp(doc: Y.Doc | null): FollowUp | null {
  const [value, setValue] = useState<FollowUp | null>(null);
  useEffect(() => {
    setValue(null);
    if (!doc) return;
    const read = () =>
      setValue({
        escalations: readEscalations(doc),
        typology: currentTypology(doc),
        tasks: readTasks(doc),
        retex: readRetex(doc),
        counts: mobilisation(doc),
      });
    read();
    doc.on('update', read);
    return () => doc.off('update', read);
  }, [doc]);
  return value;
}
