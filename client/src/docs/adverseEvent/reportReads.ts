// What each report copy on this device said at its last stored update: a screen opening after a reload reads these
// summaries (one settings row) rather than a thousand documents, and opens again only the copies that changed since.
// A summary keeps no free text of the report (story, measures, reporter's name, feedback): a copy
// the device forgets leaves no text behind in it, and the row stays small (decision 0032).
import { z } from 'zod/mini';
import type { QualificationRecord, RegisterRow, Report } from '@maillage/shared';
import { db as defaultDb, type MaillageDb } from '../../store/db';
import { yieldToInput } from './yieldToInput';

export interface ReportRead {
  docId: string;
  report: Report;
  qualification: QualificationRecord | null;
  feedback: { text: string; at: string } | null;
  row: RegisterRow;
  /** The copy still holds an analysis an earlier version wrote in the report (a référent's device moves it). */
  legacyAnalysis: boolean;
}

/** Null: the copy is not a report (a document of another kind the feed brought). */
export interface Summary {
  seq: number;
  read: ReportRead | null;
}

const fields = z.record(z.string(), z.unknown());
const summarySchema = z.object({
  seq: z.number(),
  read: z.nullable(
    z.object({
      docId: z.string(),
      report: fields,
      qualification: z.nullable(fields),
      feedback: z.nullable(z.object({ text: z.string(), at: z.string() })),
      row: fields,
      // Required: a row from before it is not what this version writes, and is read again whole.
      legacyAnalysis: z.boolean(),
    }),
  ),
});
// Each summary is checked on its own, a slice at a time: the row holds one per report on a référent's device.
const summariesSchema = z.object({ upTo: z.number(), byDoc: z.record(z.string(), z.unknown()) });
const SLICE = 100;

/**
 * The summaries of one workspace, and the device's latest stored update (any document) when they were last checked:
 * while it has not moved, no copy changed and none needs looking at.
 */
export interface Summaries {
  upTo: number;
  byDoc: Map<string, Summary>;
}

const key = (workspaceId: string) => `reportReads:${workspaceId}`;

/** What a summary keeps of a report read whole: its free text left out. */
export function withoutText(read: ReportRead): ReportRead {
  return {
    ...read,
    report: { ...read.report, description: '', immediateMeasures: '', reporterName: '' },
    feedback: read.feedback && { text: '', at: read.feedback.at },
  };
}

/** The summaries stored for this workspace; none when the row is missing or not what this version writes. */
export async function loadSummaries(workspaceId: string, db: MaillageDb = defaultDb): Promise<Summaries> {
  const none = { upTo: 0, byDoc: new Map<string, Summary>() };
  const parsed = summariesSchema.safeParse((await db.settings.get(key(workspaceId)))?.value);
  if (!parsed.success) return none;
  const byDoc = new Map<string, Summary>();
  const entries = Object.entries(parsed.data.byDoc);
  for (let i = 0; i < entries.length; i++) {
    if (i > 0 && i % SLICE === 0) await yieldToInput();
    const [docId, value] = entries[i]!;
    const summary = summarySchema.safeParse(value);
    if (!summary.success) return none;
    byDoc.set(docId, summary.data as Summary);
  }
  return { upTo: parsed.data.upTo, byDoc };
}

export async function storeSummaries(
  workspaceId: string,
  summaries: Summaries,
  db: MaillageDb = defaultDb,
): Promise<void> {
  await db.settings.put({
    key: key(workspaceId),
    value: { upTo: summaries.upTo, byDoc: Object.fromEntries(summaries.byDoc) },
  });
}

/** The device's latest stored update, whatever its document: updates are numbered in the order they are stored. */
export async function latestUpdate(db: MaillageDb = defaultDb): Promise<number> {
  return ((await db.updates.orderBy(':id').lastKey()) as number | undefined) ?? 0;
}

/** Beyond this many updates stored since, each copy's latest is found by the index instead. */
const FEW_UPDATES = 500;

/**
 * The documents of this workspace with updates stored after `upTo`, each with its latest; null when there are many
 * (a first fetch, say): the caller then looks at every copy.
 */
export async function changedSince(
  workspaceId: string,
  upTo: number,
  db: MaillageDb = defaultDb,
): Promise<Map<string, number> | null> {
  const since = db.updates.where(':id').above(upTo);
  if ((await since.count()) > FEW_UPDATES) return null;
  const changed = new Map<string, number>();
  for (const row of await since.toArray())
    if (row.workspaceId === workspaceId) changed.set(row.docId, Math.max(row.seq ?? 0, changed.get(row.docId) ?? 0));
  return changed;
}
