// The workspace's shell: every section one tap away on a computer and on a phone, the current one marked; what a
// member may not do is not offered (the bin on a diffused protocol); dates are typed jj/mm/aaaa in any browser.
import type { Page } from '@playwright/test';
import { test, expect, onboard } from './fixtures';
import { seriousViolations } from './axe';
import {
  createWorkspace,
  dateField,
  fillDate,
  invite,
  layoutShifts,
  joinWorkspace,
  newProtocol,
  openSection,
  protocolStatus,
  sectionsNav,
  type Section,
  overflow,
} from './steps';

const SECTIONS: [Section, string, RegExp][] = [
  ['Protocoles', 'Protocoles', /\/protocoles$/],
  ['Dossiers', 'Dossiers de coordination', /\/dossiers$/],
  ['Concertations', 'Concertations', /\/concertations$/],
  ['Qualité', 'Qualité', /\/qualite$/],
  ['Plan de crise', 'Plan de crise', /\/plan-de-crise$/],
  ['Annuaire', 'Annuaire', /\/annuaire$/],
  ['Groupes', 'Groupes de travail', /\/groupes$/],
  ['Accès', 'Accès', /\/acces$/],
  ['Accueil', 'Accueil', /\/w\/[a-z2-7]{52}$/],
];

async function everySectionOneTapAway(page: Page): Promise<void> {
  for (const [section, heading, url] of SECTIONS) {
    await openSection(page, section);
    await expect(page).toHaveURL(url);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    // On a phone the menu folded again after the tap: its entries are read hidden.
    const nav = page.getByRole('navigation', { name: 'Sections de l’espace', includeHidden: true });
    const link = nav.getByRole('link', { name: new RegExp(`^${section}`), includeHidden: true });
    await expect(link).toHaveAttribute('aria-current', 'page');
    await expect(nav.locator('[aria-current]')).toHaveCount(1);
    expect(await overflow(page)).toBe(0);
  }
}

test('every section is one tap away on a computer and on a phone, the current one marked', async ({ newUser }) => {
  test.setTimeout(120_000);
  const { page } = await newUser('Alice Martin', 'Coordinateur·rice');
  await page.setViewportSize({ width: 1366, height: 800 });
  await createWorkspace(page, 'CPTS du Val de Loire et des coteaux du Layon');
  // A page that opens leaves the sidebar still: the sync state's line is kept before it says anything.
  await page.reload();
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-state', 'synced');
  expect(await layoutShifts(page, '.shell-bar')).toEqual([]);
  // On a computer the sections are always there, and nothing hides them.
  await expect(page.getByRole('button', { name: 'Menu' })).toBeHidden();
  await everySectionOneTapAway(page);
  // Inside a section (a protocol), its entry is marked as where one is, not as the page itself.
  await newProtocol(page);
  await expect(sectionsNav(page).getByRole('link', { name: 'Protocoles' })).toHaveAttribute('aria-current', 'true');
  await expect(page.getByTestId('sync-status')).toHaveCount(1);
  // The count of documents arriving has a place kept for it: its text coming and going moves nothing one could tap.
  const sectionTops = () =>
    page
      .getByRole('banner')
      .locator('a, button')
      .evaluateAll((targets) => targets.map((target) => target.getBoundingClientRect().top));
  const mainTop = () => page.locator('main').evaluate((main) => main.getBoundingClientRect().top);
  const countSays = (text: string) =>
    page.locator('.on-device-count').evaluate((line, said) => (line.textContent = said), text);
  const before = await sectionTops();
  await countSays('400 / 1002 documents sur cet appareil');
  expect(await sectionTops()).toEqual(before);
  await countSays('');

  await page.setViewportSize({ width: 390, height: 844 });
  // On a phone it is in the folded menu: the page does not move either.
  const pageTop = await mainTop();
  await countSays('400 / 1002 documents sur cet appareil');
  expect(await mainTop()).toBe(pageTop);
  await countSays('');
  // On a phone the sections fold under « Menu », which says whether it is open; Échap folds it again.
  const menu = page.getByRole('button', { name: 'Menu' });
  await expect(sectionsNav(page)).toBeHidden();
  await menu.click();
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await expect(sectionsNav(page)).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(sectionsNav(page)).toBeHidden();
  await everySectionOneTapAway(page);
  await expect(sectionsNav(page)).toBeHidden();
});

