// Saving a report: the document under an id bound to its reporter, kept on this device first (it works with no
// network), then handed to the sender, which puts the room's list up before any byte flows. Nothing is written into a
// shared document by the reporter's device: the référents' devices publish the register's row (decision 0032).
import { createReport, newRestrictedNonce, restrictedDocId, type ReportInput, type Validated } from '@maillage/shared';
import type { WorkspaceRow } from '../../store/db';
import { docStore } from '../../store/docStore';
import { addMyReport } from '../../store/myReports';
import { reportsChanged } from './reportEvents';

export async function newReport(row: WorkspaceRow, input: ReportInput): Promise<Validated<{ docId: string }>> {
  const nonce = newRestrictedNonce();
  const docId = await restrictedDocId(row.id, row.memberId, nonce);
  const doc = await docStore.acquire(row.id, docId);
  try {
    const created = createReport(doc, input, row.memberId);
    if (!created.ok) return created;
    await addMyReport(row.id, { docId, nonce, createdAt: created.value.reportedAt, sent: false });
    await docStore.flushed(row.id, docId);
    reportsChanged(docId);
    return { ok: true, value: { docId } };
  } finally {
    await docStore.release(row.id, docId);
  }
}
