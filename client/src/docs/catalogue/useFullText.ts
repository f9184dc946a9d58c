// Full-text search of the workspace's documents: titles, themes and statuses from the catalogue, and the whole text
// of every document on this device — read the first time someone searches (never when the catalogue merely
// opens), and again when documents change.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { CatalogueItem } from '@maillage/shared';
import {
  currentDeviceRevision,
  docsChangedSince,
  useDeviceRevision,
  withChanged,
} from '../../sync/background/deviceRevision';
import { FullTextIndex, type SearchHit } from './fullText';

export function useFullText(
  workspaceId: string,
  items: readonly CatalogueItem[],
  query: string,
  statusLabel: (item: CatalogueItem) => string,
): Map<string, SearchHit> | null {
  const index = useRef(new FullTextIndex());
  const [texts, setTexts] = useState<Map<string, string> | null>(null);
  const active = query.trim() !== '';
  const version = items.reduce((latest, i) => (i.updatedAt > latest ? i.updatedAt : latest), '');
  // Documents fetched in the background while the catalogue is open: their texts are read again.
  const deviceRevision = useDeviceRevision();
  // Texts are reloaded when a document changes (the version), not on every new array of the same items.
  const current = useRef(items);
  current.current = items;
  // What the last load covered: when only documents on the device moved since, those alone are read again.
  const lastLoad = useRef<{ workspaceId: string; version: string; revision: number } | null>(null);
  useEffect(() => {
    if (!active) return;
    let cancelled = false;
    const previous = lastLoad.current;
    const revision = currentDeviceRevision();
    const changed =
      previous?.workspaceId === workspaceId && previous.version === version
        ? docsChangedSince(previous.revision)
        : null;
    // Reading documents' texts needs the protocol layout: it loads with the first search, not the first screen.
    void import('./searchTexts')
      .then(({ loadSearchTexts }) => loadSearchTexts(workspaceId, current.current, changed ?? undefined))
      .then((loaded) => {
        if (cancelled) return;
        lastLoad.current = { workspaceId, version, revision };
        setTexts((known) => (changed && known ? withChanged(known, changed, loaded) : loaded));
      });
    return () => {
      cancelled = true;
    };
  }, [workspaceId, version, deviceRevision, active]);
  const indexed = useMemo(() => {
    const live = new Set(items.map((i) => i.docId));
    for (const item of items)
      index.current.set({
        docId: item.docId,
        title: item.title,
        theme: `${item.theme} ${statusLabel(item)}`,
        text: texts?.get(item.docId) ?? '',
      });
    for (const docId of index.current.ids()) if (!live.has(docId)) index.current.delete(docId);
    // A new wrapper each time, so the search below runs again on the updated index.
    return { index: index.current };
  }, [items, texts, statusLabel]);
  return useMemo(
    () => (active ? new Map(indexed.index.search(query, Infinity).map((h) => [h.docId, h])) : null),
    [active, query, indexed],
  );
}
