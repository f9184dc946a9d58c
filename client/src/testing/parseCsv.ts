// A CSV's rows as a spreadsheet reads them (RFC 4180, « ; » between cells, a byte-order mark first): what the
// exports' unit tests and the end-to-end downloads check.

/** The rows of a CSV as a spreadsheet reads it: quoted cells may hold « ; », quotes and line breaks. */
export function parseCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const text = csv.replace(/^\uFEFF/, '');
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (!quoted && c === ';') {
      row.push(cell);
      cell = '';
    } else if (!quoted && c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  // A last line without its line break still counts.
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}
