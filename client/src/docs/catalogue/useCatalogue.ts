// The open workspace's catalogue: its synced document, its entries, its name, kept current as colleagues edit.
// Opened once per workspace (CatalogueProvider) and kept open across its screens, like the annuaire.
import { createContext, createElement, startTransition, useContext, useEffect, useState, type ReactNode } from 'react';
import {
  listCatalogue,
  listedFor,
  observeCatalogue,
  readWorkspaceName,
  readWorkspaceTerritory,
  WELL_KNOWN_DOCS,
  type CatalogueItem,
} from '@maillage/shared';
import { liveQuery } from 'dexie';
import { useSyncedDoc, type SyncedDoc } from '../../sync/useSyncedDoc';
import { rememberWorkspace } from '../../workspace/workspaces';
import { listPendingCases } from '../../store/pendingShares';
import { pendingCaseItem } from '../patientCase/publishCase';
import { useWorkspace } from '../../workspace/WorkspaceContext';

export interface Catalogue {
  opened: SyncedDoc | null;
  /** The documents this member's catalogue lists: a patient case only for its care team. */
  items: CatalogueItem[];
  /** Every entry, for naming rooms in the coordinators' access journal (titles are neutral for patient cases). */
  allItems: CatalogueItem[];
  name: string | null;
  territory: string[];
  /** The device's copy has been read at least once (until then the lists are empty for want of reading). */
  loaded: boolean;
}

function useOpenCatalogue(workspaceId: string): Catalogue {
  const opened = useSyncedDoc(workspaceId, WELL_KNOWN_DOCS.catalogue);
  const { memberId } = useWorkspace();
  const [state, setState] = useState<Omit<Catalogue, 'opened'>>({
    items: [],
    allItems: [],
    name: null,
    territory: [],
    loaded: false,
  });

  useEffect(() => {
    if (!opened) return;
    // Cases created here whose list the relay does not hold yet: not in the shared catalogue, listed for their creator.
    let waiting: CatalogueItem[] = [];
    let stopped = false;
    const read = () => {
      const name = readWorkspaceName(opened.doc);
      const territory = readWorkspaceTerritory(opened.doc);
      const allItems = listCatalogue(opened.doc);
      const listed = new Set(allItems.map((item) => item.docId));
      // A patient case is listed for its care team only: a convenience, the relay is what keeps others out.
      const items = [
        ...allItems.filter((item) => listedFor(item, memberId)),
        ...waiting.filter((item) => !listed.has(item.docId)),
      ];
      // Screens follow in a render a keystroke may cut (a new device's catalogue lists hundreds of files).
      startTransition(() => setState({ items, allItems, name, territory, loaded: true }));
      void rememberWorkspace(workspaceId, name, territory);
    };
    read();
    // Watched, not read once: the catalogue stays open across screens while cases are created here, offline too.
    const pending = liveQuery(() => listPendingCases(workspaceId)).subscribe({
      next: (cases) => {
        if (stopped) return;
        const next = cases.map((p) => pendingCaseItem(p, memberId));
        // Its first answer is most often « none », as before: the catalogue is not read again for it.
        if (next.length === 0 && waiting.length === 0) return;
        waiting = next;
        read();
      },
    });
    const unobserve = observeCatalogue(opened.doc, read);
    return () => {
      stopped = true;
      pending.unsubscribe();
      unobserve();
    };
  }, [opened, workspaceId, memberId]);

  return { opened, ...state };
}

const CatalogueContext = createContext<Catalogue | null>(null);

export function CatalogueProvider({ workspaceId, children }: { workspaceId: string; children: ReactNode }) {
  return createElement(CatalogueContext.Provider, { value: useOpenCatalogue(workspaceId) }, children);
}

/** The catalogue of the workspace on screen (the id names which one the caller expects; the provider holds it). */
export function useCatalogue(workspaceId: string): Catalogue {
  const catalogue = useContext(CatalogueContext);
  if (!catalogue) throw new Error(`useCatalogue(${workspaceId}) outside of CatalogueProvider`);
  return catalogue;
}
