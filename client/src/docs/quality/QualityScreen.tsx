// « Qualité »: the dashboard of a chosen year for coordinators and quality référents — events from the anonymised
// register, concertations, protocols — and the ACI indicators. Others are told it is not for them (and the shell does
// not offer it to them).
import { useMemo, useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { parisToday } from '@maillage/shared';
import { Layout } from '../../ui/Layout';
import { useWorkspace } from '../../workspace/WorkspaceContext';
import { useCatalogue } from '../catalogue/useCatalogue';
import { useRegister } from '../adverseEvent/useRegister';
import { useQualityReferents } from '../adverseEvent/useQualityReferents';
import { useNeedsMe } from '../../workspace/home/NeedsMeContext';
import { AciPanel } from './AciPanel';
import { KeyFigures } from './KeyFigures';
import { reportTables, type ReportTable, type TableId } from './reportTables';
import { TableFigure } from './TableFigure';
import { useMayReadQuality } from './useMayReadQuality';
import { useQualityData } from './useQualityData';
import '../adverseEvent/adverseStrings';
import './qualityStrings';
import './quality.css';

export default function QualityScreen({ workspaceId }: { workspaceId: string }) {
  const { t, i18n } = useTranslation();
  const { role, memberId } = useWorkspace();
  const allowed = useMayReadQuality();
  const isReferent = useQualityReferents().includes(memberId);
  const { eigs } = useNeedsMe();
  const catalogue = useCatalogue(workspaceId);
  const register = useRegister();
  const thisYear = Number(parisToday().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const data = useQualityData(workspaceId, year);
  // Built once per change of the figures, not on every render of the screen (the shell's context changes often).
  const tables = useMemo(
    () => (data ? reportTables(data.dashboard, data.annex, data.progress, t, i18n.language) : []),
    [data, t, i18n.language],
  );

  if (!allowed)
    return (
      <Layout title={catalogue.name ?? undefined}>
        <div className="page stack">
          <h1>{t('quality.title')}</h1>
          <p role="note">{t('quality.notForYou')}</p>
        </div>
      </Layout>
    );

  // This year, the four before, and any year an event or a meeting happened in; latest first.
  const years = [
    ...new Set([
      ...Array.from({ length: 5 }, (_, i) => thisYear - i),
      ...register.map((r) => Number(r.day.slice(0, 4))),
      ...catalogue.items.flatMap((i) => (i.meetingDate ? [Number(i.meetingDate.slice(0, 4))] : [])),
    ]),
  ].sort((a, b) => b - a);
  const table = (id: TableId) => tables.find((x) => x.id === id) as ReportTable;

  return (
    <Layout title={catalogue.name ?? undefined}>
      <div className="page stack quality">
        <h1>{t('quality.title')}</h1>
        <p className="muted">{t('quality.intro')}</p>
        <div className="row wrap quality-controls">
          <div className="field compact">
            <label htmlFor="quality-year">{t('quality.year')}</label>
            <select id="quality-year" value={year} onChange={(e) => setYear(Number(e.target.value))}>
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </div>
          <Link
            to="/w/$workspaceId/qualite/rapport"
            params={{ workspaceId }}
            search={{ annee: year }}
            className="button"
          >
            {t('quality.report')}
          </Link>
        </div>
        {!data ? (
          <p role="status">{t('quality.computing')}</p>
        ) : (
          <>
            <KeyFigures dashboard={data.dashboard} eigsDeadlines={isReferent ? eigs.length : null} />
            <section className="stack" aria-labelledby="quality-events">
              <h2 id="quality-events">{t('quality.events.heading')}</h2>
              <div className="quality-grid">
                <TableFigure table={table('months')} year={year} chart="columns" />
                <TableFigure table={table('nature')} year={year} chart="rows" />
                <TableFigure table={table('categories')} year={year} chart="rows" />
                <TableFigure table={table('severity')} year={year} chart="rows" />
              </div>
            </section>
            <section className="stack" aria-labelledby="quality-concertations">
              <h2 id="quality-concertations">{t('quality.concertations.heading')}</h2>
              {data.dashboard.concertations.heldNotOnDevice > 0 ? (
                <p role="note">
                  {t('quality.concertations.notOnDeviceNote', {
                    count: data.dashboard.concertations.heldNotOnDevice,
                  })}
                </p>
              ) : null}
              <TableFigure table={table('professions')} year={year} chart="rows" />
            </section>
            <TableFigure table={table('summary')} year={year} level={2} />
            <AciPanel data={data} year={year} coordinator={role === 'coordinator'} />
            {data.annex ? <TableFigure table={table('aci')} year={year} /> : null}
          </>
        )}
      </div>
    </Layout>
  );
}
