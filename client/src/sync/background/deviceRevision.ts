// Moves when documents change on this device without being open (the background sync stored them): screens that read
// documents they did not open, like search, read again. At most once a second, however many documents arrive.
import { useSyncExternalStore } from 'react';

const EVERY_MS = 1000;
let revision = 0;
let timer: ReturnType<typeof setTimeout> | null = null;
const listeners = new Set<() => void>();

export function deviceDocsChanged(): void {
  timer ??= setTimeout(() => {
    timer = null;
    revision++;
    for (const listener of listeners) listener();
  }, EVERY_MS);
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => void listeners.delete(listener);
};

export function useDeviceRevision(): number {
  return useSyncExternalStore(subscribe, () => revision);
}
