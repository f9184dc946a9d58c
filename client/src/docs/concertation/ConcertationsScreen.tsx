// « Concertations »: upcoming and past meetings from the catalogue (searched in full text, sorted) and planning a new
// one.
import { useCallback, useMemo, useState } from 'react';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { parisToday, type CatalogueItem, type NewConcertationInput } from '@maillage/shared';
import { Layout } from '../../ui/Layout';
import { useWorkspace } from '../../workspace/WorkspaceContext';
import { useDirectory } from '../directory/DirectoryContext';
import { useCatalogue } from '../catalogue/useCatalogue';
import { useFullText } from '../catalogue/useFullText';
import { catalogueStatusKey } from '../catalogue/catalogueItem';
import { MEETING_SORTS, meetingLists, type MeetingSort } from './concertationList';
import { MeetingListItem } from './MeetingListItem';
import { PlanConcertationForm, meetingTitle } from './PlanConcertationForm';
import { newConcertation } from './newConcertation';
import { AciCountsPanel } from './AciCountsPanel';
import '../patientCase/careStrings';
import './concertationStrings';
import './concertation.css';

export default function ConcertationsScreen({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const workspace = useWorkspace();
  const catalogue = useCatalogue(workspaceId);
  const { members, annuaireNow } = useDirectory();
  const [planning, setPlanning] = useState(false);
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<MeetingSort>('date');
  const meetings = useMemo(
    () => catalogue.items.filter((i) => i.kind === 'concertation' && !i.deletedAt),
    [catalogue.items],
  );
  const statusLabel = useCallback((item: CatalogueItem) => t(catalogueStatusKey(item)), [t]);
  const hits = useFullText(workspaceId, meetings, query, statusLabel);
  const lists = useMemo(() => meetingLists(meetings, parisToday(), hits, sort), [meetings, hits, sort]);
  const canWrite = workspace.role !== 'observer';

  const plan = async (input: NewConcertationInput) => {
    if (!catalogue.opened) return [{ field: 'form', message: 'errors.invalid' }];
    const result = await newConcertation(workspace, input, await annuaireNow(), (m) => meetingTitle(t, m));
    if (!result.ok) return result.errors;
    await navigate({
      to: '/w/$workspaceId/concertations/$docId',
      params: { workspaceId, docId: result.value.docId },
    });
    return null;
  };

  const list = (id: string, heading: string, items: CatalogueItem[]) => (
    <section className="stack" aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      {items.length === 0 ? (
        <p className="empty">{t('concertation.none')}</p>
      ) : (
        <ul className="list" aria-labelledby={id}>
          {items.map((item) => (
            <MeetingListItem key={item.docId} workspaceId={workspaceId} item={item} hit={hits?.get(item.docId)} />
          ))}
        </ul>
      )}
    </section>
  );

  return (
    <Layout title={catalogue.name ?? undefined}>
      <div className="page stack concertations">
        <h1>{t('concertation.title')}</h1>
        <p className="muted">{t('concertation.intro')}</p>
        {canWrite && !planning ? (
          <div className="row">
            <button type="button" className="primary" onClick={() => setPlanning(true)} disabled={!catalogue.opened}>
              {t('concertation.plan')}
            </button>
          </div>
        ) : null}
        {!canWrite ? <p role="note">{t('concertation.readOnly')}</p> : null}
        {planning ? (
          <PlanConcertationForm
            me={workspace.memberId}
            members={members}
            onSubmit={plan}
            onCancel={() => setPlanning(false)}
          />
        ) : null}
        <div className="row wrap" role="search">
          <div className="field grow">
            <label htmlFor="concertations-search">{t('concertation.search')}</label>
            <input id="concertations-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="concertations-sort">{t('concertation.sort')}</label>
            <select id="concertations-sort" value={sort} onChange={(e) => setSort(e.target.value as MeetingSort)}>
              {MEETING_SORTS.map((s) => (
                <option key={s} value={s}>
                  {t(`concertation.sorts.${s}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
        {list('concertations-upcoming', t('concertation.upcoming'), lists.upcoming)}
        {list('concertations-past', t('concertation.past'), lists.past)}
        <AciCountsPanel workspaceId={workspaceId} items={catalogue.items} />
      </div>
    </Layout>
  );
}
