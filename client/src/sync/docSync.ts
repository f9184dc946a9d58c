// One stock WebsocketProvider per open document, and its sync status in words a user understands.
import type * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { markRemoteOrigin } from '../store/remoteOrigins';
import {
  closeCodeName,
  EPOCH_PARAM,
  keepsHistory,
  PROTOCOL_VERSION,
  roomName,
  SYNC_PATH,
  syncProtocols,
  type CloseCodeName,
  type EpochNotice,
} from '@maillage/shared';
import type { Profile } from '../workspace/profile';
import { colorFor } from './colors';
import { ExternalState } from './externalState';
import { onEpochNotice } from './epochNotices';
import { socketHoldingLargeMessages } from './heldMessages';
import { awarenessOf } from './awarenessOf';
import type { RoomConnection } from './epochMigration';

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
  /** Told of the relay's epoch notices (documents without history: docs/decisions/0027). */
  onEpoch: ((notice: EpochNotice) => void) | null = null;
  /** Set when the relay said this copy is of a closed epoch: this provider is done, the owner migrates the copy. */
  private migrating = false;
  private readonly room: string;

  /**
   * epoch: of this device's copy; sent for the documents that keep no history, the only ones ever rewritten.
   * memberId goes with the presence, so a person on two devices is shown once.
   */
  constructor(
    workspaceId: string,
    docId: string,
    doc: Y.Doc,
    profile: Profile,
    private readonly token: string,
    epoch = 0,
    memberId?: string,
  ) {
    super();
    this.value = { state: 'connecting', reason: null };
    this.room = roomName({ workspaceId, docId });
    const rewritable = !keepsHistory(docId);
    this.provider = new WebsocketProvider(relayUrl(), this.room, doc, {
      // The token rides in the subprotocols, never in the URL: browsers print a failed socket's URL in the console.
      params: rewritable ? { v: PROTOCOL_VERSION, [EPOCH_PARAM]: String(epoch) } : { v: PROTOCOL_VERSION },
      protocols: syncProtocols(token),
      connect: navigator.onLine,
      shouldReconnect: (event) => !this.migrating && shouldReconnect(event),
      // Tabs share updates over a BroadcastChannel named by the room alone: a tab on a closed epoch would hand its
      // copy to one on the new epoch, and through it to the relay. Documents that can be rewritten sync by the relay.
      disableBc: rewritable,
      WebSocketPolyfill: socketHoldingLargeMessages(),
      awareness: awarenessOf(doc),
    });
    markRemoteOrigin(this.provider);
    onEpochNotice(this.provider, (notice) => this.heard(notice));
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

  /** How a migration reaches this room: as this provider does, without its epoch. */
  connection(): RoomConnection {
    return {
      url: relayUrl(),
      room: this.room,
      params: { v: PROTOCOL_VERSION },
      protocols: syncProtocols(this.token),
      shouldReconnect,
    };
  }

  /** A migration that could not finish: this copy stays, and the relay will say again that it must move. */
  retry(): void {
    this.migrating = false;
    if (navigator.onLine) this.provider.connect();
    this.refresh();
  }

  private heard(notice: EpochNotice): void {
    if (notice.kind === 'current') this.provider.params[EPOCH_PARAM] = String(notice.epoch);
    else {
      this.migrating = true;
      this.provider.disconnect();
    }
    this.onEpoch?.(notice);
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
    if (!this.migrating) this.provider.connect();
    this.refresh();
  };

  private refresh(): void {
    if (this.value.state === 'error' && !this.provider.wsconnected) {
      // A fatal reason stays; a transient one until the retry connects, unless the user goes offline meanwhile.
      if (FATAL.has(this.value.reason!) || this.provider.shouldConnect) return;
    }
    let state: SyncState;
    if (this.migrating) state = navigator.onLine ? 'connecting' : 'offline';
    else if (!navigator.onLine || !this.provider.shouldConnect) state = 'offline';
    else if (this.provider.wsconnected && this.provider.synced) state = 'synced';
    else if (this.provider.wsconnected || this.provider.wsconnecting) state = 'connecting';
    else state = 'offline';
    if (state !== this.value.state || this.value.reason) {
      this.publish({ state, reason: null });
    }
  }
}
