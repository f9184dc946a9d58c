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
  await (await navLinks(coordinator)).filter({ hasText: 'Qualité' }).click();
  await expect(coordinator.getByRole('heading', { name: 'Qualité', level: 1 })).toBeVisible();
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
  await editor.getByLabel('Intitulé de l’indicateur').fill('Événements indésirables analysés');
  await editor.getByLabel('Comment le mesurer').selectOption({ label: 'Événements indésirables analysés ou clos' });
  await editor.getByLabel('Socle').fill('4');
  await editor.getByLabel('Intermédiaire').fill('2');
  await editor.getByLabel('Objectif').fill('6');
  await editor.getByLabel('Montant (€)').fill('2 000');
  await editor.getByRole('button', { name: 'Enregistrer l’annexe' }).click();
  await expect(editor.getByRole('alert')).toContainText(
    'Mission 1, action 1, indicateur 1 : Les seuils doivent aller du plus bas au plus haut',
  );
  await expectNoSeriousViolations(coordinator, 'annexe refusée');
  expect(await overflow(coordinator)).toBe(0);
  await editor.getByLabel('Socle').fill('1');
  await editor.getByRole('button', { name: 'Enregistrer l’annexe' }).click();
  await expect(editor).toHaveCount(0);
  const indicator = coordinator.getByTestId('aci-indicator');
  await expect(indicator).toContainText('Événements indésirables analysés');
  await expect(indicator).toContainText('calculé par Maillage');
  await expect(indicator).toContainText('Seuil atteint : aucun · prochain seuil : socle (1)');

  // The annual report's print view: the tables, nothing that names anyone or tells the event.
  await coordinator.getByRole('link', { name: 'Rapport annuel ACI (impression ou PDF)' }).click();
  const report = coordinator.locator('article.aci-report');
  await expect(report.getByRole('heading', { name: /^Rapport annuel ACI \d{4}$/, level: 1 })).toBeVisible();
  await expect(report).toContainText('CPTS Vigilante');
  await expect(report.getByRole('table').filter({ hasText: 'Événements indésirables analysés' })).toBeVisible();
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
