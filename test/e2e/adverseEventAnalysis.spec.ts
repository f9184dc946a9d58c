// Adverse events, analysis: the référente qualifies a report as an EIGS and « Pour vous » tells her volet 1 is due
// now and volet 2 at J+90; an action of the quality plan with no owner or deadline is refused in French; she gives
// one to the GP, who finds it under « Pour vous »; she co-writes the ALARM analysis, publishes the REX note (linked
// from the register) and moves the report to « analysé »; the nurse who reported sees it and the feedback. Then the
// coordinator's « Qualité » counts it (decision 0036): its CSV parses and names nobody, the ACI annex refuses thresholds
// out of order and computes its indicator, the annual report prints with no one's name; only coordinators and
// référents are offered the screen. Axe and phone width throughout.
import { expectNoSeriousViolations as expectAxeClean } from './axe';
import type { Page } from '@playwright/test';
import { downloaded, parseCsv } from './downloads';
import { test, expect } from './fixtures';
import { fillAciAnnexAndPrintReport } from './qualitySteps';
import {
  createWorkspace,
  fillDate,
  fillTime,
  invite,
  joinWorkspace,
  openSection,
  overflow,
  parisDay,
  sectionsNav,
} from './steps';

const STORY = 'Antivitamine K délivré à double dose après un changement d’ordonnance non transmis.';

const expectNoSeriousViolations = (page: Page, screen: string) =>
  expectAxeClean(page, screen, /\b(?:quality|adverse|errors|forYou|shell)\.[a-z][A-Za-z.]+/);

/** The phone's menu unfolded, then the navigation's links. */
async function navLinks(page: Page) {
  const menu = page.getByRole('button', { name: 'Menu' });
  if ((await menu.isVisible()) && (await menu.getAttribute('aria-expanded')) === 'false') await menu.click();
  return sectionsNav(page).getByRole('link');
}

