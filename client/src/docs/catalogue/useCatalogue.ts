// The open workspace's catalogue: its synced document, its entries, its name, kept current as colleagues edit.
import { useEffect, useState } from 'react';
import { listCatalogue, listedFor, observeCatalogue, readWorkspaceName, readWorkspaceTerritory, WELL_KNOWN_DOCS, type CatalogueItem } from '@maillage/shared';
import { useSyncedDoc, type SyncedDoc } from '../../sync/useSyncedDoc';
import { rememberWorkspace } from '../../workspace/workspaces';
import { useWorkspace } from '../../workspace/WorkspaceScreen';

export interface Catalogue {
  opened: SyncedDoc | null;
  /** The documents this member's catalogue lists: a patient case only for its care team. */
  items: CatalogueItem[];
  /** Every entry, for naming rooms in the coordinators' access journal (titles are neutral for patient cases). */
  allItems: CatalogueItem[];
  name: string | null;
  territory: string[];
}

export function useCatalogue(workspaceId: string): Catalogue {
  const opened = useSyncedDoc(workspaceId, WELL_KNOWN_DOCS.catalogue);
  const { memberId } = useWorkspace();
  const [state, setState] = useState<Omit<Catalogue, 'opened'>>({ items: [], allItems: [], name: null, territory: [] });

  useEffect(() => {
    if (!opened) return;
    const read = () => {
      const name = readWorkspaceName(opened.doc);
      const territory = readWorkspaceTerritory(opened.doc);
      const allItems = listCatalogue(opened.doc);
      // A patient case is listed for its care team only: a convenience, the relay is what keeps others out.
      setState({ items: allItems.filter((item) => listedFor(item, memberId)), allItems, name, territory });
      void rememberWorkspace(workspaceId, name, territory);
    };
    read();
    return observeCatalogue(opened.doc, read);
  }, [opened, workspaceId, memberId]);

  return { opened, ...state };
}
