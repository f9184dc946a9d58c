// Moves when documents change on this device without being open (the background sync stored them): screens that read
// documents they did not open, like search and « Pour vous », read again. At most once a second, however many
// documents arrive; and a reader can ask which documents changed since the revision it last read, so that it reads
// those alone rather than every document again as a first fetch brings a thousand of them.
import { useSyncExternalStore } from 'react';

const EVERY_MS = 1000;
/** Revisions whose documents are remembered: a reader further behind than this reads everything again. */
const KEPT = 64;

export class DeviceRevision {
  private revision = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private changing = new Set<string>();
  private readonly log: { revision: number; docIds: ReadonlySet<string> }[] = [];
  private readonly listeners = new Set<() => void>();

  constructor(private readonly everyMs = EVERY_MS) {}

  changed(docId: string): void {
    this.changing.add(docId);
    this.timer ??= setTimeout(() => {
      this.timer = null;
      this.log.push({ revision: ++this.revision, docIds: this.changing });
      this.changing = new Set();
      if (this.log.length > KEPT) this.log.shift();
      for (const listener of this.listeners) listener();
    }, this.everyMs);
  }

  readonly current = (): number => this.revision;

  /** The documents changed after revision `since`, up to the current one; null when they are no longer all known. */
  changedSince(since: number): ReadonlySet<string> | null {
    if (since >= this.revision) return new Set();
    if ((this.log[0]?.revision ?? Infinity) > since + 1) return null;
    const docIds = new Set<string>();
    for (const entry of this.log) if (entry.revision > since) for (const docId of entry.docIds) docIds.add(docId);
    return docIds;
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };
}

const device = new DeviceRevision();

export const deviceDocsChanged = (docId: string): void => device.changed(docId);
export const currentDeviceRevision = device.current;
export const docsChangedSince = (since: number): ReadonlySet<string> | null => device.changedSince(since);

export function useDeviceRevision(): number {
  return useSyncExternalStore(device.subscribe, device.current);
}

/** `previous` with the documents of `changed` as read again: those not `found` (no copy, no row) leave it. */
export function withChanged<T>(
  previous: ReadonlyMap<string, T>,
  changed: Iterable<string>,
  found: ReadonlyMap<string, T>,
): Map<string, T> {
  const next = new Map(previous);
  for (const docId of changed) {
    const row = found.get(docId);
    if (row === undefined) next.delete(docId);
    else next.set(docId, row);
  }
  return next;
}
