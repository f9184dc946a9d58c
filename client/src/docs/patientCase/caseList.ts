// The « Dossiers » list: the cases from the catalogue, narrowed by status and by a search of what this device holds of
// them (searchTexts.ts), then sorted. Open cases come first unless a search ranks them.
import type { CatalogueItem } from '@maillage/shared';
import type { SearchHit } from '../catalogue/fullText';

export type CaseSort = 'relevance' | 'updated' | 'reference';
export const CASE_SORTS: readonly CaseSort[] = ['relevance', 'updated', 'reference'];
export type CaseStatusFilter = 'all' | 'en_cours' | 'clos';
export const CASE_STATUS_FILTERS: readonly CaseStatusFilter[] = ['all', 'en_cours', 'clos'];

const openFirst = (a: CatalogueItem, b: CatalogueItem) => Number(a.status === 'clos') - Number(b.status === 'clos');
const SORTERS: Record<Exclude<CaseSort, 'relevance'>, (a: CatalogueItem, b: CatalogueItem) => number> = {
  updated: (a, b) => openFirst(a, b) || b.updatedAt.localeCompare(a.updatedAt),
  reference: (a, b) => a.title.localeCompare(b.title, 'fr'),
};

/** `hits`: the search's hits by document, null when nothing is searched (then relevance falls back to `updated`). */
export function caseList(
  items: readonly CatalogueItem[],
  hits: ReadonlyMap<string, SearchHit> | null,
  status: CaseStatusFilter,
  sort: CaseSort,
): CatalogueItem[] {
  const shown = items.filter(
    (i) =>
      i.kind === 'patientCase' &&
      !i.deletedAt &&
      (status === 'all' || i.status === status) &&
      (!hits || hits.has(i.docId)),
  );
  if (sort === 'relevance' && hits) return shown.sort((a, b) => hits.get(b.docId)!.score - hits.get(a.docId)!.score);
  return shown.sort(SORTERS[sort === 'relevance' ? 'updated' : sort]);
}
