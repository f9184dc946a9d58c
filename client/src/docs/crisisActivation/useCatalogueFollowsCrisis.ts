// The catalogue carries the crisis' typology now, its ACI counts and its end, so banners and the dashboard need not
// open the activation. Only the cell writes it; any writer writes the same value.
import { useEffect } from 'react';
import type * as Y from 'yjs';
import { readCatalogueEntry, upsertCatalogueEntry, type CrisisTypology, type Mobilisation } from '@maillage/shared';

export function useCatalogueFollowsCrisis(
  catalogueDoc: Y.Doc | null,
  docId: string,
  cell: boolean,
  typology: CrisisTypology | null,
  counts: Mobilisation | undefined,
  deactivatedAt: string | null | undefined,
): void {
  useEffect(() => {
    if (!catalogueDoc || !cell || !counts || !typology) return;
    const entry = readCatalogueEntry(catalogueDoc, docId);
    if (!entry) return;
    if (
      entry.crisisTypology !== typology ||
      entry.crisisMobilised !== counts.mobilised ||
      entry.crisisActionsDone !== counts.actionsDone
    )
      upsertCatalogueEntry(catalogueDoc, docId, {
        crisisTypology: typology,
        crisisMobilised: counts.mobilised,
        crisisActionsDone: counts.actionsDone,
      });
  }, [catalogueDoc, cell, counts, typology, docId]);

  // The end too, so banners go on every device.
  useEffect(() => {
    if (!catalogueDoc || !deactivatedAt || !cell) return;
    const entry = readCatalogueEntry(catalogueDoc, docId);
    if (entry && entry.status !== 'terminee')
      upsertCatalogueEntry(catalogueDoc, docId, { status: 'terminee', updatedAt: deactivatedAt });
  }, [catalogueDoc, deactivatedAt, cell, docId]);
}
