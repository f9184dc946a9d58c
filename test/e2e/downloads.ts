// What a user downloads, read as they would open it: the file's name and text, and a CSV's rows as a spreadsheet reads
// them (RFC 4180, « ; » between cells, a byte-order mark first).
import type { Download, Page } from '@playwright/test';

/** Clicks what downloads a file and reads it whole (the browser context deletes it when it closes). */
export async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [download]: [Download, void] = await Promise.all([page.waitForEvent('download'), click()]);
  const chunks = await (await download.createReadStream()).toArray();
  return { name: download.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
}

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
