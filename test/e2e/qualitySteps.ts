// The quality dashboard's coordinator steps after an analysed event (decision 0036): the ACI annex entered (thresholds
// out of order refused in French, nothing saved), an indicator computed and one entered by hand with its source, then
// the annual report's print view, which names nobody and tells no event.
import type { Page } from '@playwright/test';
import { expectNoSeriousViolations as expectAxeClean } from './axe';
import { expect } from './fixtures';
import { overflow } from './steps';

const expectNoSeriousViolations = (page: Page, screen: string) =>
  expectAxeClean(page, screen, /\b(?:quality|errors|shell)\.[a-z][A-Za-z.]+/);

/** On « Qualité », with one analysed Médicament event of CPTS Analyse reported by Elsa Roux, analysed by Régine Caron. */
export async function fillAciAnnexAndPrintReport(coordinator: Page): Promise<void> {
  // The ACI annex: thresholds out of order are refused in French and nothing is saved; in order, it is.
  await coordinator.getByRole('button', { name: 'Saisir l’annexe du contrat' }).click();
  const editor = coordinator.getByRole('form', { name: 'Annexe du contrat ACI' });
  await editor.getByLabel('Intitulé de la mission').fill('Mission 3 — qualité et pertinence des soins');
  await editor.getByLabel('Intitulé de l’action').fill('Démarche qualité');
  const indicators = editor.getByRole('group', { name: /^Indicateur \d$/ });
  const first = indicators.nth(0);
  await first.getByLabel('Intitulé de l’indicateur').fill('Événements indésirables analysés');
  await first.getByLabel('Comment le mesurer').selectOption({ label: 'Événements indésirables analysés ou clos' });
  await first.getByLabel('Socle').fill('4');
  await first.getByLabel('Intermédiaire').fill('2');
  await first.getByLabel('Objectif').fill('6');
  await first.getByLabel('Montant (€)').fill('2 000');
  // A second indicator, counted elsewhere: entered by hand with its source. Left without a title at first.
  await editor.getByRole('button', { name: 'Ajouter un indicateur' }).click();
  const second = indicators.nth(1);
  await second.getByLabel('Socle').fill('50');
  await second.getByLabel('Intermédiaire').fill('100');
  await second.getByLabel('Objectif').fill('200');
  await second.getByLabel('Montant (€)').fill('3000');
  await editor.getByRole('button', { name: 'Enregistrer l’annexe' }).click();
  const refusal = editor.getByRole('alert');
  await expect(refusal).toContainText(
    'Mission 1, action 1, indicateur 1 : Les seuils doivent aller du plus bas au plus haut',
  );
  await expect(refusal).toContainText('Mission 1, action 1, indicateur 2 : Donnez un intitulé.');
  // Nothing was written.
  await expect(coordinator.getByText('L’annexe du contrat n’est pas encore saisie.')).toBeVisible();
  await expect(coordinator.getByTestId('aci-indicator')).toHaveCount(0);
  await expectNoSeriousViolations(coordinator, 'annexe refusée');
  expect(await overflow(coordinator)).toBe(0);
  await first.getByLabel('Socle').fill('1');
  await second.getByLabel('Intitulé de l’indicateur').fill('Demandes de soins non programmés traitées');
  await editor.getByRole('button', { name: 'Enregistrer l’annexe' }).click();
  await expect(editor).toHaveCount(0);
  const computed = coordinator.getByTestId('aci-indicator').filter({ hasText: 'Événements indésirables analysés' });
  await expect(computed).toContainText('calculé par Maillage');
  await expect(computed).toContainText('Seuil atteint : socle · prochain seuil : intermédiaire (2)');
  // The hand-entered one asks for its source before it takes the value.
  const byHand = coordinator.getByTestId('aci-indicator').filter({ hasText: 'Demandes de soins non programmés' });
  await expect(byHand).toContainText('à saisir');
  await byHand.getByLabel(/^Valeur \d{4}$/).fill('120');
  await byHand.getByRole('button', { name: 'Enregistrer la valeur' }).click();
  await expect(byHand.getByRole('alert')).toHaveText('Indiquez la source de cette valeur.');
  await byHand.getByLabel('Source', { exact: true }).fill('Tableau de suivi du standard');
  await byHand.getByRole('button', { name: 'Enregistrer la valeur' }).click();
  await expect(byHand).toContainText('Seuil atteint : intermédiaire · prochain seuil : objectif (200)');
  await expect(byHand).toContainText('Source : Tableau de suivi du standard');
  await expectNoSeriousViolations(coordinator, 'indicateurs ACI');
  expect(await overflow(coordinator)).toBe(0);

  // The annual report's print view: the tables, nothing that names anyone or tells the event.
  const opening = Date.now();
  await coordinator.getByRole('link', { name: 'Rapport annuel ACI (impression ou PDF)' }).click();
  const report = coordinator.locator('article.aci-report');
  await expect(report.getByRole('heading', { name: /^Rapport annuel ACI \d{4}$/, level: 1 })).toBeVisible();
  // Seven sections; the professions present count nothing here (no attendance sheet), and say so instead of printing
  // a header alone.
  await expect(report.getByRole('heading', { level: 2 })).toHaveCount(7);
  await expect(report.getByRole('table')).toHaveCount(6);
  await expect(report.getByRole('region', { name: 'Professions présentes aux concertations' })).toContainText(
    'Rien à compter pour cette année.',
  );
  // A figure for the closing note (an upper bound: it includes Playwright's own round trips).
  console.log(`quality: the ACI report’s print view shown ${Date.now() - opening} ms after the tap`);
  await expect(report).toContainText('CPTS Analyse');
  await expect(report.getByRole('table').filter({ hasText: 'Événements indésirables analysés' })).toBeVisible();
  await expect(report).toContainText('Tableau de suivi du standard');
  await expect(report.getByRole('row', { name: /Médicament/ })).toContainText('1');
  const printed = await report.innerText();
  for (const secret of ['Antivitamine', 'double dose', 'Elsa', 'Roux', 'Régine', 'Caron'])
    expect(printed, secret).not.toContain(secret);
  await coordinator.emulateMedia({ media: 'print' });
  await expect(coordinator.getByRole('button', { name: 'Imprimer ou enregistrer en PDF' })).toBeHidden();
  // On A4 (about 690 px between its margins) the ten columns of the ACI indicators fit: nothing cut at the right.
  const screenSize = coordinator.viewportSize()!;
  await coordinator.setViewportSize({ width: 690, height: 980 });
  const aciTable = report.locator('section:has(#report-aci) table');
  expect(
    await aciTable.evaluate((table) => (table as HTMLElement).offsetWidth <= table.parentElement!.clientWidth),
  ).toBe(true);
  await coordinator.setViewportSize(screenSize);
  await coordinator.emulateMedia({ media: 'screen' });
  await expectNoSeriousViolations(coordinator, 'rapport ACI (téléphone)');
  expect(await overflow(coordinator)).toBe(0);
}
