// The app's one IndexedDB database (Dexie): workspaces, settings, per-document metadata rows, Yjs updates.
import Dexie, { type EntityTable } from 'dexie';
import type { CaseAction, SigningKey } from '@maillage/shared';

export interface WorkspaceRow {
  id: string;
  name: string;
  joinedAt: string;
  /** Only on the device that created the workspace: its root key pair (private key non-extractable). */
  rootKey: CryptoKeyPair | null;
  /** A second coordinator's own signing key and its root-signed delegation (private key non-extractable). */
  delegateKey?: SigningKey | null;
  /**
   * The device key this person's invitation gave (private key non-extractable): it signs tokens for their other
   * devices, each with its own device id (docs/decisions/0028). Absent on devices joined before, or added ones.
   */
  deviceKey?: SigningKey | null;
  /** This device's access token for the relay (signed by the root key or a coordinator's). */
  token: string;
  role: 'coordinator' | 'member' | 'observer';
  memberId: string;
  deviceId: string;
  /** The communes the CPTS covers, copied from the catalogue when it syncs (for forms that do not open it). */
  territory?: string[];
  /** When the relay said this device's access was revoked: the workspace then shows only why (not indexed). */
  revokedAt?: string;
}

export interface DocMetaRow {
  workspaceId: string;
  docId: string;
  kind: string;
  title: string;
  status: string;
  updatedAt: string;
  /** The first few hundred characters of text, for search without opening the document. */
  excerpt: string;
}

/** A document's whole text, for full-text search on this device; read only when someone searches. */
export interface TextRow {
  workspaceId: string;
  docId: string;
  title: string;
  theme: string;
  text: string;
  /** The last stored update the text was read from: a newer one means the row is stale. */
  seq: number;
}

export interface UpdateRow {
  seq?: number;
  workspaceId: string;
  docId: string;
  data: Uint8Array;
}

/** A document the change feed listed for this device: fetched once `fetchedTick` reaches `tick`. */
export interface FetchRow {
  workspaceId: string;
  docId: string;
  /** The relay's tick of the document's last change that the feed reported. */
  tick: number;
  /** The tick this device last synced the document at (0: never). */
  fetchedTick: number;
  /** False: the member may no longer read it (taken off a care team); the copy goes. */
  readable: boolean;
}

/**
 * This device's copy of a document that keeps no history (docs/decisions/0027): the epoch it is of, and which copy the
 * stored rows belong to (a migration starts a new one; rows of another copy are never written beside them). None:
 * epoch 0, copy ''.
 */
export interface EpochRow {
  workspaceId: string;
  docId: string;
  epoch: number;
  copy: string;
}

/**
 * What a document's copy holds for « Pour vous » (a member's open actions, a sign-off asked of them), read from it
 * once and kept: the home lists them without opening every document. Stale once the copy has a later update (`seq`).
 */
export interface ForYouRow {
  workspaceId: string;
  docId: string;
  memberId: string;
  seq: number;
  actions: CaseAction[];
  signoff: boolean;
}

/**
 * A document holding a change made on this device that the relay may not have yet (a page closed before its socket
 * sent it, an edit made offline): the background sync sends it even if no screen opens the document again.
 */
export interface UnsentRow {
  workspaceId: string;
  docId: string;
  /** The stored row the latest such change went into: a mark that moved was not seen by the check that began before. */
  mark: number;
  /** Sends the relay has not been seen to keep (a write it refuses): past a few, the copy waits for its screen. */
  tries: number;
}

export interface SettingRow {
  key: string;
  value: unknown;
}

export class MaillageDb extends Dexie {
  workspaces!: EntityTable<WorkspaceRow, 'id'>;
  docs!: Dexie.Table<DocMetaRow, [string, string]>;
  updates!: EntityTable<UpdateRow, 'seq'>;
  settings!: EntityTable<SettingRow, 'key'>;
  texts!: Dexie.Table<TextRow, [string, string]>;
  fetches!: Dexie.Table<FetchRow, [string, string]>;
  epochs!: Dexie.Table<EpochRow, [string, string]>;
  forYou!: Dexie.Table<ForYouRow, [string, string]>;
  unsent!: Dexie.Table<UnsentRow, [string, string]>;

  constructor(name = 'maillage') {
    super(name);
    this.version(1).stores({
      workspaces: 'id',
      docs: '[workspaceId+docId], workspaceId',
      updates: '++seq, [workspaceId+docId]',
      settings: 'key',
    });
    // 2: search texts, apart from the metadata rows so opening the catalogue never reads them.
    this.version(2).stores({ texts: '[workspaceId+docId], workspaceId' });
    // 3: what the change feed listed, so a fetch interrupted halfway resumes where it stopped (decision 0029).
    this.version(3).stores({ fetches: '[workspaceId+docId], workspaceId' });
    // 4: the epoch of each copy of a well-known document, beside its updates (docs/decisions/0027).
    this.version(4).stores({ epochs: '[workspaceId+docId]' });
    // 5: what each copy holds for « Pour vous », so the home reads one table instead of every document.
    this.version(5).stores({ forYou: '[workspaceId+docId]' });
    // 6: documents with a change made here that the relay may not hold, sent without their screen (decision 0045).
    this.version(6).stores({ unsent: '[workspaceId+docId], workspaceId' });
  }
}

export const db = new MaillageDb();
