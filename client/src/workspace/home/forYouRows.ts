// What the device's copies hold for « Pour vous » (my open actions in a case, a sign-off asked of me), kept in
// IndexedDB with the update each was read from: the home reads one table, and opens only the copies changed since.
import type { CatalogueItem } from '@maillage/shared';
import type { ForYouRow } from '../../store/db';
import { docStore as defaultStore, type DocStore } from '../../store/docStore';

/** Copies read at once when several changed: enough to overlap IndexedDB's round trips, not to crowd a screen's load. */
const AT_ONCE = 4;
/**
 * Rows asked of IndexedDB per request: each request is made in one go, and a list of a thousand files (the catalogue
 * arriving on a new device) would hold the page for as long, in the middle of the member's typing.
 */
const ROWS_AT_ONCE = 200;

/** The stored rows of these documents, a part at a time. */
async function storedRows(store: DocStore, workspaceId: string, ids: readonly string[]) {
  const rows: (ForYouRow | undefined)[] = [];
  for (let k = 0; k < ids.length; k += ROWS_AT_ONCE)
    rows.push(...(await store.listForYou(workspaceId, ids.slice(k, k + ROWS_AT_ONCE))));
  return rows;
}

async function readCopy(
  store: DocStore,
  workspaceId: string,
  item: ToRead,
  memberId: string,
  seq: number,
): Promise<ForYouRow> {
  const { actionsFor, awaitsSignoff, crisisTasksFor } = await import('./readCopies');
  // « Pour vous » can wait: a large copy is read once the member pauses, not in the middle of their typing.
  const doc = await store.acquire(workspaceId, item.docId, { canWait: true });
  try {
    const isCase = item.kind === 'patientCase';
    const isCrisis = item.kind === 'crisisActivation';
    return {
      workspaceId,
      docId: item.docId,
      memberId,
      seq,
      actions: isCase
        ? actionsFor(doc, item.docId, memberId).map((a) => a.action)
        : isCrisis
          ? crisisTasksFor(doc, memberId)
          : [],
      signoff: !isCase && !isCrisis && awaitsSignoff(doc, memberId),
    };
  } finally {
    await store.release(workspaceId, item.docId);
  }
}

/** What the read needs of a catalogue entry. */
export type ToRead = Pick<CatalogueItem, 'docId' | 'kind'>;

/** The rows of these documents that have a copy here, each current with its copy's last stored update. */
export async function readForYou(
  workspaceId: string,
  items: readonly ToRead[],
  memberId: string,
  store: DocStore = defaultStore,
): Promise<Map<string, ForYouRow>> {
  const ids = items.map((i) => i.docId);
  const [rows, latest] = await Promise.all([storedRows(store, workspaceId, ids), store.latestSeqs(workspaceId, ids)]);
  const seqs = ids.map((docId) => latest.get(docId) ?? 0);
  const found = new Map<string, ForYouRow>();
  const stale: number[] = [];
  ids.forEach((docId, n) => {
    const row = rows[n];
    if (seqs[n] === 0) return;
    if (row && row.seq === seqs[n] && row.memberId === memberId) found.set(docId, row);
    else stale.push(n);
  });
  for (let k = 0; k < stale.length; k += AT_ONCE)
    await Promise.all(
      stale.slice(k, k + AT_ONCE).map(async (n) => {
        const row = await readCopy(store, workspaceId, items[n]!, memberId, seqs[n]!);
        found.set(row.docId, row);
        await store.putForYou(row);
      }),
    );
  return found;
}
