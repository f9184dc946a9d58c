// Every device learns a crisis is active from the catalogue, which the open workspace keeps synced: the activation's
// entry says its typology and its status (`active`, then `terminee`), so nothing has to be opened to show the banner.
import type { CatalogueItem } from '../catalogue/schema';
import type { CrisisTypology } from '../crisisPlan/typologies';

export const CRISIS_STATUSES = ['active', 'terminee'] as const;
export type CrisisStatus = (typeof CRISIS_STATUSES)[number];

export interface ActiveCrisis {
  docId: string;
  typology: CrisisTypology;
  createdAt: string;
}

/** Active activations, the latest first (two made offline at once both show until one is ended). */
export function activeCrises(items: readonly CatalogueItem[]): ActiveCrisis[] {
  return items
    .filter((i) => i.kind === 'crisisActivation' && i.status === 'active' && !i.deletedAt && i.crisisTypology)
    .map((i) => ({ docId: i.docId, typology: i.crisisTypology!, createdAt: i.createdAt }))
    .sort((a, b) => (a.createdAt > b.createdAt ? -1 : a.createdAt < b.createdAt ? 1 : a.docId < b.docId ? -1 : 1));
}
