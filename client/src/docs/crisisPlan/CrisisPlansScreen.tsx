// « Plan de crise »: the workspace's crisis plans (usually one, plus archived ones; sortable once there are several)
// and creating one from the national template. Coordinators and members write; observers read.
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { CRISIS_PLAN_STATUSES } from '@maillage/shared';
import { Layout } from '../../ui/Layout';
import { Field } from '../../ui/Field';
import { FilterSelect } from '../../ui/FilterSelect';
import { useWorkspace } from '../../workspace/WorkspaceContext';
import { useCatalogue } from '../catalogue/useCatalogue';
import { formatDate } from '../../i18n';
import { addScreenStrings } from '../../i18n/screenStrings';
import { frCrisisPlanStatus } from '../../i18n/fr/crisisPlanStatus';
import { byStatusOrder, byTitle, newestFirst, type ItemSorter } from '../catalogue/itemSorters';
import { newCrisisPlan } from './newCrisisPlan';
import './crisisPlanStrings';
import './crisisPlan.css';

addScreenStrings(frCrisisPlanStatus);
type PlanSort = 'newest' | 'title' | 'status';
const PLAN_SORTERS: Record<PlanSort, ItemSorter> = {
  newest: newestFirst,
  title: byTitle,
  status: byStatusOrder(CRISIS_PLAN_STATUSES),
};

export default function CrisisPlansScreen({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const workspace = useWorkspace();
  const catalogue = useCatalogue(workspaceId);
  const [creating, setCreating] = useState(false);
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sort, setSort] = useState<PlanSort>('newest');
  const canWrite = workspace.role !== 'observer';
  const plans = catalogue.items.filter((i) => i.kind === 'crisisPlan' && !i.deletedAt).sort(PLAN_SORTERS[sort]);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    if (!catalogue.opened) return;
    const result = await newCrisisPlan(workspaceId, catalogue.opened.doc, title, workspace.memberId);
    if (!result.ok) return setError(result.errors[0]?.message ?? 'errors.invalid');
    await navigate({ to: '/w/$workspaceId/plan-de-crise/$docId', params: { workspaceId, docId: result.value } });
  };

  return (
    <Layout title={catalogue.name ?? undefined}>
      <div className="page stack crisis-plans">
        <h1>{t('crisisPlan.title')}</h1>
        <p className="muted">{t('crisisPlan.intro')}</p>
        <section className="card stack" aria-labelledby="crisis-live-title">
          <h2 id="crisis-live-title">{t('crisisPlan.liveTitle')}</h2>
          <p className="muted">{t('crisisPlan.liveIntro')}</p>
          <div>
            <Link to="/w/$workspaceId/crise" params={{ workspaceId }} className="button">
              {t('crisisPlan.liveLink')}
            </Link>
          </div>
        </section>
        {!canWrite ? <p role="note">{t('crisisPlan.readOnly')}</p> : null}
        {canWrite && !creating ? (
          <div className="row">
            <button
              type="button"
              className="primary"
              disabled={!catalogue.opened}
              onClick={() => {
                setTitle(t('crisisPlan.defaultTitle'));
                setError(null);
                setCreating(true);
              }}
            >
              {t('crisisPlan.create')}
            </button>
          </div>
        ) : null}
        {creating ? (
          <form className="card stack" onSubmit={create} noValidate aria-label={t('crisisPlan.create')}>
            <Field id="plan-new-title" label={t('crisisPlan.newTitle')} error={error ? t(error) : undefined}>
              <input
                id="plan-new-title"
                value={title}
                autoFocus
                onChange={(e) => {
                  setTitle(e.target.value);
                  setError(null);
                }}
              />
            </Field>
            <div className="row">
              <button type="submit" className="primary">
                {t('crisisPlan.createConfirm')}
              </button>
              <button type="button" className="ghost" onClick={() => setCreating(false)}>
                {t('crisisPlan.cancel')}
              </button>
            </div>
          </form>
        ) : null}
        {plans.length > 1 ? (
          <div className="row filters">
            <FilterSelect
              id="plans-sort"
              label={t('crisisPlanList.sortBy')}
              value={sort}
              choices={(Object.keys(PLAN_SORTERS) as PlanSort[]).map((key) => ({
                value: key,
                label: t(`crisisPlanList.sort.${key}`),
              }))}
              onChange={setSort}
            />
          </div>
        ) : null}
        {plans.length === 0 ? (
          <p className="empty">{t('crisisPlan.none')}</p>
        ) : (
          <ul className="list" aria-label={t('crisisPlan.title')}>
            {plans.map((plan) => (
              <li key={plan.docId}>
                <Link
                  className="list-title"
                  to="/w/$workspaceId/plan-de-crise/$docId"
                  params={{ workspaceId, docId: plan.docId }}
                >
                  {plan.title}
                </Link>
                <span className="badge">{t(`crisisPlanStatuses.${plan.status}`, { defaultValue: plan.status })}</span>
                <span className="muted">{formatDate(plan.updatedAt, false)}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </Layout>
  );
}
