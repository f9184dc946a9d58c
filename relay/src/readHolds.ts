// Who keeps a socket from being read: admission, pacing and a room's load each pause it; read again when none does.
import type { WebSocket } from 'ws';

export type HoldReason = 'admission' | 'rate' | 'refused' | 'loading';

const holds = new WeakMap<WebSocket, Set<HoldReason>>();

/** Stops reading `ws` until every reason held on it is released (`ws.pause()`, ws 8's public API). */
export function holdReading(ws: WebSocket, reason: HoldReason): void {
  let reasons = holds.get(ws);
  if (!reasons) holds.set(ws, (reasons = new Set()));
  reasons.add(reason);
  ws.pause();
}

/** Releases one reason; the socket is read again only if no other reason still holds it. */
export function releaseReading(ws: WebSocket, reason: HoldReason): void {
  const reasons = holds.get(ws);
  if (!reasons?.delete(reason)) return;
  if (reasons.size > 0) return;
  holds.delete(ws);
  ws.resume();
}
