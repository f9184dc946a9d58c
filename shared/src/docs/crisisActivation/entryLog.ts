// The main courante read for a screen: its order from a light look at every entry (time, id, what it corrects), and
// the schema check only for the entries a person sees or a summary counts. A log of thousands opens on its latest
// page without checking thousands of entries first (decision 0035).
import type * as Y from 'yjs';
import { checkSchema, type Entry } from './schema';
import { byTimeThenId, readEntry } from './layout';

/** What the order of the log needs of an entry, read without the schema. */
export interface EntryRef {
  id: string;
  at: string;
  decision: boolean;
  corrects: string | null;
}

export interface EntryLog {
  /** Every entry that looks like one, oldest first (time, then id). */
  order: EntryRef[];
  /** Entry id → the later entries correcting it. */
  correctedBy: Map<string, string[]>;
}

const ISO_PREFIX = /^\d{4}-\d{2}-\d{2}T/;

function refOf(id: string, value: unknown): EntryRef | null {
  if (typeof value !== 'object' || value === null) return null;
  const { at, kind, corrects } = value as Record<string, unknown>;
  if (typeof at !== 'string' || !ISO_PREFIX.test(at)) return null;
  return { id, at, decision: kind === 'decision', corrects: typeof corrects === 'string' ? corrects : null };
}

export function readEntryLog(doc: Y.Doc): EntryLog {
  const order: EntryRef[] = [];
  const correctedBy = new Map<string, string[]>();
  doc.getMap<unknown>('entries').forEach((value, id) => {
    const ref = refOf(id, value);
    if (ref) order.push(ref);
  });
  order.sort(byTimeThenId);
  for (const ref of order)
    if (ref.corrects) {
      const list = correctedBy.get(ref.corrects);
      if (list) list.push(ref.id);
      else correctedBy.set(ref.corrects, [ref.id]);
    }
  return { order, correctedBy };
}

/** The given entries, checked, with their marks and corrections; an entry that fails its check is left out. */
export function readLogEntries(doc: Y.Doc, log: EntryLog, refs: readonly EntryRef[]): Entry[] {
  const entries = doc.getMap<unknown>('entries');
  const checks = doc.getMap<unknown>('checks');
  const out: Entry[] = [];
  for (const ref of refs) {
    const stored = readEntry(entries.get(ref.id));
    if (!stored) continue;
    const mark = checks.get(ref.id);
    const check = mark === undefined ? null : checkSchema.safeParse(mark);
    out.push({
      id: ref.id,
      ...stored,
      check: check?.success ? check.data : null,
      correctedBy: log.correctedBy.get(ref.id) ?? [],
    });
  }
  return out;
}

/** The latest `count` entries, oldest first. */
export const latestEntries = (doc: Y.Doc, log: EntryLog, count: number): Entry[] =>
  readLogEntries(doc, log, log.order.slice(Math.max(0, log.order.length - count)));

/**
 * The shift handover from the log: entries still « à vérifier », and the decisions since `since` not corrected since.
 * Only those are checked.
 */
export function logHandover(doc: Y.Doc, log: EntryLog, since: string): { toVerify: Entry[]; decisions: Entry[] } {
  const checks = doc.getMap<unknown>('checks');
  const open = log.order.filter((ref) => {
    const mark = checks.get(ref.id) as { state?: unknown } | undefined;
    return mark?.state === 'a_verifier';
  });
  const decided = log.order.filter((ref) => ref.decision && ref.at >= since && !log.correctedBy.has(ref.id));
  return {
    toVerify: readLogEntries(doc, log, open).filter((e) => e.check?.state === 'a_verifier'),
    decisions: readLogEntries(doc, log, decided).filter((e) => e.kind === 'decision'),
  };
}
