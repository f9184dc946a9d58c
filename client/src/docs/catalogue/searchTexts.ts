// The texts full-text search reads: one row per document, cached in IndexedDB. The cache is written when a document
// is edited here, but a page that goes away may abort that write, and a colleague's edits arrive while the document
// is closed; so before searching, every row older than its document's last stored update is read again from it.
import type * as Y from 'yjs';
import {
  concertationSearchText,
  patientCaseSearchText,
  protocolSearchText,
  readMeta,
  readProtocolHeader,
  type CatalogueItem,
} from '@maillage/shared';
import { docStore } from '../../store/docStore';

/** The kinds searched in full, and what is read of each: the other kinds are found by their catalogue entry alone. */
const TEXT_OF: Partial<Record<string, (doc: Y.Doc) => string>> = {
  protocol: protocolSearchText,
  concertation: concertationSearchText,
  patientCase: patientCaseSearchText,
};

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
  // Protocols, and the meetings and cases this device holds (only their participants' and care teams' devices do).
  const searched = items.filter((i) => TEXT_OF[i.kind] && (!only || only.has(i.docId)));
  const seqs = await docStore.latestSeqs(
    workspaceId,
    searched.map((i) => i.docId),
  );
  for (const item of searched) {
    const seq = seqs.get(item.docId) ?? 0;
    if (seq === 0 || (rows.get(item.docId)?.seq ?? -1) >= seq) continue;
    const doc = await docStore.acquire(workspaceId, item.docId);
    try {
      const kind = readMeta(doc).kind;
      const textOf = kind ? TEXT_OF[kind] : undefined;
      if (!textOf) continue;
      const { title, theme } = kind === 'protocol' ? readProtocolHeader(doc) : { title: item.title, theme: '' };
      const text = textOf(doc);
      texts.set(item.docId, text);
      await docStore.putText({ workspaceId, docId: item.docId, title, theme, text, seq });
    } finally {
      await docStore.release(workspaceId, item.docId);
    }
  }
  return texts;
}
