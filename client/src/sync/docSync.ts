// One stock WebsocketProvider per open document, and its sync status in words a user understands.
import type * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { closeCodeName, PROTOCOL_VERSION, roomName, SYNC_PATH, type CloseCodeName } from '@maillage/shared';
import type { Profile } from '../workspace/profile';
import { colorFor } from './colors';

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

export class DocSync {
  readonly provider: WebsocketProvider;
  private status: SyncStatus = { state: 'connecting', reason: null };
  private readonly listeners = new Set<() => void>();

  constructor(workspaceId: string, docId: string, doc: Y.Doc, profile: Profile, token: string) {
    this.provider = new WebsocketProvider(relayUrl(), roomName({ workspaceId, docId }), doc, {
      params: { v: PROTOCOL_VERSION, token },
      connect: navigator.onLine,
    });
    this.provider.awareness.setLocalStateField('user', { name: profile.name, profession: profile.profession, color: colorFor(profile.name) });
    this.provider.on('status', () => this.refresh());
    this.provider.on('sync', () => this.refresh());
    this.provider.on('connection-close', (event) => {
      const name = event ? closeCodeName(event.code) : null;
      if (name && name !== 'shuttingDown') {
        this.status = { state: 'error', reason: name };
        if (FATAL.has(name)) this.provider.disconnect();
        this.emit();
      }
    });
    window.addEventListener('offline', this.goOffline);
    window.addEventListener('online', this.goOnline);
    this.refresh();
  }

  get current(): SyncStatus {
    return this.status;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  destroy(): void {
    window.removeEventListener('offline', this.goOffline);
    window.removeEventListener('online', this.goOnline);
    this.provider.destroy();
    this.listeners.clear();
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
    if (this.status.state === 'error' && !this.provider.wsconnected) {
      if (FATAL.has(this.status.reason!) || this.provider.wsconnecting) return;
    }
    let state: SyncState;
    if (!navigator.onLine || !this.provider.shouldConnect) state = 'offline';
    else if (this.provider.wsconnected && this.provider.synced) state = 'synced';
    else if (this.provider.wsconnected || this.provider.wsconnecting) state = 'connecting';
    else state = 'offline';
    if (state !== this.status.state || this.status.reason) {
      this.status = { state, reason: null };
      this.emit();
    }
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }
}
