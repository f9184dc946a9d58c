// Tells the sender and the screens that this device's reports changed (one saved, one sent), in this tab.
const listeners = new Set<() => void>();

export function reportsChanged(): void {
  for (const listener of listeners) listener();
}

export function onReportsChanged(listener: () => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}
