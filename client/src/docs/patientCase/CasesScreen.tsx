// « Dossiers »: the patient cases whose care team I am on (open ones first), and starting a new one. Each is listed
// under its neutral reference: the patient shows only inside the case.
import { useMemo } from 'react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Layout } from '../../ui/Layout';
import { formatDate } from '../../i18n';
import { useWorkspace } from '../../workspace/WorkspaceContext';
import { useCatalogue } from '../catalogue/useCatalogue';
import { catalogueItemLink, catalogueStatusKey } from '../catalogue/catalogueItem';
import '../../workspace/shell/navStrings';

export default function CasesScreen({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const { role } = useWorkspace();
  const { items } = useCatalogue(workspaceId);
  const cases = useMemo(
    () =>
      items
        .filter((i) => i.kind === 'patientCase' && !i.deletedAt)
        .sort(
          (a, b) => Number(a.status === 'clos') - Number(b.status === 'clos') || b.updatedAt.localeCompare(a.updatedAt),
        ),
    [items],
  );
  return (
    <Layout>
      <div className="page stack">
        <div className="row">
          <h1>{t('cases.title')}</h1>
          <div className="spacer" />
          {role !== 'observer' ? (
            <Link to="/w/$workspaceId/dossiers/nouveau" params={{ workspaceId }} className="button primary">
              {t('care.newCase')}
            </Link>
          ) : null}
        </div>
        <p className="muted">{t('cases.who')}</p>
        {cases.length === 0 ? (
          <p className="empty">{role === 'observer' ? t('cases.emptyReader') : t('cases.empty')}</p>
        ) : null}
        <ul className="list" aria-label={t('cases.title')}>
          {cases.map((item) => (
            <li key={item.docId}>
              <Link {...catalogueItemLink(workspaceId, item)} className="list-title">
                {item.title}
              </Link>
              <span className={`badge status-${item.status}`}>{t(catalogueStatusKey(item))}</span>
              <span className="muted">{t('catalogue.updated', { date: formatDate(item.updatedAt) })}</span>
            </li>
          ))}
        </ul>
      </div>
    </Layout>
  );
}
