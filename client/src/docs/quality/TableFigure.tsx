// One table of the dashboard: its bar chart when it has one (for the eye; hidden from screen readers), the table
// itself (for screen readers, and for everyone when there is no chart) and its CSV download.
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Download } from 'lucide-react';
import { downloadFile } from '../../ui/download';
import { toCsv } from '../../ui/csv';
import type { ReportTable } from './reportTables';
import { ReportTableRows } from './ReportTableRows';

const BarChartView = lazy(() => import('./BarChartView'));

export function tableCsv(table: ReportTable): string {
  return toCsv([table.headers, ...table.rows]);
}

export function TableFigure({
  table,
  year,
  chart,
  level = 3,
}: {
  table: ReportTable;
  year: number;
  chart?: 'columns' | 'rows';
  /** A table standing for a whole part of the screen (the summary) heads it. */
  level?: 2 | 3;
}) {
  const Heading = level === 2 ? 'h2' : 'h3';
  const { t } = useTranslation();
  const titleId = `quality-${table.id}`;
  return (
    <section className="card stack quality-figure" aria-labelledby={titleId}>
      <Heading id={titleId}>{table.title}</Heading>
      {table.rows.length === 0 ? <p className="empty">{t('quality.noData')}</p> : null}
      {chart && table.bars && table.rows.length > 0 ? (
        <div className="quality-chart" aria-hidden="true" data-testid={`chart-${table.id}`}>
          <Suspense fallback={null}>
            <BarChartView bars={table.bars} layout={chart} />
          </Suspense>
        </div>
      ) : null}
      {/* A frame that may scroll on a phone takes the focus, so a keyboard can scroll it too. */}
      <div
        className={chart ? 'visually-hidden' : 'table-frame'}
        {...(chart ? {} : { tabIndex: 0, role: 'region', 'aria-label': table.title })}
      >
        <table className="quality-table">
          <caption className="visually-hidden">
            {chart ? `${table.title} — ${t('quality.chartData')}` : table.title}
          </caption>
          <ReportTableRows table={table} />
        </table>
      </div>
      <div className="row no-print">
        <button
          type="button"
          className="ghost small"
          onClick={() => downloadFile(`qualite-${year}-${table.id}.csv`, 'text/csv;charset=utf-8', tableCsv(table))}
        >
          <Download aria-hidden="true" size={16} /> {t('quality.csv')}
          <span className="visually-hidden"> — {table.title}</span>
        </button>
      </div>
    </section>
  );
}
