// « Événements indésirables »: report one, follow one's own reports, the anonymised register every member reads,
// the reports a référent received (an EIGS's volet 2 deadline, red once passed), the quality plan, the REX notes, and
// who the référents are.
import { useMemo, useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { REPORT_STATUSES, type ReportStatus } from '@maillage/shared';
import { Layout } from '../../ui/Layout';
import { FilterSelect } from '../../ui/FilterSelect';
import { useWorkspace } from '../../workspace/WorkspaceContext';
import { useCatalogue } from '../catalogue/useCatalogue';
import { useGroups } from '../groups/GroupsContext';
import { LegacyAnalysisMover } from './LegacyAnalysisMover';
import { QualityPlanSection } from './QualityPlanSection';
import { RegisterTable } from './RegisterTable';
import { RexNotesSection } from './RexNotesSection';
import { ReferentsPanel } from './ReferentsPanel';
import { useQualityReferents } from './useQualityReferents';
import { useQualityPlan } from './useQualityPlan';
import { useRegister } from './useRegister';
import { useRexNotes } from './useRexNotes';
import { useReportsOnDevice } from './useReportsOnDevice';
import { ReportList } from './ReportList';
import { REPORT_SORTS, sortReports, type ReportSort } from './reportOrder';
import './adverseStrings';
import './adverseEvent.css';

export default function AdverseEventsScreen({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const { memberId } = useWorkspace();
  const catalogue = useCatalogue(workspaceId);
  const referents = useQualityReferents();
  const isReferent = referents.includes(memberId);
  const reports = useReportsOnDevice(workspaceId, isReferent);
  const register = useRegister();
  const { governance } = useGroups();
  const plan = useQualityPlan();
  const notes = useRexNotes();
  const mine = (reports ?? []).filter((r) => r.mine);
  const received = (reports ?? []).filter((r) => !r.mine || r.mine.sent);
  // A référent with a year of reports looks at those still to qualify or analyse, not at every closed one.
  const [receivedStatus, setReceivedStatus] = useState<ReportStatus | ''>('');
  const [receivedSort, setReceivedSort] = useState<ReportSort>('recent');
  const [mineSort, setMineSort] = useState<ReportSort>('recent');
  const receivedShown = sortReports(
    receivedStatus ? received.filter((r) => r.report.status === receivedStatus) : received,
    receivedSort,
  );
  const sortChoices = REPORT_SORTS.map((s) => ({ value: s, label: t(`adverse.listSorts.${s}`) }));
  const legacy = isReferent ? received.filter((r) => r.legacyAnalysis).map((r) => r.docId) : [];
  // The same set while the notes name the same reports: the register is not drawn again for nothing.
  const lessonIds = notes.map((n) => n.reportId).join(' ');
  const withLesson = useMemo(() => new Set(lessonIds ? lessonIds.split(' ') : []), [lessonIds]);

  return (
    <Layout title={catalogue.name ?? undefined}>
      <div className="page stack adverse-events">
        <h1>{t('adverse.title')}</h1>
        {legacy.length > 0 ? <LegacyAnalysisMover workspaceId={workspaceId} reportIds={legacy} /> : null}
        <p className="muted">{t('adverse.intro')}</p>
        <div className="row">
          <Link to="/w/$workspaceId/evenements/signaler" params={{ workspaceId }} className="button primary">
            {t('adverse.report')}
          </Link>
        </div>
        {mine.some((r) => !r.mine?.sent) && referents.length === 0 ? (
          <p role="note">{t('adverse.noReferent')}</p>
        ) : null}
        <section className="stack" aria-labelledby="adverse-mine">
          <h2 id="adverse-mine">{t('adverse.mine')}</h2>
          {mine.length > 1 ? (
            <div className="row filters">
              <FilterSelect
                id="mine-sort"
                label={t('adverse.listSortBy')}
                value={mineSort}
                choices={sortChoices}
                onChange={setMineSort}
              />
            </div>
          ) : null}
          <ReportList
            workspaceId={workspaceId}
            id="adverse-mine"
            label={t('adverse.mine')}
            items={sortReports(mine, mineSort)}
            empty={t('adverse.mineEmpty')}
            showSending
          />
        </section>
        {isReferent ? (
          <section className="stack" aria-labelledby="adverse-received">
            <h2 id="adverse-received">{t('adverse.toAnalyse')}</h2>
            {received.length > 0 ? (
              <div className="row filters">
                <FilterSelect
                  id="received-status"
                  label={t('adverse.columns.status')}
                  value={receivedStatus}
                  choices={[
                    { value: '', label: t('adverse.registerView.allStatuses') },
                    ...REPORT_STATUSES.map((s) => ({ value: s, label: t(`adverse.statuses.${s}`) })),
                  ]}
                  onChange={setReceivedStatus}
                />
                <FilterSelect
                  id="received-sort"
                  label={t('adverse.listSortBy')}
                  value={receivedSort}
                  choices={sortChoices}
                  onChange={setReceivedSort}
                />
              </div>
            ) : null}
            <ReportList
              workspaceId={workspaceId}
              id="adverse-received"
              label={t('adverse.toAnalyse')}
              items={receivedShown}
              empty={t(received.length > 0 ? 'adverse.toAnalyseNoMatch' : 'adverse.toAnalyseEmpty')}
              showSending={false}
            />
          </section>
        ) : null}
        <section className="stack" aria-labelledby="adverse-register">
          <h2 id="adverse-register">{t('adverse.register')}</h2>
          <p className="muted">{t('adverse.registerIntro')}</p>
          {/* Nothing rather than « no event yet » while the workspace's register is still being opened. */}
          {governance ? <RegisterTable rows={register} withLesson={withLesson} /> : null}
        </section>
        <QualityPlanSection plan={plan} register={register} me={memberId} referents={new Set(referents)} />
        <RexNotesSection notes={notes} />
        <ReferentsPanel referents={referents} />
      </div>
    </Layout>
  );
}
