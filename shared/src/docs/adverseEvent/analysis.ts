// The ALARM analysis of a report, written by the quality référents in the report's own (restricted) document: each
// part is a top-level Y.Text, so several référents type into it at once and nothing they write can overwrite another
// part. The link to the CREX that analyses it is the concertation's id.
import type * as Y from 'yjs';
import { idSchema } from '../../sync/ids';
import type { Validated } from '../validation';
import { readReport, refuseReport } from './layout';

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

export const analysisText = (doc: Y.Doc, part: AnalysisPart): Y.Text => doc.getText(`alarm.${part}`);

export function readAnalysis(doc: Y.Doc): Record<AnalysisPart, string> {
  return Object.fromEntries(ANALYSIS_PARTS.map((p) => [p, analysisText(doc, p).toString()])) as Record<
    AnalysisPart,
    string
  >;
}

/** Whether any part of the analysis has been written. */
export const hasAnalysis = (doc: Y.Doc): boolean => ANALYSIS_PARTS.some((p) => analysisText(doc, p).length > 0);

const crexMap = (doc: Y.Doc) => doc.getMap<unknown>('crex');

/** Links the report to the CREX concertation that analyses it (a référent, once the report exists). */
export function linkCrex(
  doc: Y.Doc,
  concertationId: unknown,
  actor: string,
  referents: ReadonlySet<string>,
  now = new Date(),
): Validated<string> {
  if (!referents.has(actor)) return refuseReport('actor', 'errors.referentOnly');
  if (!readReport(doc)) return refuseReport('report', 'errors.noReport');
  const parsed = idSchema.safeParse(concertationId);
  if (!parsed.success) return refuseReport('crex', 'errors.crexRequired');
  doc.transact(() => {
    crexMap(doc).set('concertationId', parsed.data);
    crexMap(doc).set('linkedAt', now.toISOString());
  });
  return { ok: true, value: parsed.data };
}

export function readCrexLink(doc: Y.Doc): string | null {
  const id = crexMap(doc).get('concertationId');
  return typeof id === 'string' && idSchema.safeParse(id).success ? id : null;
}

export function observeCrexLink(doc: Y.Doc, onChange: () => void): () => void {
  const handler = () => onChange();
  crexMap(doc).observe(handler);
  return () => crexMap(doc).unobserve(handler);
}
