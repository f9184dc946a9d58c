// Reads a crisis activation as plain values after every change (local or a colleague's): components never read the
// Y.Doc.
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import {
  alteredEntries,
  CRISIS_ACTIVATION_LAYOUT_VERSION,
  isCrisisActivation,
  latestEntries,
  logHandover,
  readAcks,
  readActivation,
  readEntryLog,
  readMeta,
  type Ack,
  type Activation,
  type Entry,
  type EntryLog,
} from '@maillage/shared';

export interface ActivationSnapshot {
  activation: Activation;
  acks: Ack[];
  /** The main courante's order; its entries are read (and checked) only when shown, through the readers below. */
  log: EntryLog;
  /** The latest `count` entries, oldest first. */
  latest: (count: number) => Entry[];
  /** What a shift hands over since a time: entries « à vérifier », decisions not corrected since. */
  handover: (since: string) => { toVerify: Entry[]; decisions: Entry[] };
  /** Entries changed or removed outside the layout (empty unless a client bypassed it). */
  altered: { rewritten: string[]; removed: string[] };
}

export type Readiness = 'waiting' | 'ready' | 'newer';

/**
 * `withEntries` false reads the activation and the answers only (the banner): the main courante may hold thousands
 * of entries, re-read on every change.
 */
export function useActivation(
  doc: Y.Doc | null,
  withEntries = true,
): { snapshot: ActivationSnapshot | null; ready: Readiness } {
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
      const log = withEntries ? readEntryLog(doc) : { order: [], correctedBy: new Map<string, string[]>() };
      setSnapshot({
        activation,
        acks: readAcks(doc),
        log,
        latest: (count) => latestEntries(doc, log, count),
        handover: (since) => logHandover(doc, log, since),
        altered: withEntries ? alteredEntries(doc) : { rewritten: [], removed: [] },
      });
      setReady('ready');
    };
    update();
    // Once per transaction, whatever it changed (the meta map too, which arrives with the first sync).
    doc.on('update', update);
    return () => doc.off('update', update);
  }, [doc, withEntries]);
  return { snapshot, ready };
}
