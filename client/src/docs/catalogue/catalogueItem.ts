// What depends on a catalogue item's kind — the screen it opens, how its status reads — decided here only.
import type { CatalogueItem } from '@maillage/shared';

type Linkable = Pick<CatalogueItem, 'kind' | 'docId'>;

/** The route of a catalogue item, for `<Link {...catalogueItemLink(…)}>`. */
export function catalogueItemLink(workspaceId: string, item: Linkable) {
  const params = { workspaceId, docId: item.docId };
  if (item.kind === 'patientCase') return { to: '/w/$workspaceId/dossiers/$docId', params } as const;
  if (item.kind === 'concertation') return { to: '/w/$workspaceId/concertations/$docId', params } as const;
  if (item.kind === 'crisisPlan') return { to: '/w/$workspaceId/plan-de-crise/$docId', params } as const;
  if (item.kind === 'crisisActivation') return { to: '/w/$workspaceId/crise/$docId', params } as const;
  return { to: '/w/$workspaceId/protocols/$docId', params } as const;
}

/** The i18n key of an item's status label. */
export function catalogueStatusKey(item: Pick<CatalogueItem, 'kind' | 'status'>): string {
  if (item.kind === 'patientCase') return `care.statuses.${item.status}`;
  if (item.kind === 'concertation') return `concertationStatuses.${item.status}`;
  if (item.kind === 'crisisPlan') return `crisisPlanStatuses.${item.status}`;
  if (item.kind === 'crisisActivation') return `crisisStatuses.${item.status}`;
  return `protocol.statuses.${item.status}`;
}