test('the référente analyses an EIGS: deadlines, a quality-plan action for the GP, REX, « analysé »', async ({
  newUser,
}) => {
  test.setTimeout(240_000); // three browsers, background sync, several axe runs
  const alice = await newUser('Alice Martin', 'Médecin généraliste');
  const elsa = await newUser('Elsa Roux', 'Infirmier·ère');
  const regine = await newUser('Régine Caron', 'Pharmacien·ne');
  const workspace = await createWorkspace(alice.page, 'CPTS Analyse');
  await joinWorkspace(elsa.page, await invite(alice.page));
  await joinWorkspace(regine.page, await invite(alice.page));

  await alice.page.goto(`${workspace}/evenements`);
  await alice.page.getByLabel('Choisissez un membre…').selectOption({ label: 'Régine Caron' });
  await alice.page.getByRole('button', { name: 'Nommer référent qualité' }).click();
  await expect(alice.page.getByRole('region', { name: 'Référents qualité' })).toContainText('Régine Caron');

  // Elsa reports, online.
  await elsa.page.goto(`${workspace}/evenements`);
  await expect(elsa.page.getByRole('region', { name: 'Référents qualité' })).toContainText('Régine Caron');
  await elsa.page.getByRole('link', { name: 'Signaler un événement' }).first().click();
  await elsa.page.getByRole('radio', { name: 'Officine' }).click();
  await elsa.page.getByLabel('Que s’est-il passé ?').fill(STORY);
  await elsa.page.getByRole('radio', { name: 'Événement avec dommage' }).click();
  await elsa.page.getByRole('radio', { name: 'Temporaire' }).click();
  await elsa.page.getByRole('radio', { name: /^4 · Critique/ }).click();
  await elsa.page
    .getByRole('group', { name: /patient .* informé/ })
    .getByRole('radio', { name: 'Oui' })
    .click();
  await elsa.page.getByRole('button', { name: 'Envoyer' }).click();
  const mine = elsa.page.getByRole('list', { name: 'Mes signalements' });
  await expect(mine).toContainText('envoyé aux référents', { timeout: 45_000 });

  // Régine, on her phone, opens it and qualifies it as an EIGS, portal reference not yet known.
  const phone = regine.page;
  await phone.setViewportSize({ width: 390, height: 844 });
  await phone.goto(`${workspace}/evenements`);
  const received = phone.getByRole('list', { name: 'Fiches reçues' });
  await expect(received.getByRole('listitem')).toHaveCount(1, { timeout: 30_000 });
  await received.getByRole('link').first().click();
  await expect(phone.getByText(STORY)).toBeVisible();
  const qualify = phone.getByRole('form', { name: 'Qualification' });
  await qualify.getByRole('radio', { name: 'Médicament' }).click();
  await qualify.getByRole('radio', { name: /^4 · Critique/ }).click();
  await qualify.getByRole('radio', { name: 'Évitable', exact: true }).click();
  await qualify.getByRole('checkbox', { name: 'Mise en jeu du pronostic vital' }).click();
  await qualify.getByRole('button', { name: 'Enregistrer la qualification' }).click();
  await expect(phone.getByText('EIGS : volet 1 à transmettre sans délai à l’ARS')).toBeVisible();
  const reportPath = new URL(phone.url()).pathname;

  // « Pour vous » says volet 1 is due now, with volet 2's day.
  await openSection(phone, 'Accueil');
  const forYou = phone.getByRole('region', { name: 'Pour vous' });
  await expect(forYou).toContainText('EIGS : volet 1 à transmettre sans délai à l’ARS');
  await expect(forYou).toContainText(`Volet 2 à transmettre avant le ${parisDay(90).shown}`);
  await expectNoSeriousViolations(phone, 'pour vous (référente)');
  expect(await overflow(phone)).toBe(0);
  await forYou.getByRole('link', { name: /^fiche du / }).click();
  await expect(phone.getByText(STORY)).toBeVisible();

  // An action with no owner and no deadline is refused where typed; nothing reaches the plan.
  const planForm = phone.getByRole('form', { name: 'Ajouter une action au plan qualité' });
  await planForm.getByLabel('Action', { exact: true }).fill('Transmettre toute nouvelle ordonnance d’AVK à l’officine');
  await planForm.getByRole('button', { name: 'Ajouter au plan' }).click();
  await expect(planForm.getByText('Choisissez le responsable de l’action.')).toBeVisible();
  await planForm.getByLabel('Responsable').selectOption({ label: 'Alice Martin' });
  await planForm.getByRole('button', { name: 'Ajouter au plan' }).click();
  await expect(planForm.getByText('Donnez une échéance à l’action.')).toBeVisible();
  await expect(planForm.getByRole('status')).toHaveCount(0);

  // Then complete: objectif, échéance, indicateur.
  const due = parisDay(40);
  await planForm.getByLabel('Objectif').fill('Plus de double dose d’AVK');
  await fillDate(phone, 'Échéance', due.typed);
  await planForm.getByLabel('Indicateur').fill('Ordonnances d’AVK transmises / modifiées');
  await planForm.getByRole('button', { name: 'Ajouter au plan' }).click();
  await expect(planForm.getByRole('status')).toContainText('Action ajoutée au plan qualité');
  // A second one, hers and nearer: the plan puts the nearest deadline first.
  await planForm.getByLabel('Action', { exact: true }).fill('Rappeler la double vérification en réunion d’officine');
  await planForm.getByLabel('Responsable').selectOption({ label: 'Régine Caron' });
  await fillDate(phone, 'Échéance', parisDay(10).typed);
  await planForm.getByRole('button', { name: 'Ajouter au plan' }).click();

  // The ALARM analysis, in the référents' analysis room (never the report's document); the REX note for everyone.
  await phone.getByRole('textbox', { name: 'Chronologie des faits' }).fill('J0 : nouvelle ordonnance au cabinet.');
  await phone.getByRole('textbox', { name: 'Équipe' }).fill('Pas de canal pour les changements de dose.');
  // Co-written live: the same report open in another tab (its own copy of the doc) follows both ways.
  const other = await regine.context.newPage();
  await other.goto(reportPath);
  await expect(other.getByRole('textbox', { name: 'Équipe' })).toHaveValue(
    'Pas de canal pour les changements de dose.',
    {
      timeout: 30_000,
    },
  );
  await other.getByRole('textbox', { name: 'Barrières' }).fill('Double lecture de l’ordonnance à l’officine.');
  await expect(phone.getByRole('textbox', { name: 'Barrières' })).toHaveValue(
    'Double lecture de l’ordonnance à l’officine.',
    { timeout: 30_000 },
  );
  await other.close();
  await phone.getByRole('textbox', { name: 'Titre', exact: true }).fill('AVK : la dose suit l’ordonnance');
  await phone
    .getByRole('textbox', { name: 'Leçon à retenir' })
    .fill('Toute nouvelle dose d’AVK part à l’officine le jour même.');
  await phone.getByRole('button', { name: 'Publier pour tous les membres' }).click();
  await expect(phone.getByText('Retour d’expérience publié.')).toBeVisible();
  await phone
    .getByRole('textbox', { name: 'Votre retour au déclarant' })
    .fill('Merci : une action est au plan qualité.');
  await phone.getByRole('button', { name: 'Enregistrer le retour' }).click();

  // She plans a CREX and puts the report on its agenda: by its register line only.
  await openSection(phone, 'Concertations');
  await phone.getByRole('button', { name: 'Planifier une concertation' }).click();
  await phone.getByLabel('Type').selectOption({ label: 'CREX' });
  await fillDate(phone, 'Date', '06/01/2099');
  await fillTime(phone, 'Début', '18:00');
  await fillTime(phone, 'Fin', '19:30');
  await phone.getByLabel('Lieu').fill('Maison de santé, salle 2');
  await phone.getByRole('button', { name: 'Planifier', exact: true }).click();
  await expect(phone).toHaveURL(/\/concertations\/[A-Za-z0-9_-]{21}$/);
  const crexPath = new URL(phone.url()).pathname;
  await phone.goto(reportPath);
  const crex = phone.getByRole('region', { name: 'CREX' });
  await crex.getByRole('button', { name: 'Inscrire à l’ordre du jour' }).click();
  await expect(crex.getByRole('alert')).toHaveText('Choisissez un CREX.');
  await crex.getByLabel('CREX', { exact: true }).selectOption({ index: 1 });
  await crex.getByRole('button', { name: 'Inscrire à l’ordre du jour' }).click();
  await expect(crex).toContainText('Analysé en CREX');
  await expect(crex.getByRole('link', { name: 'Ouvrir le CREX' })).toHaveAttribute('href', crexPath);
  await crex.getByRole('link', { name: 'Ouvrir le CREX' }).click();
  const agenda = phone.getByRole('region', { name: 'Ordre du jour' });
  await expect(agenda).toContainText(/Événement du \d+ déc\. 2026 · Médicament · gravité 4/);
  await expect(phone.locator('main')).not.toContainText('Antivitamine K délivré');
  await phone.goto(reportPath);
  await expect(phone.getByRole('textbox', { name: 'Chronologie des faits' })).toHaveValue(
    'J0 : nouvelle ordonnance au cabinet.',
  );

  await phone.getByRole('button', { name: 'Passer à « à analyser »' }).click();
  await phone.getByRole('button', { name: 'Passer à « analysé »' }).click();
  await expect(phone.getByText('analysé', { exact: true })).toBeVisible();
  await expectNoSeriousViolations(phone, 'analyse (référente)');
  expect(await overflow(phone)).toBe(0);

  // Once analysed, volet 2 no longer waits under « Pour vous ».
  await openSection(phone, 'Accueil');
  await expect(phone.getByRole('region', { name: 'Pour vous' })).not.toContainText('Volet 2');

  // She edits the action from the plan: an empty owner is refused in French; the new wording reaches Alice.
  await phone.goto(`${workspace}/evenements`);
  const reginePlan = phone.getByRole('region', { name: 'Plan d’actions qualité' });
  await reginePlan.getByRole('button', { name: /^Modifier « Transmettre/ }).click();
  const editForm = reginePlan.getByRole('form', { name: /^Modifier « Transmettre/ });
  await editForm.getByLabel('Responsable').selectOption({ index: 0 });
  await editForm.getByRole('button', { name: 'Enregistrer les modifications' }).click();
  await expect(editForm).toContainText('Choisissez le responsable de l’action.');
  await editForm.getByLabel('Responsable').selectOption({ label: 'Alice Martin' });
  await editForm
    .getByLabel('Action', { exact: true })
    .fill('Transmettre toute nouvelle ordonnance d’AVK à l’officine le jour même');
  await editForm.getByRole('button', { name: 'Enregistrer les modifications' }).click();
  await expect(reginePlan.getByRole('status')).toContainText('Action modifiée');

  await alice.page.goto(workspace);
  const aliceForYou = alice.page.getByRole('region', { name: 'Pour vous' });
  await expect(aliceForYou).toContainText(
    'Plan qualité : Transmettre toute nouvelle ordonnance d’AVK à l’officine le jour même',
    { timeout: 30_000 },
  );
  await expect(aliceForYou).toContainText(`pour le ${due.shown}`);
  await expectNoSeriousViolations(alice.page, 'pour vous (médecin)');
  await alice.page.setViewportSize({ width: 390, height: 844 });
  await aliceForYou.getByRole('link', { name: 'voir le plan qualité' }).click();
  const plan = alice.page.getByRole('region', { name: 'Plan d’actions qualité' });
  await expect(plan).toContainText('Ordonnances d’AVK transmises / modifiées');
  const planItems = plan.getByRole('list').first().getByRole('listitem');
  await expect(planItems.first()).toContainText('Rappeler la double vérification');
  await plan.getByLabel('Seulement mes actions').check();
  await expect(planItems).toHaveCount(1);
  await expect(planItems.first()).toContainText('Transmettre toute nouvelle ordonnance');
  await expect(plan).toContainText('Alice Martin');
  const register = alice.page.getByRole('table', { name: 'Registre anonymisé' });
  await expect(register).toContainText('analysé', { timeout: 30_000 });
  await register.getByRole('link', { name: 'Lire la leçon' }).click();
  await expect(alice.page.getByRole('heading', { name: 'AVK : la dose suit l’ordonnance' })).toBeVisible();
  await expect(alice.page.locator('main')).not.toContainText('Antivitamine K délivré');
  // (Elsa's name is in the coordinator's référent picker, from the annuaire: never in the register, plan or REX.)
  for (const region of ['Registre anonymisé', 'Plan d’actions qualité', 'Retours d’expérience'])
    await expect(alice.page.getByRole('region', { name: region })).not.toContainText('Elsa');
  await expect(plan).toContainText(/Suite à l’événement du \d+ déc\. 2026/);
  await expectNoSeriousViolations(alice.page, 'événements (médecin)');
  expect(await overflow(alice.page)).toBe(0);

  // She starts it: « en cours »; done, it leaves her « Pour vous ».
  await plan.getByRole('combobox', { name: /^Statut de/ }).selectOption({ label: 'fait' });
  await openSection(alice.page, 'Accueil');
  await expect(aliceForYou).not.toContainText('Plan qualité');

  // Elsa sees « analysé » and the feedback; the analysis stays the référents'.
  await mine.getByRole('link').first().click();
  await expect(elsa.page.getByRole('heading', { name: 'Fiche d’événement indésirable' })).toBeVisible();
  await expect(elsa.page.getByRole('main').getByText('analysé', { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(elsa.page.getByText('Merci : une action est au plan qualité.')).toBeVisible();
  await expect(elsa.page.getByRole('region', { name: 'Analyse ALARM' })).toHaveCount(0);
  await expectNoSeriousViolations(elsa.page, 'fiche (déclarante)');
  expect(reportPath).toContain('/evenements/');

  // « Qualité »: a member who is neither coordinator nor référente is not offered it, and is told so at its address;
  // Régine, a référente with a member's role, is.
  expect(await (await navLinks(elsa.page)).allInnerTexts()).not.toContain('Qualité');
  await elsa.page.goto(`${workspace}/qualite`);
  await expect(
    elsa.page.getByText('Ce tableau de bord est réservé aux coordinateurs et aux référents qualité.'),
  ).toBeVisible();
  await expect((await navLinks(regine.page)).filter({ hasText: 'Qualité' })).toBeVisible();

  // Alice, on a phone, opens « Qualité » from the menu: the year's dashboard counts the event.
  const coordinator = alice.page;
  const tapped = Date.now();
  await (await navLinks(coordinator)).filter({ hasText: 'Qualité' }).click();
  await expect(coordinator.getByRole('heading', { name: 'Qualité', level: 1 })).toBeVisible();
  await expect(coordinator.getByTestId('key-figures')).toBeVisible();
  console.log(`quality: the dashboard’s figures shown ${Date.now() - tapped} ms after the tap`);
  const figures = coordinator.getByTestId('key-figures');
  const figure = (label: string) =>
    figures.locator('.key-figure').filter({ has: coordinator.getByText(label, { exact: true }) });
  await expect(figure('Événements de l’année').locator('dd')).toHaveText('1', { timeout: 30_000 });
  await expect(figure('dont EIGS').locator('dd')).toHaveText('1', { timeout: 30_000 });
  await expect(figure('Événements analysés ou clos').locator('dd')).toHaveText('100 %');
  // Each chart is drawn, and its table is there for screen readers.
  await expect(coordinator.getByTestId('chart-categories').locator('svg.recharts-surface')).toBeVisible();
  const categories = coordinator.getByRole('table', { name: /Événements par catégorie/ });
  await expect(categories.getByRole('row', { name: /Médicament/ })).toContainText('1');
  await expect(coordinator.locator('main')).not.toContainText('Antivitamine');
  await expect(coordinator.locator('main')).not.toContainText('Elsa');
  await expectNoSeriousViolations(coordinator, 'qualité (téléphone)');
  expect(await overflow(coordinator)).toBe(0);

  // The categories' CSV parses, counts the event, and holds neither the story nor its reporter.
  const csv = await downloaded(coordinator, () =>
    coordinator.getByRole('button', { name: 'Exporter pour un tableur — Événements par catégorie' }).click(),
  );
  expect(csv.name).toMatch(/^qualite-\d{4}-categories\.csv$/);
  expect(csv.text.startsWith('\uFEFF')).toBe(true);
  const rows = parseCsv(csv.text);
  expect(rows[0]).toEqual(['Catégorie', 'Événements']);
  expect(rows).toContainEqual(['Médicament', '1']);
  expect(rows.every((row) => row.length === 2)).toBe(true);
  for (const secret of ['Antivitamine', 'double dose', 'Elsa', 'Roux']) expect(csv.text, secret).not.toContain(secret);

  await fillAciAnnexAndPrintReport(coordinator);
});
