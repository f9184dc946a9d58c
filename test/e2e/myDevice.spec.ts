// « Mon appareil »: a member sees what their device holds and chooses how many months of closed files it keeps; a
// closed file older than that leaves the device after a confirmation, and comes back when they keep them all again.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { violations } from './axe';
import { createWorkspace, invite, joinWorkspace, newPatientCase, storedUpdates, overflow } from './steps';

const myDevice = (page: Page) => page.getByRole('link', { name: 'Mon appareil' });

test('a phone keeps only recent closed files, and gets them back when asked', async ({ newUser }) => {
  const alice = await newUser('Alice Martin', 'Médecin généraliste');
  const bruno = await newUser('Bruno Petit');
  const workspace = await createWorkspace(alice.page, 'CPTS Partout');
  await joinWorkspace(bruno.page, await invite(alice.page));

  const casePath = await newPatientCase(alice.page, ['Bruno Petit']);
  const caseId = casePath.split('/').at(-1)!;
  await alice.page.getByRole('button', { name: 'Clore le dossier' }).click();
  await alice.page.getByRole('alertdialog').getByRole('button', { name: 'Clore le dossier' }).click();
  await expect(alice.page.getByRole('button', { name: 'Rouvrir le dossier' })).toBeVisible();
  await expect.poll(() => storedUpdates(bruno.page, caseId), { timeout: 15_000 }).toBeGreaterThan(0);

  // Thirteen months later, on Bruno's phone: the file was closed over a year ago.
  await bruno.context.clock.install({ time: new Date(Date.now() + 396 * 24 * 3600 * 1000) });
  await bruno.page.setViewportSize({ width: 390, height: 844 });
  await bruno.page.goto(`${workspace}/appareil`);
  const page = bruno.page;
  await expect(page.getByRole('heading', { name: 'Mon appareil', level: 1 })).toBeVisible();
  await expect(page.getByText(/Les \d+ documents que vous pouvez lire sont sur cet appareil\./)).toBeVisible({
    timeout: 15_000,
  });
  await expect(page.getByText(/utilisés, sur .* que le navigateur accorde à Maillage/)).toBeVisible();
  expect(await overflow(page)).toBe(0);
  expect(await violations(page, null)).toEqual([]);

  const keep = page.getByLabel('Dossiers clos à garder sur cet appareil');
  await keep.selectOption({ label: 'Ceux modifiés dans les 12 derniers mois' });
  const dialog = page.getByRole('alertdialog', { name: 'Retirer des dossiers clos de cet appareil ?' });
  await expect(dialog).toContainText('Un dossier clos quittera cet appareil.');
  // Cancelled: nothing changes.
  await dialog.getByRole('button', { name: 'Annuler' }).click();
  await expect(keep).toHaveValue('all');
  expect(await storedUpdates(page, caseId)).toBeGreaterThan(0);

  await keep.selectOption({ label: 'Ceux modifiés dans les 12 derniers mois' });
  await dialog.getByRole('button', { name: 'Retirer de cet appareil' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Réglage enregistré.' })).toBeVisible();
  await expect(page.getByText('Un dossier clos plus ancien n’est pas gardé sur cet appareil.')).toBeVisible();
  await expect.poll(() => storedUpdates(page, caseId), { timeout: 15_000 }).toBe(0);

  // The setting is this device's: it holds after a reload.
  await page.reload();
  await expect(keep).toHaveValue('12');

  // Keeping them all again brings the file back, without asking.
  await keep.selectOption({ label: 'Tous' });
  await expect(page.getByRole('alertdialog')).toBeHidden();
  await expect.poll(() => storedUpdates(page, caseId), { timeout: 15_000 }).toBeGreaterThan(0);

  // Reached from the menu of every screen.
  await page.goto(workspace);
  await page.getByRole('button', { name: 'Menu' }).click();
  await myDevice(page).click();
  await expect(page).toHaveURL(new RegExp(`${workspace}/appareil$`));
});
