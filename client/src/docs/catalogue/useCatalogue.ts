// The open workspace's catalogue: its synced document, its entries, its name, kept current as colleagues edit.
import { useEffect, useState } from 'react';
import { listCatalogue, observeCatalogue, readWorkspaceName, readWorkspaceTerritory, WELL_KNOWN_DOCS, type CatalogueItem } from '@maillage/shared';
import { useSyncedDoc, type SyncedDoc } from '../../sync/useSyncedDoc';
import { rememberWorkspace } from '../../workspace/workspaces';

export interface Catalogue {
  opened: SyncedDoc | null;
  items: CatalogueItem[];
  name: string | null;
  territory: string[];
}

export function useCatalogue(workspaceId: string): Catalogue {
  const opened = useSyncedDoc(workspaceId, WELL_KNOWN_DOCS.catalogue);
  const [state, setState] = useState<{ items: CatalogueItem[]; name: string | null; territory: string[] }>({ items: [], name: null, territory: [] });

  useEffect(() => {
    if (!opened) return;
    const read = () => {
      const name = readWorkspaceName(opened.doc);
      const territory = readWorkspaceTerritory(opened.doc);
      setState({ items: listCatalogue(opened.doc), name, territory });
      void rememberWorkspace(workspaceId, name, territory);
    };
    read();
    return observeCatalogue(opened.doc, read);
  }, [opened, workspaceId]);

  return { opened, ...state };
}
