// Workspaces on this device: create one (new root key), join one from its link, list them.
import { readWorkspaceName, setWorkspaceName, setWorkspaceTerritory, type FieldError } from '@maillage/shared';
import { liveQuery } from 'dexie';
import { db, type WorkspaceRow } from '../store/db';
import { docStore } from '../store/docStore';
import { generateRootKey, offerBackup } from './keys';
import { WELL_KNOWN_DOCS } from '@maillage/shared';

export type WorkspaceResult = { ok: true; workspaceId: string } | { ok: false; errors: FieldError[] };

export async function createWorkspace(name: string, territory: string[] = []): Promise<WorkspaceResult> {
  const { keyPair, workspaceId, privateJwk } = await generateRootKey();
  const catalogue = await docStore.acquire(workspaceId, WELL_KNOWN_DOCS.catalogue);
  try {
    const named = setWorkspaceName(catalogue, name);
    if (!named.ok) return named;
    const placed = setWorkspaceTerritory(catalogue, territory);
    if (!placed.ok) return placed;
    // Signing code (jose) loads only when a workspace is created or an invitation made.
    const { issueOwnToken } = await import('./access');
    const own = await issueOwnToken(keyPair, workspaceId);
    await db.workspaces.put({
      id: workspaceId,
      name: named.value,
      joinedAt: new Date().toISOString(),
      rootKey: keyPair,
      role: 'coordinator',
      ...own,
    });
    await docStore.flushed(workspaceId, WELL_KNOWN_DOCS.catalogue);
    offerBackup(workspaceId, privateJwk);
    return { ok: true, workspaceId };
  } finally {
    await docStore.release(workspaceId, WELL_KNOWN_DOCS.catalogue);
  }
}

/** A workspace recreated on this device from its root key's backup: its documents come back from the relay. */
export async function restoreWorkspace(
  keyPair: CryptoKeyPair,
  workspaceId: string,
  name: string,
): Promise<'restored' | 'alreadyHere'> {
  const existing = await db.workspaces.get(workspaceId);
  if (existing?.rootKey) return 'alreadyHere';
  const { issueOwnToken } = await import('./access');
  const own = await issueOwnToken(keyPair, workspaceId);
  await db.workspaces.put({
    id: workspaceId,
    name,
    joinedAt: new Date().toISOString(),
    rootKey: keyPair,
    role: 'coordinator',
    ...own,
  });
  return 'restored';
}

/** The workspace's row now and after every change (name or territory arriving with the catalogue, a new token). */
export function watchWorkspace(id: string, onChange: (row: WorkspaceRow | null) => void): () => void {
  const subscription = liveQuery(() => db.workspaces.get(id)).subscribe({
    next: (row) => onChange(row ?? null),
    error: () => onChange(null),
  });
  return () => subscription.unsubscribe();
}

export const listWorkspaces = (): Promise<WorkspaceRow[]> => db.workspaces.toArray();

/** Keeps the device's copy of the name and territory in step with the catalogue (they may arrive after joining). */
export async function rememberWorkspace(id: string, catalogueName: string | null, territory: string[]): Promise<void> {
  const row = await db.workspaces.get(id);
  if (!row) return;
  const changes: Partial<WorkspaceRow> = {};
  if (catalogueName && row.name !== catalogueName) changes.name = catalogueName;
  if (territory.join('\n') !== (row.territory ?? []).join('\n')) changes.territory = territory;
  if (Object.keys(changes).length > 0) await db.workspaces.update(id, changes);
}

/** Remembers that the relay revoked this device's access, so the workspace stays closed offline and after a reload. */
export async function markRevoked(id: string, now = new Date()): Promise<void> {
  const row = await db.workspaces.get(id);
  if (row && !row.revokedAt) await db.workspaces.update(id, { revokedAt: now.toISOString() });
}

export { readWorkspaceName };
