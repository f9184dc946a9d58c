// What each report copy on this device said at its last stored update: a screen opening after a reload reads these
// summaries (one settings row) rather than a thousand documents, and opens again only the copies that changed since.
// A summary keeps no free text of the report (story, measures, reporter's name, feedback): a copy
// the device forgets leaves no text behind in it, and the row stays small (decision 0032).
import { z } from 'zod/mini';
import type { QualificationRecord, RegisterRow, Report } from '@maillage/shared';
import { db as defaultDb, type MaillageDb } from '../../store/db';

export interface ReportRead {
  docId: string;
  report: Report;
  qualification: QualificationRecord | null;
  feedback: { text: string; at: string } | null;
  row: RegisterRow;
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
    }),
  ),
});
const summariesSchema = z.record(z.string(), summarySchema);

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
export async function loadSummaries(workspaceId: string, db: MaillageDb = defaultDb): Promise<Map<string, Summary>> {
  const parsed = summariesSchema.safeParse((await db.settings.get(key(workspaceId)))?.value);
  return new Map(parsed.success ? (Object.entries(parsed.data) as [string, Summary][]) : []);
}

export async function storeSummaries(
  workspaceId: string,
  summaries: ReadonlyMap<string, Summary>,
  db: MaillageDb = defaultDb,
): Promise<void> {
  await db.settings.put({ key: key(workspaceId), value: Object.fromEntries(summaries) });
}
