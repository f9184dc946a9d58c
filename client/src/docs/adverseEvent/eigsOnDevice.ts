// For a référent's « Pour vous »: the EIGS deadlines of the reports this device holds (volet 1 until the portal
// reference is entered, volet 2 from a month before J+90). Loaded only on a référent's device, when the home reads it.
import { eigsDeadline, isWellKnownDoc, type EigsDeadline } from '@maillage/shared';
import { listFetchedDocs, listMyReports } from '../../store/myReports';
import { forgetReadReports, readReportsOnDevice } from './useReportsOnDevice';
import { whenSettled } from './yieldToInput';

export interface EigsForMe extends EigsDeadline {
  /** The event's day, to tell reports apart without their text. */
  occurredAt: string;
}

export { forgetReadReports };

/** How long the home shows before the deadlines are read, and the longest they then wait for an idle period. */
const SETTLE_MS = 1000;
const IDLE_WAIT_MS = 2000;

export async function eigsDeadlinesOnDevice(
  workspaceId: string,
  inCatalogue: ReadonlySet<string>,
  today: string,
  left: () => boolean = () => false,
): Promise<EigsForMe[]> {
  // A thousand summaries read and checked: after the home's first frames, so a tap made as it shows goes first, and
  // not at all once it led away from the home.
  await whenSettled(SETTLE_MS, IDLE_WAIT_MS);
  if (left()) return [];
  const fetched = await listFetchedDocs(workspaceId);
  const sent = (await listMyReports(workspaceId)).filter((r) => r.sent).map((r) => r.docId);
  const ids = new Set([...sent, ...fetched.filter((id) => !inCatalogue.has(id) && !isWellKnownDoc(id))]);
  const found: EigsForMe[] = [];
  for (const read of await readReportsOnDevice(workspaceId, [...ids])) {
    const deadline = eigsDeadline(read.docId, read.qualification, read.report.status, today);
    if (deadline) found.push({ ...deadline, occurredAt: read.report.occurredAt });
  }
  return found.sort((a, b) => a.volet2Due.localeCompare(b.volet2Due));
}
