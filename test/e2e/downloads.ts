// What a user downloads, read as they would open it: the file's name and text, and a CSV's rows as a spreadsheet reads
// them (RFC 4180, « ; » between cells, a byte-order mark first).
import type { Download, Page } from '@playwright/test';

export { parseCsv } from '../../client/src/testing/parseCsv';

/** Clicks what downloads a file and reads it whole (the browser context deletes it when it closes). */
export async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [download]: [Download, void] = await Promise.all([page.waitForEvent('download'), click()]);
  const chunks = await (await download.createReadStream()).toArray();
  return { name: download.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
}
