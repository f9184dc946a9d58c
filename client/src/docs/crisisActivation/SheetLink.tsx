// The typology's actions sheet of the plan in force (its one-page checklist), from the banner and the crisis screen:
// what to do is one tap away wherever the member is. Nothing while the workspace has no plan.
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { CrisisTypology } from '@maillage/shared';
import { useCatalogue } from '../catalogue/useCatalogue';
import { planInForce } from './usePlanForCrisis';

export function SheetLink({ workspaceId, typology }: { workspaceId: string; typology: CrisisTypology }) {
  const { t } = useTranslation();
  const { items } = useCatalogue(workspaceId);
  const plan = planInForce(items);
  if (!plan) return null;
  return (
    <Link
      to="/w/$workspaceId/plan-de-crise/$docId/impression"
      params={{ workspaceId, docId: plan.docId }}
      search={{ fiche: typology }}
    >
      {t('crisis.banner.sheet')}
    </Link>
  );
}
