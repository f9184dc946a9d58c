// The annual ACI report's print view: the dashboard's tables for the year, nothing else; « Imprimer » gives the
// browser's print dialog, where « Enregistrer en PDF » makes the file sent to the CPAM and the ARS.
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Printer } from 'lucide-react';
import { parisToday } from '@maillage/shared';
import { Layout } from '../../ui/Layout';
import { formatDate } from '../../i18n';
import { useCatalogue } from '../catalogue/useCatalogue';
import { AciReportBody } from './AciReportBody';
import { useMayReadQuality } from './useMayReadQuality';
import { reportTables } from './reportTables';
import { useQualityData } from './useQualityData';
import '../adverseEvent/adverseStrings';
import './qualityStrings';
import './quality.css';

export default function AciReportScreen({ workspaceId, year }: { workspaceId: string; year: number }) {
  const { t, i18n } = useTranslation();
  const allowed = useMayReadQuality();
  const catalogue = useCatalogue(workspaceId);
  const data = useQualityData(workspaceId, year);
  return (
    <Layout title={catalogue.name ?? undefined}>
      <div className="page stack">
        <div className="row wrap no-print">
          <Link to="/w/$workspaceId/qualite" params={{ workspaceId }}>
            {t('quality.back')}
          </Link>
          {allowed && data ? (
            <button type="button" className="primary" onClick={() => window.print()}>
              <Printer aria-hidden="true" size={18} /> {t('quality.print.print')}
            </button>
          ) : null}
        </div>
        {!allowed ? (
          <>
            <h1>{t('quality.title')}</h1>
            <p role="note">{t('quality.notForYou')}</p>
          </>
        ) : data ? (
          <AciReportBody
            text={{
              title: t('quality.print.title', { year }),
              cpts: t('quality.print.cpts', { name: catalogue.name ?? '' }),
              madeOn: t('quality.print.madeOn', { date: formatDate(`${parisToday()}T12:00:00Z`, false) }),
              anonymous: t('quality.print.anonymous'),
              noData: t('quality.noData'),
            }}
            tables={reportTables(data.dashboard, data.annex, data.progress, t, i18n.language)}
          />
        ) : (
          <p role="status">{t('quality.computing')}</p>
        )}
      </div>
    </Layout>
  );
}
