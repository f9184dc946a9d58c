// Steps of the concertation specs: cancelling a meeting, a calendar file read line by line, a case's compte rendu
// printed alone, a fiche's decision reported and its action removed then brought back.
import { expect, type Locator, type Page } from '@playwright/test';
import { downloaded, parseCsv } from './downloads';

/** « Annuler la concertation », confirmed; `check` reads the confirmation first. */
export async function cancelMeeting(page: Page, check?: (dialog: Locator) => Promise<void>): Promise<void> {
  await page.getByRole('button', { name: 'Annuler la concertation' }).click();
  const dialog = page.getByRole('alertdialog', { name: /^Annuler la concertation du / });
  await check?.(dialog);
  await dialog.getByRole('button', { name: 'Annuler la concertation' }).click();
  await expect(page.getByTestId('concertation-status')).toContainText('Annulée');
}

/** A calendar file's lines, unfolded (RFC 5545 §3.1). */
export const icsLines = (text: string) => text.replace(/\r\n /g, '').trimEnd().split('\r\n');

/** The meeting's calendar invitation (jj/mm/aaaa): French, Europe/Paris with its rules, one UID, lines folded. */
export function expectMeetingIcs(ics: { name: string; text: string }, meetingId: string, day: string): void {
  const [dd, mm, yyyy] = day.split('/');
  expect(ics.name).toBe(`concertation-${yyyy}-${mm}-${dd}.ics`);
  const lines = icsLines(ics.text);
  expect(lines[0]).toBe('BEGIN:VCALENDAR');
  expect(lines.at(-1)).toBe('END:VCALENDAR');
  expect(lines).toContain('BEGIN:VTIMEZONE');
  expect(lines).toContain(`UID:${meetingId}@concertations.maillage`);
  expect(lines).toContain(`DTSTART;TZID=Europe/Paris:${yyyy}${mm}${dd}T123000`);
  expect(lines).toContain('SUMMARY;LANGUAGE=fr:Concertation · RCP patient');
  expect(lines).toContain('LOCATION;LANGUAGE=fr:Maison de santé\\, salle 2');
  for (const line of ics.text.trimEnd().split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
}

/** The series' calendar file from the meeting on screen. */
export const seriesIcs = (page: Page) =>
  downloaded(page, () => page.getByRole('button', { name: 'Ajouter la série à mon agenda' }).click());

/** The elements past the screen's right edge (the innermost ones), by tag, class and id: [] when nothing scrolls. */
export const widerThanScreen = (page: Page) =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll('body *'))
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
      .filter((el) => !Array.from(el.children).some((c) => c.getBoundingClientRect().right > window.innerWidth + 1))
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}#${el.id}`),
  );

/**
 * Runs `check` in print media with one case's compte rendu chosen for printing, as its « Imprimer » button does:
 * `cr` marks the item of the case's history to print (null: the meeting's fiche); the screen is put back after.
 */
export async function printingCaseCr(page: Page, cr: Locator | null, check: () => Promise<void>): Promise<void> {
  await page.evaluate(() => document.body.classList.add('print-case-cr'));
  await cr?.evaluate((el) => el.closest('li')?.classList.add('print-target'));
  await page.emulateMedia({ media: 'print' });
  await check();
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => document.body.classList.remove('print-case-cr'));
}

/** Chromium's PDF of the page, one A4 page long; its time logged under `label` (the issue's « CR PDF view »). */
export async function expectOnePagePdf(page: Page, label: string): Promise<void> {
  const started = performance.now();
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  console.log(`${label}: ${Math.round(performance.now() - started)} ms, ${pdf.byteLength} bytes`);
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length).toBe(1);
}

/** The first three blocks of `block` one under the other, in order: read top to bottom, not side by side. */
export async function expectStackedTopToBottom(block: Locator): Promise<void> {
  const tops = await block.evaluate((el) =>
    Array.from(el.children)
      .slice(0, 3)
      .map((c) => c.getBoundingClientRect().top),
  );
  expect(tops).toEqual([...tops].sort((a, b) => a - b));
  expect(new Set(tops).size).toBe(tops.length);
}

/** The minutes' two exports, read: the CSV's rows and the JSON's cases. */
export async function downloadMinutes(page: Page, minutes: Locator) {
  const csv = await downloaded(page, () => minutes.getByRole('button', { name: 'Exporter pour un tableur' }).click());
  const json = await downloaded(page, () =>
    minutes.getByRole('button', { name: 'Exporter pour un autre logiciel' }).click(),
  );
  const parsed = JSON.parse(json.text) as { cases: { criterionCode: string; decisionStatus: string }[] };
  return { rows: parseCsv(csv.text), cases: parsed.cases };
}

/** The patient's consent noted in a fiche: refused until attested (that refusal checked), then attested. */
export async function recordPatientConsent(fiche: Locator): Promise<Locator> {
  const consent = fiche.getByRole('region', { name: 'Accord du patient' });
  await consent.getByRole('button', { name: 'Noter l’accord du patient' }).click();
  await expect(consent.getByRole('alert')).toContainText('ne s’est pas opposé');
  await consent
    .getByRole('checkbox', { name: 'Le patient a été informé et ne s’est pas opposé à la concertation' })
    .check();
  await consent.getByRole('button', { name: 'Noter l’accord du patient' }).click();
  return consent;
}

/** « Reporter la décision dans le dossier », confirmed once the dialog has said that the fiche will be frozen. */
export async function reportDecision(fiche: Locator): Promise<void> {
  await fiche.getByRole('button', { name: 'Reporter la décision dans le dossier' }).click();
  const dialog = fiche.page().getByRole('alertdialog', { name: 'Reporter la décision dans le dossier ?' });
  await expect(dialog).toContainText('La fiche est alors figée');
  await dialog.getByRole('button', { name: 'Reporter la décision', exact: true }).click();
  await expect(dialog).toHaveCount(0);
}

/** A fiche's action removed, then brought back by the toast's « Annuler ». */
export async function removeRcpActionThenUndo(fiche: Locator, text: string): Promise<void> {
  const action = fiche.getByTestId('rcp-action').filter({ hasText: text });
  await fiche.getByRole('button', { name: `Retirer l’action : ${text}` }).click();
  await expect(action).toHaveCount(0);
  const toast = fiche.getByRole('status').filter({ hasText: `Action retirée : ${text}` });
  await toast.getByRole('button', { name: 'Annuler' }).click();
  await expect(action).toHaveCount(1);
}
