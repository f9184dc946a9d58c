// Settings of this device alone (« Mon appareil »), kept in its IndexedDB: never synced, never seen by the relay.
import { KEEP_CLOSED_CHOICES, type KeepClosedMonths } from '../sync/background/setAside';
import { db as defaultDb, type MaillageDb } from './db';

const keepClosedKey = (workspaceId: string) => `keepClosedMonths/${workspaceId}`;

/** How many months of closed files this device keeps for a workspace; anything unreadable keeps them all. */
export async function readKeepClosed(workspaceId: string, db: MaillageDb = defaultDb): Promise<KeepClosedMonths> {
  const value = (await db.settings.get(keepClosedKey(workspaceId)))?.value;
  return KEEP_CLOSED_CHOICES.find((choice) => choice === value) ?? null;
}

export async function writeKeepClosed(
  workspaceId: string,
  months: KeepClosedMonths,
  db: MaillageDb = defaultDb,
): Promise<void> {
  await db.settings.put({ key: keepClosedKey(workspaceId), value: months });
}
