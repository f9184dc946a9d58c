// Steps of the access specs: what a removal in « Accès » asks, and what a device whose access was removed shows.
import type { Page } from '@playwright/test';
import { expect } from './fixtures';
import { body, sectionsNav } from './steps';

/** The second step of a removal in « Accès »: a dialog says what will happen, « Annuler » has the focus; confirmed. */
export async function confirmRemoval(page: Page, says: string | RegExp): Promise<void> {
  const confirmation = page.getByRole('alertdialog').filter({ hasText: says });
  await expect(confirmation.getByRole('button', { name: 'Annuler' })).toBeFocused();
  await confirmation.getByRole('button', { name: 'Oui, retirer' }).click();
  await expect(confirmation).toHaveCount(0);
}

/** What a revoked device shows: why, full screen; nothing of the workspace is open, nothing can be written. */
export async function expectRevoked(page: Page): Promise<void> {
  const screen = page.getByRole('alert').filter({ hasText: 'Votre accès à cet espace a été retiré' });
  await expect(screen.getByRole('heading', { level: 1 })).toBeFocused();
  await expect(screen).toContainText('Vous ne pouvez plus ouvrir, créer ni modifier de document de cet espace.');
  // The workspace named with its article: « …de cet appareil à l'espace « CPTS … » », not « de CPTS … ».
  await expect(screen).toContainText(/a retiré l’accès de cet appareil à (l’espace\s«\s.+\s»|cet espace)\./);
  await expect(sectionsNav(page)).toHaveCount(0);
  await expect(body(page)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Nouveau protocole' })).toHaveCount(0);
}
