// The ALARM analyses of the reports, written by the quality référents in the référents' own restricted room (the
// analysis room, decision 0037): each part of each report's analysis is a top-level Y.Text, so several référents type
// into it at once and nothing they write can overwrite another part. The report's own document holds none of it: its
// room admits the reporter, whose device must not receive the analysis. The link to the CREX that analyses a report
// is the concertation's id, kept in the same room.
import type * as Y from 'yjs';
import { z } from 'zod/mini';
import { idSchema } from '../../sync/ids';
import type { Validated } from '../validation';
import { refuseReport } from './layout';

/** The seven families of contributing factors of the ALARM protocol. */
export const ALARM_FAMILIES = [
  'patient',
  'tache',
  'individu',
  'equipe',
  'environnement',
  'organisation',
  'institution',
] as const;
export type AlarmFamily = (typeof ALARM_FAMILIES)[number];

/** The analysis in its order: the timeline, the care failures, the factors by family, root causes, barriers. */
export const ANALYSIS_PARTS = [
  'timeline',
  'careFailures',
  ...ALARM_FAMILIES.map((f) => `factor_${f}` as const),
  'rootCauses',
  'barriers',
] as const;
export type AnalysisPart = (typeof ANALYSIS_PARTS)[number];

export const ANALYSIS_MAX_LENGTH = 4000;

/** One part of one report's analysis, in the analysis room's document. */
export const analysisText = (room: Y.Doc, reportId: string, part: AnalysisPart): Y.Text =>
  room.getText(`alarm.${reportId}.${part}`);

export function readAnalysis(room: Y.Doc, reportId: string): Record<AnalysisPart, string> {
  return Object.fromEntries(ANALYSIS_PARTS.map((p) => [p, analysisText(room, reportId, p).toString()])) as Record<
    AnalysisPart,
    string
  >;
}

/** Whether any part of a report's analysis has been written. */
export const hasAnalysis = (room: Y.Doc, reportId: string): boolean =>
  ANALYSIS_PARTS.some((p) => analysisText(room, reportId, p).length > 0);

const crexMap = (room: Y.Doc) => room.getMap<unknown>('crex');
const crexLinkSchema = z.object({ concertationId: idSchema, linkedAt: z.string() });

/** Links a report to the CREX concertation that analyses it (a référent). */
export function linkCrex(
  room: Y.Doc,
  reportId: unknown,
  concertationId: unknown,
  actor: string,
  referents: ReadonlySet<string>,
  now = new Date(),
): Validated<string> {
  if (!referents.has(actor)) return refuseReport('actor', 'errors.referentOnly');
  const report = idSchema.safeParse(reportId);
  if (!report.success) return refuseReport('report', 'errors.noReport');
  const parsed = idSchema.safeParse(concertationId);
  if (!parsed.success) return refuseReport('crex', 'errors.crexRequired');
  crexMap(room).set(report.data, { concertationId: parsed.data, linkedAt: now.toISOString() });
  return { ok: true, value: parsed.data };
}

export function readCrexLink(room: Y.Doc, reportId: string): string | null {
  const parsed = crexLinkSchema.safeParse(crexMap(room).get(reportId));
  return parsed.success ? parsed.data.concertationId : null;
}

export function observeCrexLink(room: Y.Doc, onChange: () => void): () => void {
  const handler = () => onChange();
  crexMap(room).observe(handler);
  return () => crexMap(room).unobserve(handler);
}
