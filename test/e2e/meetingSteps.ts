// Steps of the concertation specs: cancelling a meeting, a calendar file read line by line.
import { expect, type Locator, type Page } from '@playwright/test';
import { downloaded } from './downloads';

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

/** The series' calendar file from the meeting on screen. */
export const seriesIcs = (page: Page) =>
  downloaded(page, () => page.getByRole('button', { name: 'Ajouter la série à mon agenda' }).click());
