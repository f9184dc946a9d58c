// Tells the sender and the screens that this device's reports changed (one saved, one sent, one written), in this tab:
// the report's id when one changed, none when any may have.
const listeners = new Set<(docId?: string) => void>();

export function reportsChanged(docId?: string): void {
  for (const listener of listeners) listener(docId);
}

export function onReportsChanged(listener: (docId?: string) => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}
