// Workspaces on this device: create one (new root key), join one from its link, list them.
import { readWorkspaceName, setWorkspaceName, workspaceIdSchema, type FieldError } from '@maillage/shared';
import { db, type WorkspaceRow } from '../store/db';
import { docStore } from '../store/docStore';
import { generateRootKey } from './keys';
import { WELL_KNOWN_DOCS } from '@maillage/shared';

export type WorkspaceResult = { ok: true; workspaceId: string } | { ok: false; errors: FieldError[] };

export async function createWorkspace(name: string): Promise<WorkspaceResult> {
  const { keyPair, workspaceId } = await generateRootKey();
  const catalogue = await docStore.acquire(workspaceId, WELL_KNOWN_DOCS.catalogue);
  try {
    const named = setWorkspaceName(catalogue, name);
    if (!named.ok) return named;
    await db.workspaces.put({ id: workspaceId, name: named.value, joinedAt: new Date().toISOString(), rootKey: keyPair });
    await docStore.flushed(workspaceId, WELL_KNOWN_DOCS.catalogue);
    return { ok: true, workspaceId };
  } finally {
    await docStore.release(workspaceId, WELL_KNOWN_DOCS.catalogue);
  }
}

/** Adds a workspace known by its link; its name arrives with the catalogue. Signed invitations will replace this. */
export async function joinWorkspace(workspaceId: string): Promise<WorkspaceResult> {
  const id = workspaceIdSchema.safeParse(workspaceId);
  if (!id.success) return { ok: false, errors: [{ field: 'workspaceId', message: 'errors.workspaceId' }] };
  if (!(await db.workspaces.get(id.data))) await db.workspaces.put({ id: id.data, name: '', joinedAt: new Date().toISOString(), rootKey: null });
  return { ok: true, workspaceId: id.data };
}

export const getWorkspace = (id: string): Promise<WorkspaceRow | undefined> => db.workspaces.get(id);
export const listWorkspaces = (): Promise<WorkspaceRow[]> => db.workspaces.toArray();

/** Keeps the device's copy of the name in step with the catalogue (it may arrive after joining). */
export async function rememberName(id: string, catalogueName: string | null): Promise<void> {
  const row = await db.workspaces.get(id);
  if (row && catalogueName && row.name !== catalogueName) await db.workspaces.update(id, { name: catalogueName });
}

export { readWorkspaceName };
