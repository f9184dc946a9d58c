// One stock WebsocketProvider per open document, and its sync status in words a user understands.
import type * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import {
  closeCodeName,
  PROTOCOL_VERSION,
  roomName,
  SYNC_PATH,
  syncProtocols,
  type CloseCodeName,
} from '@maillage/shared';
import type { Profile } from '../workspace/profile';
import { colorFor } from './colors';
import { ExternalState } from './externalState';

export type SyncState = 'synced' | 'connecting' | 'offline' | 'error';
export interface SyncStatus {
  state: SyncState;
  reason: CloseCodeName | null;
}

/** Closes after which retrying cannot help: the user must act (new link, reload). */
const FATAL: ReadonlySet<CloseCodeName> = new Set([
  'unauthorized',
  'forbidden',
  'revoked',
  'tokenExpired',
  'protocolVersion',
  'unknownRoom',
  'malformedMessage',
  'messageTooLarge',
  'roomUnavailable',
  'workspaceNotServed',
]);

export function relayUrl(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${SYNC_PATH}`;
}

/** Whether the app takes a close as final (the user must act); any other close of the relay is retried. */
export const isFatalClose = (name: CloseCodeName): boolean => FATAL.has(name);

/**
 * The provider's reconnection rule, from the list that also decides what the screen says: stock y-websocket decides by
 * range (4400-4499 final), so the screen and the provider could disagree on a code (docs/decisions/0018).
 */
export function shouldReconnect(event: { code: number }): boolean {
  const name = closeCodeName(event.code);
  return name === null || !FATAL.has(name);
}

export class DocSync extends ExternalState<SyncStatus> {
  readonly provider: WebsocketProvider;

  /** `memberId` goes with the presence, so a person on two devices is shown once. */
  constructor(workspaceId: string, docId: string, doc: Y.Doc, profile: Profile, token: string, memberId?: string) {
    super();
    this.value = { state: 'connecting', reason: null };
    this.provider = new WebsocketProvider(relayUrl(), roomName({ workspaceId, docId }), doc, {
      // The token rides in the subprotocols, never in the URL: browsers print a failed socket's URL in the console.
      params: { v: PROTOCOL_VERSION },
      protocols: syncProtocols(token),
      connect: navigator.onLine,
      shouldReconnect,
    });
    this.provider.awareness.setLocalStateField('user', {
      name: profile.name,
      profession: profile.profession,
      color: colorFor(profile.name),
      ...(memberId ? { member: memberId } : {}),
    });
    this.provider.on('status', () => this.refresh());
    this.provider.on('sync', () => this.refresh());
    this.provider.on('connection-close', (event) => {
      const name = event ? closeCodeName(event.code) : null;
      if (name && name !== 'shuttingDown') {
        // Set before the status event that follows, which must see the error and leave it; `shouldReconnect` has the
        // provider stop after a fatal close and retry after any other.
        this.publish({ state: 'error', reason: name });
      }
    });
    window.addEventListener('offline', this.goOffline);
    window.addEventListener('online', this.goOnline);
    this.refresh();
  }

  destroy(): void {
    window.removeEventListener('offline', this.goOffline);
    window.removeEventListener('online', this.goOnline);
    this.provider.destroy();
    this.forgetListeners();
  }

  private readonly goOffline = () => {
    this.provider.disconnect();
    this.refresh();
  };

  private readonly goOnline = () => {
    this.provider.connect();
    this.refresh();
  };

  private refresh(): void {
    if (this.value.state === 'error' && !this.provider.wsconnected) {
      // A fatal reason stays; a transient one until the retry connects, unless the user goes offline meanwhile.
      if (FATAL.has(this.value.reason!) || this.provider.shouldConnect) return;
    }
    let state: SyncState;
    if (!navigator.onLine || !this.provider.shouldConnect) state = 'offline';
    else if (this.provider.wsconnected && this.provider.synced) state = 'synced';
    else if (this.provider.wsconnected || this.provider.wsconnecting) state = 'connecting';
    else state = 'offline';
    if (state !== this.value.state || this.value.reason) {
      this.publish({ state, reason: null });
    }
  }
}
