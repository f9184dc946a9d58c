// Patient cases and concertations created on this device whose list is not on the relay yet. Kept in the settings table
// (random ids, the nonce the id was made from, the neutral catalogue title and, for a meeting, its day and time; never
// patient data) so the list goes up when the network returns, screen open or not, and the document is published to the
// catalogue only then (decisions 0016, 0033).
import { db as defaultDb, type MaillageDb } from './db';
import { z } from 'zod/mini';
import { idSchema } from '@maillage/shared/sync';

/** What a case waiting for its list needs: the nonce proves to the relay it is ours; the rest makes its catalogue entry. */
const pendingCaseSchema = z.object({
  docId: z.string(),
  nonce: z.string(),
  title: z.string().check(z.maxLength(200)),
  createdAt: z.iso.datetime(),
  /** Absent on rows written before concertations were restricted: a patient case. */
  kind: z.optional(z.enum(['patientCase', 'concertation'])),
  meetingDate: z.optional(z.iso.date()),
  meetingStart: z.optional(z.string().check(z.maxLength(5))),
  preparedFrom: z.optional(idSchema),
});
export type PendingCase = z.infer<typeof pendingCaseSchema>;

/** A plain id: a case made by an earlier version, whose id is random and bound to no one. */
const rowsSchema = z.array(z.union([z.string(), pendingCaseSchema]));
type Row = z.infer<typeof rowsSchema>[number];

const key = (workspaceId: string) => `pendingShares:${workspaceId}`;
const idOf = (row: Row) => (typeof row === 'string' ? row : row.docId);

async function read(db: MaillageDb, workspaceId: string): Promise<Row[]> {
  const parsed = rowsSchema.safeParse((await db.settings.get(key(workspaceId)))?.value);
  return parsed.success ? parsed.data : [];
}

async function change(db: MaillageDb, workspaceId: string, edit: (rows: Row[]) => Row[]): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const rows = edit(await read(db, workspaceId));
    if (rows.length === 0) await db.settings.delete(key(workspaceId));
    else await db.settings.put({ key: key(workspaceId), value: rows });
  });
}

export const addPendingShare = (workspaceId: string, pending: PendingCase, db = defaultDb) =>
  change(db, workspaceId, (rows) => [...rows.filter((r) => idOf(r) !== pending.docId), pending]);
export const removePendingShare = (workspaceId: string, docId: string, db = defaultDb) =>
  change(db, workspaceId, (rows) => rows.filter((r) => idOf(r) !== docId));

export async function listPendingShares(workspaceId: string, db = defaultDb): Promise<string[]> {
  return (await read(db, workspaceId)).map(idOf);
}

/** The cases waiting on this device with what their catalogue entry needs (an earlier version's have none). */
export async function listPendingCases(workspaceId: string, db = defaultDb): Promise<PendingCase[]> {
  return (await read(db, workspaceId)).filter((r): r is PendingCase => typeof r !== 'string');
}

export async function pendingCaseOf(workspaceId: string, docId: string, db = defaultDb): Promise<PendingCase | null> {
  return (await listPendingCases(workspaceId, db)).find((r) => r.docId === docId) ?? null;
}
