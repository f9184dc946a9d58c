// The text excerpts this device holds for a workspace's documents (metadata rows), so search finds words in bodies without opening them.
import { useEffect, useState } from 'react';
import type { CatalogueItem } from '@maillage/shared';
import { docStore } from '../../store/docStore';

export function useExcerpts(workspaceId: string, items: CatalogueItem[]): Map<string, string> {
  const [excerpts, setExcerpts] = useState<Map<string, string>>(new Map());
  // Re-read when the catalogue changes: an edit here updates both the entry and the row.
  const version = items.reduce((latest, i) => (i.updatedAt > latest ? i.updatedAt : latest), '');
  useEffect(() => {
    let cancelled = false;
    void docStore.listMeta(workspaceId).then((rows) => {
      if (!cancelled) setExcerpts(new Map(rows.map((r) => [r.docId, r.excerpt])));
    });
    return () => {
      cancelled = true;
    };
  }, [workspaceId, version]);
  return excerpts;
}
