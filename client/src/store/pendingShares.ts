// Patient cases created on this device while offline: their care-team list is not on the relay yet. Kept in the
// settings table (random ids only, never patient data) so the list goes up when the network returns, screen open or not.
import { db as defaultDb, type MaillageDb } from './db';
import { z } from 'zod/mini';

const idsSchema = z.array(z.string());
const key = (workspaceId: string) => `pendingShares:${workspaceId}`;

async function change(db: MaillageDb, workspaceId: string, edit: (ids: Set<string>) => void): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const parsed = idsSchema.safeParse((await db.settings.get(key(workspaceId)))?.value);
    const ids = new Set(parsed.success ? parsed.data : []);
    edit(ids);
    if (ids.size === 0) await db.settings.delete(key(workspaceId));
    else await db.settings.put({ key: key(workspaceId), value: [...ids] });
  });
}

export const addPendingShare = (workspaceId: string, docId: string, db = defaultDb) => change(db, workspaceId, (ids) => ids.add(docId));
export const removePendingShare = (workspaceId: string, docId: string, db = defaultDb) => change(db, workspaceId, (ids) => ids.delete(docId));

export async function listPendingShares(workspaceId: string, db = defaultDb): Promise<string[]> {
  const parsed = idsSchema.safeParse((await db.settings.get(key(workspaceId)))?.value);
  return parsed.success ? parsed.data : [];
}
