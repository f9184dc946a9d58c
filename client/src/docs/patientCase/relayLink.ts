// What the care-team logic needs from the outside world: the relay's /acl routes and the network's state. Injected,
// so the gate and the team sync are tested without a browser.
import type { AclPurpose, AclView } from '@maillage/shared';

export interface RelayLink {
  getAcl(): Promise<AclView | null>;
  /** `purpose`: why the list grows, for the relay's access journal (« RCP du … »). */
  setAcl(members: readonly string[], purpose?: AclPurpose): Promise<AclView>;
  isOnline(): boolean;
  /** Calls back when the network comes back; returns the unsubscribe. */
  onOnline(callback: () => void): () => void;
}

export interface Me {
  memberId: string;
  role: 'coordinator' | 'member' | 'observer';
}

/** Waits between attempts: 2 s, 4 s, 8 s… up to 30 s. */
export const retryDelay = (attempt: number): number => Math.min(30_000, 2_000 * 2 ** Math.min(attempt, 4));

/** The browser's side of RelayLink. */
export function browserLink(calls: Pick<RelayLink, 'getAcl' | 'setAcl'>): RelayLink {
  return {
    ...calls,
    isOnline: () => navigator.onLine,
    onOnline: (callback) => {
      window.addEventListener('online', callback);
      return () => window.removeEventListener('online', callback);
    },
  };
}
