// The texts full-text search reads: one row per document, cached in IndexedDB. The cache is written when a document
// is edited here, but a page that goes away may abort that write, and a colleague's edits arrive while the document
// is closed; so before searching, every row older than its document's last stored update is read again from it.
import {
  concertationSearchText,
  protocolSearchText,
  readMeta,
  readProtocolHeader,
  type CatalogueItem,
} from '@maillage/shared';
import { docStore } from '../../store/docStore';

/**
 * Texts by document id, brought up to date with what this device holds. `only`: the documents to look at, when the
 * caller holds the others' texts already (a first fetch brings a thousand documents, a few dozen per signal).
 */
export async function loadSearchTexts(
  workspaceId: string,
  items: readonly CatalogueItem[],
  only?: ReadonlySet<string>,
): Promise<Map<string, string>> {
  const stored = only
    ? (await docStore.textsOf(workspaceId, [...only])).filter((row) => row !== undefined)
    : await docStore.listTexts(workspaceId);
  const rows = new Map(stored.map((r) => [r.docId, r]));
  const texts = new Map([...rows].map(([docId, row]) => [docId, row.text]));
  // Protocols, and the meetings this device holds (only their participants' devices do): their agenda's questions.
  const protocols = items.filter(
    (i) => (i.kind === 'protocol' || i.kind === 'concertation') && (!only || only.has(i.docId)),
  );
  const seqs = await docStore.latestSeqs(
    workspaceId,
    protocols.map((i) => i.docId),
  );
  for (const item of protocols) {
    const seq = seqs.get(item.docId) ?? 0;
    if (seq === 0 || (rows.get(item.docId)?.seq ?? -1) >= seq) continue;
    const doc = await docStore.acquire(workspaceId, item.docId);
    try {
      const kind = readMeta(doc).kind;
      if (kind !== 'protocol' && kind !== 'concertation') continue;
      const { title, theme } = kind === 'protocol' ? readProtocolHeader(doc) : { title: item.title, theme: '' };
      const text = kind === 'protocol' ? protocolSearchText(doc) : concertationSearchText(doc);
      texts.set(item.docId, text);
      await docStore.putText({ workspaceId, docId: item.docId, title, theme, text, seq });
    } finally {
      await docStore.release(workspaceId, item.docId);
    }
  }
  return texts;
}
