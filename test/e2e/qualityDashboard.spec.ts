// The quality dashboard: a nurse reports an event, the référente qualifies it as an EIGS; the coordinator's
// « Qualité » counts it, its CSV parses and holds no report text nor reporter, the ACI annex refuses thresholds out of
// order and then computes its indicator, and the annual report prints with nothing that names anyone. Only
// coordinators and référents are offered the screen. Axe and a 390 px phone throughout.
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Download, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { createWorkspace, invite, joinWorkspace, sectionsNav } from './steps';

const STORY = 'Pilulier préparé avec la dose du soir dans la case du matin, repéré avant la prise.';
const MEASURES = 'Pilulier refait, pharmacie prévenue.';

async function expectNoSeriousViolations(page: Page, screen: string) {
  await expect(page.locator('body')).not.toContainText(/\b(?:quality|adverse|errors|shell)\.[a-z][A-Za-z.]+/);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${screen}: ${v.id} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** The phone's menu unfolded, then the navigation's links. */
async function navLinks(page: Page) {
  const menu = page.getByRole('button', { name: 'Menu' });
  if ((await menu.isVisible()) && (await menu.getAttribute('aria-expanded')) === 'false') await menu.click();
  return sectionsNav(page).getByRole('link');
}

/** A downloaded CSV as rows of cells (« ; », CRLF, a BOM first). */
async function csvRows(download: Download): Promise<{ text: string; rows: string[][] }> {
  const text = await readFile((await download.path())!, 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  const rows = text
    .slice(1)
    .split('\r\n')
    .filter(Boolean)
    .map((line) => line.split(';'));
  return { text, rows };
}

test('the coordinator’s dashboard counts a qualified report; its exports name nobody', async ({ newUser }) => {
  test.setTimeout(240_000); // three browsers, background sync, several axe runs
  const alice = await newUser('Alice Martin', 'Médecin généraliste');
  const elsa = await newUser('Elsa Roux', 'Infirmier·ère');
  const regine = await newUser('Régine Caron', 'Pharmacien·ne');
  const workspace = await createWorkspace(alice.page, 'CPTS Vigilante');
  await joinWorkspace(elsa.page, await invite(alice.page));
  await joinWorkspace(regine.page, await invite(alice.page));

  // The coordinator names Régine référente qualité.
  await alice.page.goto(`${workspace}/evenements`);
  await alice.page.getByLabel('Choisissez un membre…').selectOption({ label: 'Régine Caron' });
  await alice.page.getByRole('button', { name: 'Nommer référent qualité' }).click();
  await expect(alice.page.getByRole('region', { name: 'Référents qualité' })).toContainText('Régine Caron');

  // Elsa reports on her phone, signing with her name (read by the référents only).
  const phone = elsa.page;
  await phone.setViewportSize({ width: 390, height: 844 });
  await phone.goto(`${workspace}/evenements`);
  await expect(phone.getByRole('region', { name: 'Référents qualité' })).toContainText('Régine Caron');
  await phone.getByRole('banner').getByRole('link', { name: 'Signaler un événement' }).click();
  await phone.getByRole('radio', { name: 'Domicile' }).click();
  await phone.getByLabel('Que s’est-il passé ?').fill(STORY);
  await phone.getByRole('radio', { name: 'Presque-accident (une barrière a fonctionné)' }).click();
  await phone.getByRole('radio', { name: 'Aucune' }).click();
  await phone.getByRole('radio', { name: /^2 · Significatif/ }).click();
  await phone.getByLabel('Mesures prises tout de suite').fill(MEASURES);
  await phone
    .getByRole('group', { name: /patient .* informé/ })
    .getByRole('radio', { name: 'Non' })
    .click();
  await phone.getByLabel(/Votre nom/).fill('Elsa Roux');
  await phone.getByRole('button', { name: 'Envoyer' }).click();
  const mine = phone.getByRole('list', { name: 'Mes signalements' });
  await expect(mine).toContainText('envoyé aux référents', { timeout: 45_000 });
  // A member who is neither coordinator nor référente is not offered « Qualité », and is told so at its address.
  expect(await (await navLinks(phone)).allInnerTexts()).not.toContain('Qualité');
  await phone.goto(`${workspace}/qualite`);
  await expect(
    phone.getByText('Ce tableau de bord est réservé aux coordinateurs et aux référents qualité.'),
  ).toBeVisible();
  await expect(phone.locator('main')).not.toContainText('Événements de l’année');

  // Régine qualifies it: médicament, majeur, EIGS.
  await regine.page.goto(`${workspace}/evenements`);
  const received = regine.page.getByRole('list', { name: 'Fiches reçues' });
  await expect(received.getByRole('listitem')).toHaveCount(1, { timeout: 30_000 });
  await received.getByRole('link').first().click();
  const qualify = regine.page.getByRole('form', { name: 'Qualification' });
  await qualify.getByRole('radio', { name: 'Médicament' }).click();
  await qualify.getByRole('radio', { name: /^3 · Majeur/ }).click();
  await qualify.getByRole('radio', { name: 'Évitable', exact: true }).click();
  await qualify.getByRole('checkbox', { name: 'Déficit fonctionnel permanent probable' }).click();
  await qualify.getByRole('button', { name: 'Enregistrer la qualification' }).click();
  await expect(regine.page.getByText('EIGS : volet 1 à transmettre sans délai à l’ARS')).toBeVisible();
  // Régine, a référente with a member's role, is offered « Qualité » too.
  await expect(sectionsNav(regine.page).getByRole('link', { name: 'Qualité' })).toBeVisible();

  // Alice, on a phone, opens « Qualité » from the menu: the year's dashboard counts the event.
  const coordinator = alice.page;
  await coordinator.setViewportSize({ width: 390, height: 844 });
  const tapped = Date.now();
  await (await navLinks(coordinator)).filter({ hasText: 'Qualité' }).click();
  await expect(coordinator.getByRole('heading', { name: 'Qualité', level: 1 })).toBeVisible();
  await expect(coordinator.getByTestId('key-figures')).toBeVisible();
  console.log(`quality: the dashboard's figures shown ${Date.now() - tapped} ms after the tap`);
  const figures = coordinator.getByTestId('key-figures');
  const figure = (label: string) =>
    figures.locator('.key-figure').filter({ has: coordinator.getByText(label, { exact: true }) });
  await expect(figure('Événements de l’année').locator('dd')).toHaveText('1', { timeout: 30_000 });
  await expect(figure('dont EIGS').locator('dd')).toHaveText('1', { timeout: 30_000 });
  await expect(figure('Analysés ou clos').locator('dd')).toHaveText('0 %');
  // Each chart is drawn, and its table is there for screen readers.
  await expect(coordinator.getByTestId('chart-categories').locator('svg.recharts-surface')).toBeVisible();
  const categories = coordinator.getByRole('table', { name: /Événements par catégorie/ });
  await expect(categories.getByRole('row', { name: /Médicament/ })).toContainText('1');
  await expect(coordinator.locator('main')).not.toContainText('Pilulier');
  await expect(coordinator.locator('main')).not.toContainText('Elsa');
  await expectNoSeriousViolations(coordinator, 'qualité (téléphone)');
  expect(await overflow(coordinator)).toBe(0);

  // The categories' CSV parses, counts the event, and holds neither the story nor its reporter.
  const [download] = await Promise.all([
    coordinator.waitForEvent('download'),
    coordinator.getByRole('button', { name: 'Télécharger en CSV — Événements par catégorie' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^qualite-\d{4}-categories\.csv$/);
  const csv = await csvRows(download);
  expect(csv.rows[0]).toEqual(['Catégorie', 'Événements']);
  expect(csv.rows).toContainEqual(['Médicament', '1']);
  expect(csv.rows.every((row) => row.length === 2)).toBe(true);
  for (const secret of ['Pilulier', 'pharmacie prévenue', 'Elsa', 'Roux'])
    expect(csv.text, secret).not.toContain(secret);

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
  await expect(computed).toContainText('Seuil atteint : aucun · prochain seuil : socle (1)');
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
  await expect(report.getByRole('table')).toHaveCount(7);
  // A figure for the closing note (an upper bound: it includes Playwright's own round trips).
  console.log(`quality: the ACI report's print view shown ${Date.now() - opening} ms after the tap`);
  await expect(report).toContainText('CPTS Vigilante');
  await expect(report.getByRole('table').filter({ hasText: 'Événements indésirables analysés' })).toBeVisible();
  await expect(report).toContainText('Tableau de suivi du standard');
  await expect(report.getByRole('row', { name: /Médicament/ })).toContainText('1');
  const printed = await report.innerText();
  for (const secret of ['Pilulier', 'pharmacie prévenue', 'Elsa', 'Roux', 'Régine', 'Caron'])
    expect(printed, secret).not.toContain(secret);
  await coordinator.emulateMedia({ media: 'print' });
  await expect(coordinator.getByRole('button', { name: 'Imprimer ou enregistrer en PDF' })).toBeHidden();
  await coordinator.emulateMedia({ media: 'screen' });
  await expectNoSeriousViolations(coordinator, 'rapport ACI (téléphone)');
  expect(await overflow(coordinator)).toBe(0);
});
