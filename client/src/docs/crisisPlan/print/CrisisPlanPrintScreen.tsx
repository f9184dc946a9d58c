// The plan to read and print (PDF through the browser's print): the whole plan, one typology sheet as a one-page
// checklist (?fiche=), or a yearly update's comparison with the year before (?maj=).
import '../../protocol/protocol.css';
import '../../protocol/protocolStrings';
import '../crisisPlan.css';
import '../crisisPlanStrings';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { CRISIS_TYPOLOGIES, listYearlyUpdates, readCrisisPlanHeader, type CrisisTypology } from '@maillage/shared';
import { formatDate } from '../../../i18n';
import { Layout } from '../../../ui/Layout';
import { useDocRevision } from '../../../sync/useDocRevision';
import { useCatalogue } from '../../catalogue/useCatalogue';
import { useDirectory } from '../../directory/DirectoryContext';
import { DiffView } from '../../protocol/versions/DiffView';
import { useCrisisPlanDoc } from '../useCrisisPlanDoc';
import { compareUpdate } from '../updateComparison';
import { usePlanWords } from '../usePlanWords';
import { dayLabel } from '../days';
import { PrintPlan } from './PrintPlan';
import { PrintSheet } from './PrintSheet';

export default function CrisisPlanPrintScreen({
  workspaceId,
  docId,
  fiche,
  maj,
}: {
  workspaceId: string;
  docId: string;
  fiche?: string;
  maj?: string;
}) {
  const { t } = useTranslation();
  const { opened, ready } = useCrisisPlanDoc(workspaceId, docId);
  const catalogue = useCatalogue(workspaceId);
  const { members } = useDirectory();
  const words = usePlanWords();
  useDocRevision(opened?.doc ?? null);
  const doc = opened && ready === 'ready' ? opened.doc : null;
  const typology = CRISIS_TYPOLOGIES.find((ty) => ty === fiche) as CrisisTypology | undefined;
  const update = doc && maj ? listYearlyUpdates(doc).find((u) => u.versionId === maj) : undefined;
  const comparison = doc && update ? compareUpdate(doc, update, words) : null;
  const unknown = doc && ((fiche && !typology) || (maj && !comparison));
  const header = doc ? readCrisisPlanHeader(doc) : null;

  return (
    <Layout title={catalogue.name ?? undefined}>
      <div className="page stack reading plan-reading">
        <div className="row no-print">
          <Link to="/w/$workspaceId/plan-de-crise/$docId" params={{ workspaceId, docId }}>
            ← {t('crisisPlan.printView.back')}
          </Link>
          <div className="spacer" />
          <button type="button" className="primary" onClick={() => window.print()} disabled={!doc || Boolean(unknown)}>
            {t('crisisPlan.printView.print')}
          </button>
        </div>
        {!doc ? (
          <p className="empty" role="status">
            {t('crisisPlan.loading')}
          </p>
        ) : null}
        {unknown ? (
          <p className="error" role="alert">
            {t('crisisPlan.printView.unknown')}
          </p>
        ) : null}
        {doc && !unknown && typology ? (
          <article className="print-sheet one-page">
            <p className="muted small">
              {t('crisisPlan.printView.sheetOf', {
                title: header?.title,
                status: header ? t(`crisisPlanStatuses.${header.status}`) : '',
                version: header?.version,
                date: formatDate(new Date().toISOString(), false),
              })}
            </p>
            <PrintSheet doc={doc} typology={typology} headingLevel={1} />
          </article>
        ) : null}
        {doc && !unknown && update && comparison ? (
          <article className="print-sheet">
            <h1>{header?.title}</h1>
            <p>{t('crisisPlan.printView.updateOf', { date: dayLabel(update.date), summary: update.summary })}</p>
            <p className="muted">
              {comparison.fromName
                ? t('crisisPlan.updates.comparedWith', { name: comparison.fromName })
                : t('crisisPlan.updates.nothingBefore')}
            </p>
            <DiffView
              title={t('crisisPlan.updates.diffTitle', { from: comparison.fromName ?? '—', to: comparison.toName })}
              changes={comparison.changes}
            />
          </article>
        ) : null}
        {doc && !unknown && !fiche && !maj ? <PrintPlan doc={doc} members={members} /> : null}
      </div>
    </Layout>
  );
}
