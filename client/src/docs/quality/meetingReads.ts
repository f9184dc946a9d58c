// What the dashboard counts of each concertation copy on this device, as of its last stored update: the dashboard
// opening again reads these records (one settings row) rather than decode every meeting of the year, and opens again
// only the copies that changed since (decision 0042). A record keeps the counts' inputs only — date, status, type,
// each agenda item's case id, criterion and « discuté », each signature's profession — never a case label, a
// question or a name.
import { z } from 'zod/mini';
import {
  ACI_CRITERIA,
  CONCERTATION_STATUSES,
  CONCERTATION_TYPES,
  readAgenda,
  readMeeting,
  readSheet,
  type MeetingRecord,
} from '@maillage/shared';
import { db as defaultDb, type MaillageDb } from '../../store/db';
import { docStore } from '../../store/docStore';
import { changedSince, latestUpdate } from '../adverseEvent/reportReads';

const recordSchema = z.object({
  docId: z.string(),
  meeting: z.object({ date: z.string(), status: z.enum(CONCERTATION_STATUSES), type: z.enum(CONCERTATION_TYPES) }),
  agenda: z.array(z.object({ caseId: z.string(), criterion: z.enum(ACI_CRITERIA), discussed: z.boolean() })),
  sheet: z.array(z.object({ profession: z.string() })),
});
const storedSchema = z.object({
  upTo: z.number(),
  byDoc: z.record(z.string(), z.object({ seq: z.number(), record: z.nullable(recordSchema) })),
});

/** Null: the copy holds no meeting (not a concertation, or not synced yet). */
interface Known {
  seq: number;
  record: MeetingRecord | null;
}
interface Records {
  upTo: number;
  byDoc: Map<string, Known>;
}

const key = (workspaceId: string) => `meetingReads:${workspaceId}`;
/** By workspace, for this tab: the row is read once. */
const cache = new Map<string, Records>();

/** The counts' inputs of one copy: everything else of the meeting is left out. */
export function countedOf(docId: string, doc: Parameters<typeof readMeeting>[0]): MeetingRecord | null {
  const meeting = readMeeting(doc);
  if (!meeting) return null;
  return {
    docId,
    meeting: { date: meeting.date, status: meeting.status, type: meeting.type },
    agenda: readAgenda(doc).map(({ caseId, criterion, discussed }) => ({ caseId, criterion, discussed })),
    sheet: readSheet(doc).map(({ profession }) => ({ profession })),
  };
}

async function recordsOf(workspaceId: string, db: MaillageDb): Promise<Records> {
  const inMemory = cache.get(workspaceId);
  if (inMemory) return inMemory;
  const parsed = storedSchema.safeParse((await db.settings.get(key(workspaceId)))?.value);
  const loaded: Records = parsed.success
    ? { upTo: parsed.data.upTo, byDoc: new Map(Object.entries(parsed.data.byDoc)) }
    : { upTo: 0, byDoc: new Map() };
  // Another call may have loaded them meanwhile: the first one stays.
  const records = cache.get(workspaceId) ?? loaded;
  cache.set(workspaceId, records);
  return records;
}

/**
 * The meetings among these documents, as this device holds them: a copy is opened only when it has updates stored
 * since its record (none when the device stored nothing since), or when the catalogue gives it another status than
 * its record (a compte rendu validated in this tab, its update not stored yet); the records are kept for the next
 * opening.
 */
export async function readMeetingsOnDevice(
  workspaceId: string,
  wanted: readonly { docId: string; status: string }[],
  db: MaillageDb = defaultDb,
): Promise<MeetingRecord[]> {
  const docIds = wanted.map((w) => w.docId);
  const known = await recordsOf(workspaceId, db);
  const latest = await latestUpdate(db);
  let seqs = new Map<string, number>();
  if (latest !== known.upTo)
    seqs = (await changedSince(workspaceId, known.upTo, db)) ?? (await docStore.latestSeqs(workspaceId, docIds));
  const missing = docIds.filter((docId) => !known.byDoc.has(docId));
  if (missing.length > 0)
    for (const [docId, seq] of await docStore.latestSeqs(workspaceId, missing)) seqs.set(docId, seq);
  let changed = latest !== known.upTo;
  known.upTo = latest;
  const found: MeetingRecord[] = [];
  for (const { docId, status } of wanted) {
    let entry = known.byDoc.get(docId);
    const seq = seqs.get(docId);
    if (
      !entry ||
      (seq !== undefined && seq !== entry.seq) ||
      (entry.record && entry.record.meeting.status !== status)
    ) {
      const doc = await docStore.acquire(workspaceId, docId);
      try {
        entry = { seq: seq ?? entry?.seq ?? 0, record: countedOf(docId, doc) };
      } finally {
        await docStore.release(workspaceId, docId);
      }
      known.byDoc.set(docId, entry);
      changed = true;
    }
    if (entry.record) found.push(entry.record);
  }
  if (changed)
    await db.settings.put({
      key: key(workspaceId),
      value: { upTo: known.upTo, byDoc: Object.fromEntries(known.byDoc) },
    });
  return found;
}

/**
 * What this tab last read of these meetings, without waiting for IndexedDB: null unless each one has a record whose
 * status is the catalogue's. The screen shows it at once, then what `readMeetingsOnDevice` finds.
 */
export function meetingsReadInTab(
  workspaceId: string,
  wanted: readonly { docId: string; status: string }[],
): MeetingRecord[] | null {
  const known = cache.get(workspaceId);
  if (!known) return null;
  const found: MeetingRecord[] = [];
  for (const { docId, status } of wanted) {
    const entry = known.byDoc.get(docId);
    if (!entry || (entry.record && entry.record.meeting.status !== status)) return null;
    if (entry.record) found.push(entry.record);
  }
  return found;
}

/** For tests: what a reload forgets. */
export const forgetMeetingReads = (): void => cache.clear();
