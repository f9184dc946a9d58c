// « Crise »: the crisis under way (if any), activating the plan (coordinators, and the référents SSE the plan names),
// and past activations, all read from the catalogue.
import { useMemo } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { activeCrises, mayActivate, type ActivationInput, type CatalogueItem } from '@maillage/shared';
import { Layout } from '../../ui/Layout';
import { useWorkspace } from '../../workspace/WorkspaceContext';
import { useCatalogue } from '../catalogue/useCatalogue';
import { formatDate } from '../../i18n';
import { ActivateForm } from './ActivateForm';
import { newActivation } from './newActivation';
import { crisisActor } from './crisisActor';
import { usePlanForCrisis } from './usePlanForCrisis';
import './crisisStrings';
import './crisis.css';

export default function CrisisScreen({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const workspace = useWorkspace();
  const catalogue = useCatalogue(workspaceId);
  const plan = usePlanForCrisis(workspaceId, catalogue.items, null, null);
  const actor = useMemo(() => crisisActor(workspace, plan.referents), [workspace, plan.referents]);
  const active = useMemo(() => activeCrises(catalogue.items), [catalogue.items]);
  const past = catalogue.items
    .filter((i) => i.kind === 'crisisActivation' && i.status !== 'active' && !i.deletedAt)
    .sort((a, b) => (a.createdAt > b.createdAt ? -1 : 1));

  const activate = async (input: ActivationInput) => {
    if (!catalogue.opened) return [{ field: 'form', message: 'errors.invalid' }];
    const result = await newActivation(workspaceId, catalogue.opened.doc, input, actor, (a) =>
      t(a.exercise ? 'crisis.exercise.catalogueTitle' : 'crisis.catalogueTitle', {
        typology: t(`crisis.typologies.${a.typology}`),
        date: formatDate(a.activatedAt, false),
      }),
    );
    if (!result.ok) return result.errors;
    await navigate({ to: '/w/$workspaceId/crise/$docId', params: { workspaceId, docId: result.value.docId } });
    return null;
  };

  const link = (item: Pick<CatalogueItem, 'docId' | 'title'>) => (
    <Link to="/w/$workspaceId/crise/$docId" params={{ workspaceId, docId: item.docId }} className="list-title">
      {item.title}
    </Link>
  );

  return (
    <Layout title={catalogue.name ?? undefined}>
      <div className="page stack crisis">
        <h1>{t('crisis.title')}</h1>
        <p className="muted">{t('crisis.intro')}</p>
        {active.length > 0 ? (
          <section className="stack" aria-labelledby="crisis-current">
            <h2 id="crisis-current">{t('crisis.current')}</h2>
            <ul className="list" aria-labelledby="crisis-current">
              {active.map((c) => {
                const item = catalogue.items.find((i) => i.docId === c.docId)!;
                return <li key={c.docId}>{link(item)}</li>;
              })}
            </ul>
          </section>
        ) : mayActivate(actor) ? (
          <ActivateForm onSubmit={activate} />
        ) : (
          <p role="note">{t('crisis.activate.notAllowed')}</p>
        )}
        <section className="stack" aria-labelledby="crisis-past">
          <h2 id="crisis-past">{t('crisis.past')}</h2>
          {past.length === 0 ? (
            <p className="empty">{t('crisis.none')}</p>
          ) : (
            <ul className="list" aria-labelledby="crisis-past">
              {past.map((item) => (
                <li key={item.docId}>
                  {link(item)} <span className="badge">{t('crisis.statuses.terminee')}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </Layout>
  );
}
