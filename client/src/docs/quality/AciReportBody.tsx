// The annual ACI report as printed (or saved as PDF): the CPTS, the year, and every table of the dashboard. Props
// only, so a test renders it to text and reads it for anything that names a person or tells a report.
import type { ReportTable } from './reportTables';
import { ReportTableRows } from './ReportTableRows';

export interface AciReportText {
  title: string;
  cpts: string;
  madeOn: string;
  anonymous: string;
  /** Said in place of a table with no row, which printed as a header alone. */
  noData: string;
}

export function AciReportBody({ text, tables }: { text: AciReportText; tables: readonly ReportTable[] }) {
  return (
    <article className="aci-report stack">
      <header className="stack">
        <h1>{text.title}</h1>
        <p>{text.cpts}</p>
        <p className="muted">{text.madeOn}</p>
        <p className="muted">{text.anonymous}</p>
      </header>
      {tables.map((table) => (
        <section key={table.id} className="aci-report-table" aria-labelledby={`report-${table.id}`}>
          <h2 id={`report-${table.id}`}>{table.title}</h2>
          {table.rows.length === 0 ? (
            <p className="empty">{text.noData}</p>
          ) : (
            <div className="table-frame" tabIndex={0} role="region" aria-label={table.title}>
              <table className="quality-table">
                <ReportTableRows table={table} />
              </table>
            </div>
          )}
        </section>
      ))}
    </article>
  );
}
