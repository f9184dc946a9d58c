// A report's life: déclaré → qualifié → à analyser → analysé → clos, moved by the quality référents only. Qualifying
// (layout.writeQualification) is the move out of « déclaré »: a category must exist before anyone analyses.
import type * as Y from 'yjs';
import type { Validated } from '../validation';
import { readQualification, readReport, refuseReport } from './layout';
import type { ReportStatus } from './schema';

const NEXT: Readonly<Record<ReportStatus, ReportStatus | null>> = {
  declare: 'qualifie',
  qualifie: 'a_analyser',
  a_analyser: 'analyse',
  analyse: 'clos',
  clos: null,
};

/** The move this member may make now: none, or the next status (« qualifié » comes from the qualification form). */
export function allowedReportMoves(
  status: ReportStatus,
  actor: string,
  referents: ReadonlySet<string>,
): ReportStatus[] {
  const next = NEXT[status];
  return next && next !== 'qualifie' && referents.has(actor) ? [next] : [];
}

export function moveReportStatus(
  doc: Y.Doc,
  to: ReportStatus,
  actor: string,
  referents: ReadonlySet<string>,
): Validated<ReportStatus> {
  const report = readReport(doc);
  if (!report) return refuseReport('report', 'errors.noReport');
  if (!referents.has(actor)) return refuseReport('status', 'errors.referentOnly');
  if (NEXT[report.status] !== to) return refuseReport('status', 'errors.statusMove');
  if (to === 'qualifie' || !readQualification(doc)) return refuseReport('status', 'errors.qualifyFirst');
  doc.getMap<unknown>('review').set('status', to);
  return { ok: true, value: to };
}
