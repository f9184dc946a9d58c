// An EIGS's deadlines as « Pour vous » tells a référent: volet 1 « sans délai » until the national portal's reference
// is entered, volet 2 (J+90) from a month before it falls due, red once passed, until the analysis is done.
import type { QualificationRecord, ReportStatus } from './schema';

/** How early the volet 2 deadline starts showing under « Pour vous ». */
export const VOLET2_NOTICE_DAYS = 30;

export interface EigsDeadline {
  docId: string;
  /** No portal reference yet: volet 1 is still to send. */
  volet1Pending: boolean;
  volet2Due: string;
  /** 'overdue' once the day has passed, 'soon' within the notice, null before (shown only with volet 1). */
  volet2State: 'soon' | 'overdue' | null;
}

const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000);

/** What this report asks of a référent today, or null (not an EIGS, analysed, closed, or nothing due yet). */
export function eigsDeadline(
  docId: string,
  qualification: QualificationRecord | null,
  status: ReportStatus,
  today: string,
): EigsDeadline | null {
  if (!qualification?.eigs || !qualification.volet2Due) return null;
  if (status === 'analyse' || status === 'clos') return null;
  const volet1Pending = qualification.portalReference.trim() === '';
  const left = daysBetween(today, qualification.volet2Due);
  const volet2State = left < 0 ? 'overdue' : left <= VOLET2_NOTICE_DAYS ? 'soon' : null;
  if (!volet1Pending && volet2State === null) return null;
  return { docId, volet1Pending, volet2Due: qualification.volet2Due, volet2State };
}
