// A report table's header and rows: each row headed by its first cell, for screen readers as for the printed page.
import type { ReportTable } from './reportTables';

export function ReportTableRows({ table }: { table: ReportTable }) {
  return (
    <>
      <thead>
        <tr>
          {table.headers.map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row, i) => (
          <tr key={i}>
            {row.map((cell, j) =>
              j === 0 ? (
                <th key={j} scope="row">
                  {cell}
                </th>
              ) : (
                <td key={j}>{cell}</td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </>
  );
}
