// CSV for French spreadsheets: « ; » between cells, CRLF, and a BOM so Excel reads the accents right.

/**
 * A cell a spreadsheet would run as a formula (« =HYPERLINK(…) » typed by a colleague, or plain « +48 h ») is made
 * text by a leading apostrophe, which spreadsheets do not display (OWASP « CSV injection »).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[";\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(rows: readonly (readonly string[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(';')).join('\r\n')}\r\n`;
}
