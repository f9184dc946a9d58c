// What the page and the background sync's worker say to each other.
import type { BackgroundState } from './backgroundSync';

export interface WorkerStart {
  workspaceId: string;
  token: string;
  httpBase: string;
  wsBase: string;
}

export type ToWorker =
  | { type: 'start'; options: WorkerStart }
  /** A round now: the network came back, the page was shown again, a setting changed. */
  | { type: 'check' }
  /** The documents open on a screen, left to that screen's own socket. */
  | { type: 'live'; docIds: string[] }
  /** The documents this device does not keep (« Mon appareil »). */
  | { type: 'setAside'; docIds: string[] }
  /** The page is seen: check often; hidden: rarely. */
  | { type: 'visible'; visible: boolean };

export type FromWorker = { type: 'state'; state: BackgroundState } | { type: 'changed'; docId: string };
