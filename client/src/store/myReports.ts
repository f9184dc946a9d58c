// The adverse-event reports made on this device: their ids, the nonce each id was made from (the relay asks for it with
// the first list), and whether the report has reached the relay. Kept in the settings table, never in a shared
// document, so the reporter's own devices are the only place that knows who reported what (decision 0032).
import { z } from 'zod/mini';
import { db as defaultDb, type MaillageDb } from './db';

const myReportSchema = z.object({
  docId: z.string(),
  nonce: z.string(),
  createdAt: z.iso.datetime(),
  /** The relay holds the report's list and its content: « en attente d'envoi » until then. */
  sent: z.boolean(),
});
export type MyReport = z.infer<typeof myReportSchema>;
const rowsSchema = z.array(myReportSchema);

const key = (workspaceId: string) => `myReports:${workspaceId}`;

export async function listMyReports(workspaceId: string, db: MaillageDb = defaultDb): Promise<MyReport[]> {
  const parsed = rowsSchema.safeParse((await db.settings.get(key(workspaceId)))?.value);
  return parsed.success ? parsed.data : [];
}

async function change(db: MaillageDb, workspaceId: string, edit: (rows: MyReport[]) => MyReport[]): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    await db.settings.put({ key: key(workspaceId), value: edit(await listMyReports(workspaceId, db)) });
  });
}

export const addMyReport = (workspaceId: string, report: MyReport, db: MaillageDb = defaultDb) =>
  change(db, workspaceId, (rows) => [...rows.filter((r) => r.docId !== report.docId), report]);

export const markReportSent = (workspaceId: string, docId: string, db: MaillageDb = defaultDb) =>
  change(db, workspaceId, (rows) => rows.map((r) => (r.docId === docId ? { ...r, sent: true } : r)));

/** The documents the change feed says this device may read and has fetched: where a référent finds reports. */
export async function listFetchedDocs(workspaceId: string, db: MaillageDb = defaultDb): Promise<string[]> {
  const rows = await db.fetches.where('workspaceId').equals(workspaceId).toArray();
  return rows.filter((r) => r.readable && r.fetchedTick > 0).map((r) => r.docId);
}