test('a member is not offered the bin for a diffused protocol; the coordinator is, after a confirmation', async ({
  newUser,
}) => {
  test.setTimeout(120_000);
  const alice = await newUser('Alice Martin', 'Coordinateur·rice');
  const bruno = await newUser('Bruno Lefèvre', 'Infirmier·ère');
  await createWorkspace(alice.page, 'CPTS Prudente');
  await joinWorkspace(bruno.page, await invite(alice.page));
  await newProtocol(alice.page);
  await alice.page.getByLabel('Titre', { exact: true }).fill('AVK chez le sujet âgé');
  // A draft: any member may put it in the bin.
  await openSection(bruno.page, 'Protocoles');
  const bin = (page: Page) => page.getByRole('button', { name: 'Mettre à la corbeille : AVK chez le sujet âgé' });
  await expect(bin(bruno.page)).toBeVisible();

  // Alice, coordinator, takes it to diffusion.
  await alice.page.getByRole('button', { name: 'Passer en relecture' }).click();
  await alice.page.getByRole('button', { name: 'Je valide cette version' }).click();
  await alice.page.getByRole('alertdialog').getByRole('button', { name: 'Je valide cette version' }).click();
  for (const step of ['Valider pour l’équipe', 'Soumettre à la CPAM', 'Enregistrer la validation CPAM'])
    await alice.page.getByRole('button', { name: step }).click();
  await fillDate(alice.page, 'Prochaine révision', `30/06/${new Date().getFullYear() + 1}`);
  await alice.page.getByRole('button', { name: 'Diffuser' }).click();
  await expect(protocolStatus(alice.page)).toHaveText('Diffusé');

  await expect(bruno.page.getByRole('list', { name: 'Protocoles' })).toContainText('Diffusé');
  await expect(bin(bruno.page)).toHaveCount(0);
  await expect(bruno.page.getByRole('button', { name: 'Dupliquer : AVK chez le sujet âgé' })).toBeVisible();

  await openSection(alice.page, 'Protocoles');
  await bin(alice.page).click();
  const confirm = alice.page.getByRole('alertdialog', { name: 'Mettre « AVK chez le sujet âgé » à la corbeille ?' });
  await expect(confirm).toContainText('Ce protocole est « Diffusé »');
  await expect(confirm).toContainText('Il disparaît des listes de toute l’équipe');
  await expect(confirm.getByRole('button', { name: 'Annuler' })).toBeFocused();
  await alice.page.keyboard.press('Escape');
  await expect(confirm).toHaveCount(0);
  await expect(bruno.page.getByRole('list', { name: 'Protocoles' })).toContainText('AVK chez le sujet âgé');
  await bin(alice.page).click();
  await confirm.getByRole('button', { name: 'Mettre à la corbeille' }).click();
  await expect(bruno.page.getByText('Aucun protocole pour le moment')).toBeVisible();
});

test('dates are shown and typed jj/mm/aaaa in a browser set to American English', async ({ relay, browser }) => {
  const context = await browser.newContext({ baseURL: relay.url, locale: 'en-US', timezoneId: 'America/New_York' });
  const page = await context.newPage();
  await page.goto('/');
  await onboard(page, 'Alice Martin', 'Médecin généraliste');
  await createWorkspace(page, 'CPTS Internationale');
  await newProtocol(page);
  const review = dateField(page, 'Prochaine révision');
  await expect(review).toHaveText('jj/mm/aaaa');
  const year = new Date().getFullYear() + 1;
  await fillDate(page, 'Prochaine révision', `03/02/${year}`);
  await expect(review).toHaveText(`03/02/${year}`);
  // Third of February, not the second of March: the printed protocol says so.
  await page.getByRole('link', { name: 'Lire / imprimer' }).click();
  await expect(page.locator('.print-sheet')).toContainText(`3 févr. ${year}`);
  await context.close();
});
