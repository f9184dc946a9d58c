// The app's one IndexedDB database (Dexie): workspaces, settings, per-document metadata rows, Yjs updates.
import Dexie, { type EntityTable } from 'dexie';
import type { SigningKey } from '@maillage/shared';

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
  }
}

export const db = new MaillageDb();
