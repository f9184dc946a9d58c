// One stock WebsocketProvider per open document, and its sync status in words a user understands.
import type * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { closeCodeName, PROTOCOL_VERSION, roomName, SYNC_PATH, syncProtocols, type CloseCodeName } from '@maillage/shared';
import type { Profile } from '../workspace/profile';
import { colorFor } from './colors';
import { ExternalState } from './externalState';

export type SyncState = 'synced' | 'connecting' | 'offline' | 'error';
export interface SyncStatus {
  state: SyncState;
  reason: CloseCodeName | null;
}

/** Closes after which retrying cannot help: the user must act (new link, reload). */
const FATAL: ReadonlySet<CloseCodeName> = new Set(['unauthorized', 'forbidden', 'revoked', 'tokenExpired', 'protocolVersion', 'unknownRoom', 'malformedMessage', 'messageTooLarge']);

export function relayUrl(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${SYNC_PATH}`;
}

export class DocSync extends ExternalState<SyncStatus> {
  readonly provider: WebsocketProvider;

  constructor(workspaceId: string, docId: string, doc: Y.Doc, profile: Profile, token: string) {
    super();
    this.value = { state: 'connecting', reason: null };
    this.provider = new WebsocketProvider(relayUrl(), roomName({ workspaceId, docId }), doc, {
      // The token rides in the subprotocols, never in the URL: browsers print a failed socket's URL in the console.
      params: { v: PROTOCOL_VERSION },
      protocols: syncProtocols(token),
      connect: navigator.onLine,
    });
    this.provider.awareness.setLocalStateField('user', { name: profile.name, profession: profile.profession, color: colorFor(profile.name) });
    this.provider.on('status', () => this.refresh());
    this.provider.on('sync', () => this.refresh());
    this.provider.on('connection-close', (event) => {
      const name = event ? closeCodeName(event.code) : null;
      if (name && name !== 'shuttingDown') {
        // Set before disconnecting: the status event that follows must see the error and leave it.
        this.value = { state: 'error', reason: name };
        if (FATAL.has(name)) this.provider.disconnect();
        this.publish(this.value);
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
      if (FATAL.has(this.value.reason!) || this.provider.wsconnecting) return;
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
