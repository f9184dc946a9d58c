// Adverse events: a nurse reports on a phone with no network in at most twelve interactions (her draft survives a
// reload); the report reaches the quality référente when the network returns; another member (the coordinator) sees
// only the anonymised register; the référente qualifies it as an EIGS (J+90 shown), writes back and, once asked,
// closes it; the nurse sees it all on her device. Removing a référent is asked first. Axe throughout.
import { expectNoSeriousViolations as expectAxeClean } from './axe';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { createWorkspace, invite, joinWorkspace, overflow, parisDay } from './steps';
import { downloaded, parseCsv } from './downloads';

const STORY = 'Pilulier préparé avec la dose du soir dans la case du matin, repéré avant la prise.';

const expectNoSeriousViolations = (page: Page, screen: string) =>
  expectAxeClean(page, screen, /\b(?:adverse|errors|shell)\.[a-z][A-Za-z.]+/);

test('a report made offline on a phone reaches the référente only; the others see the register', async ({
  newUser,
}) => {
  test.setTimeout(240_000); // three browsers, background sync, six axe runs
  const alice = await newUser('Alice Martin', 'Médecin généraliste');
  const elsa = await newUser('Elsa Roux', 'Infirmier·ère');
  const regine = await newUser('Régine Caron', 'Pharmacien·ne');
  const workspace = await createWorkspace(alice.page, 'CPTS Vigilante');
  await joinWorkspace(elsa.page, await invite(alice.page));
  await joinWorkspace(regine.page, await invite(alice.page));

  // The coordinator names Régine référente qualité (governance, read by everyone).
  await alice.page.goto(`${workspace}/evenements`);
  await expect(alice.page.getByRole('heading', { name: 'Événements indésirables', level: 1 })).toBeVisible();
  await alice.page.getByLabel('Choisissez un membre…').selectOption({ label: 'Régine Caron' });
  await alice.page.getByRole('button', { name: 'Nommer référent qualité' }).click();
  const referents = alice.page.getByRole('region', { name: 'Référents qualité' });
  await expect(referents).toContainText('Régine Caron');
  // The only référente cannot be removed, and is told why at once; another one is removed once asked.
  await referents.getByRole('button', { name: 'Retirer Régine Caron' }).click();
  await expect(referents.getByRole('alert')).toContainText('Il faut au moins un référent qualité');
  await alice.page.getByLabel('Choisissez un membre…').selectOption({ label: 'Alice Martin' });
  await alice.page.getByRole('button', { name: 'Nommer référent qualité' }).click();
  const named = (name: string) => referents.getByRole('listitem').filter({ hasText: name });
  await expect(named('Alice Martin')).toHaveCount(1);
  await referents.getByRole('button', { name: 'Retirer Alice Martin' }).click();
  const removal = alice.page.getByRole('alertdialog', { name: 'Retirer Alice Martin des référents qualité' });
  await expect(removal).toContainText('perdront l’accès à celles déjà reçues');
  await removal.getByRole('button', { name: 'Retirer des référents' }).click();
  await expect(removal).toBeHidden();
  await expect(named('Alice Martin')).toHaveCount(0);
  await expect(named('Régine Caron')).toHaveCount(1);
  await expectNoSeriousViolations(alice.page, 'événements (coordinatrice)');

  // Elsa, on her phone, knows who the référente is, then loses the network.
  const phone = elsa.page;
  await phone.setViewportSize({ width: 390, height: 844 });
  await phone.goto(`${workspace}/evenements`);
  await expect(phone.getByRole('region', { name: 'Référents qualité' })).toContainText('Régine Caron');
  await phone.getByRole('link', { name: 'Signaler un événement' }).first().click();
  await expect(phone.getByRole('heading', { name: 'Signaler un événement', level: 1 })).toBeVisible();
  await expectNoSeriousViolations(phone, 'signaler (téléphone)');
  expect(await overflow(phone)).toBe(0);

  // A text that names someone is flagged before anything is saved; she rephrases.
  await phone.getByLabel('Que s’est-il passé ?').fill('Appelé Régine au 06 12 34 56 78');
  await phone.getByRole('button', { name: 'Envoyer' }).click();
  const warning = phone.getByRole('alert').filter({ hasText: 'Votre récit semble permettre de reconnaître quelqu’un' });
  await expect(warning).toContainText('Le nom d’un membre de l’annuaire : Régine Caron');
  await expect(warning).toContainText('Un numéro de téléphone : 06 12 34 56 78');
  await expectNoSeriousViolations(phone, 'avertissement');
  await phone.getByRole('button', { name: 'Reformuler' }).click();
  await expect(phone.getByLabel('Que s’est-il passé ?')).toBeFocused();
  // What she typed stays on her phone: a reload gives it back, and says so.
  await phone.getByRole('radio', { name: 'Domicile' }).click();
  await phone.reload();
  await expect(phone.getByLabel('Que s’est-il passé ?')).toHaveValue('Appelé Régine au 06 12 34 56 78');
  await expect(phone.getByRole('radio', { name: 'Domicile' })).toBeChecked();
  await expect(phone.getByRole('status').filter({ hasText: 'Votre saisie précédente a été reprise' })).toBeVisible();
  await phone.getByRole('link', { name: 'Retour aux événements indésirables' }).click();
  await expect(phone.getByRole('heading', { name: 'Événements indésirables', level: 1 })).toBeVisible();

  await elsa.context.setOffline(true);
  // Every tap and every field filled counts, from the shell's button to « Envoyer ».
  let interactions = 0;
  const tap = async (target: Locator) => {
    interactions++;
    await target.click();
  };
  const fill = async (target: Locator, text: string) => {
    interactions++;
    await target.fill(text);
  };
  const started = Date.now();
  await tap(phone.getByRole('banner').getByRole('link', { name: 'Signaler un événement' }));
  await tap(phone.getByRole('radio', { name: 'Domicile' }));
  await fill(phone.getByLabel('Que s’est-il passé ?'), STORY);
  await tap(phone.getByRole('radio', { name: 'Presque-accident (une barrière a fonctionné)' }));
  await tap(phone.getByRole('radio', { name: 'Aucune' }));
  await tap(phone.getByRole('radio', { name: /^2 · Significatif/ }));
  await tap(phone.getByRole('checkbox', { name: 'Infirmier·ère' }));
  await fill(phone.getByLabel('Mesures prises tout de suite'), 'Pilulier refait, pharmacie prévenue.');
  await tap(phone.getByRole('group', { name: /patient .* informé/ }).getByRole('radio', { name: 'Non' }));
  const sending = Date.now();
  await tap(phone.getByRole('button', { name: 'Envoyer' }));
  const mine = phone.getByRole('list', { name: 'Mes signalements' });
  await expect(mine.getByRole('listitem')).toHaveCount(1);
  await expect(mine).toContainText('en attente d’envoi');
  const saved = Date.now();
  expect(interactions).toBeLessThanOrEqual(12);
  // Figures for the closing note (upper bounds: they include Playwright's own round trips).
  console.log(
    `adverse event: ${interactions} interactions, ${saved - started} ms from the shell’s button, ` +
      `${saved - sending} ms from « Envoyer » to the report listed, offline`,
  );
  await expectNoSeriousViolations(phone, 'mes signalements (hors ligne)');

  // Back online: the list goes up, then the report, with no screen to open.
  await elsa.context.setOffline(false);
  await expect(mine).toContainText('envoyé aux référents', { timeout: 45_000 });

  // Régine's device receives it in the background; she reads it in full.
  await regine.page.goto(`${workspace}/evenements`);
  const received = regine.page.getByRole('list', { name: 'Fiches reçues' });
  await expect(received.getByRole('listitem')).toHaveCount(1, { timeout: 30_000 });
  // Her list narrows by status: nothing closed yet, one report just declared.
  const receivedStatus = regine.page.getByRole('region', { name: 'Fiches reçues' }).getByLabel('Statut');
  await receivedStatus.selectOption({ label: 'clos' });
  await expect(regine.page.getByText('Aucune fiche reçue avec ce statut.')).toBeVisible();
  await receivedStatus.selectOption({ label: 'déclaré' });
  await expect(received.getByRole('listitem')).toHaveCount(1);
  await received.getByRole('link').first().click();
  await expect(regine.page.getByText(STORY)).toBeVisible();
  await expectNoSeriousViolations(regine.page, 'fiche (référente)');

  // Alice, coordinator but not référente, sees the register: no story, no reporter, no way into the report.
  const register = alice.page.getByRole('table', { name: 'Registre anonymisé' });
  await expect(register.getByRole('row')).toHaveCount(2, { timeout: 30_000 });
  await expect(register).toContainText('à qualifier');
  await expect(register).toContainText('2 · significatif');
  await expect(register).toContainText('déclaré');
  await expect(alice.page.locator('main')).not.toContainText('Pilulier');
  // (Elsa's name is in the référent picker, from the annuaire: never in the register.)
  await expect(alice.page.getByRole('region', { name: 'Registre anonymisé' })).not.toContainText('Elsa');
  await expect(alice.page.getByRole('heading', { name: 'Fiches reçues' })).toHaveCount(0);

  // Régine qualifies: an EIGS needs its criterion; then volet 1 « sans délai » and volet 2 at J+90.
  const qualify = regine.page.getByRole('form', { name: 'Qualification' });
  await qualify.getByRole('radio', { name: 'Médicament' }).click();
  await qualify.getByRole('radio', { name: /^3 · Majeur/ }).click();
  await qualify.getByRole('radio', { name: 'Évitable', exact: true }).click();
  await qualify.getByRole('checkbox', { name: 'Déficit fonctionnel permanent probable' }).click();
  await qualify.getByLabel('Référence du portail national de signalement').fill('ARS-2026-0042');
  await qualify.getByRole('button', { name: 'Enregistrer la qualification' }).click();
  await expect(regine.page.getByText('EIGS : volet 1 transmis à l’ARS (référence ARS-2026-0042)')).toBeVisible();
  await expect(regine.page.getByText(`Volet 2 à transmettre avant le ${parisDay(90).shown}`)).toBeVisible();
  // A blank retour is refused where typed.
  await regine.page.getByRole('button', { name: 'Enregistrer le retour' }).click();
  await expect(regine.page.getByRole('alert').filter({ hasText: 'Écrivez votre retour au déclarant' })).toBeVisible();
  await regine.page
    .getByRole('textbox', { name: 'Votre retour au déclarant' })
    .fill('Merci : analysé en CREX le mois prochain.');
  await regine.page.getByRole('button', { name: 'Enregistrer le retour' }).click();
  await expect(regine.page.getByText('Retour enregistré')).toBeVisible();
  await expectNoSeriousViolations(regine.page, 'qualification');

  // Her list of reports keeps the deadline in sight.
  await regine.page.getByRole('link', { name: 'Retour aux événements indésirables' }).click();
  await expect(received).toContainText(`Volet 2 à transmettre avant le ${parisDay(90).shown}`);

  // The register follows; Elsa sees « qualifié » and the feedback on her own phone.
  await expect(register).toContainText('Médicament', { timeout: 30_000 });
  await expect(register).toContainText('3 · majeur');

  // Alice narrows the register and downloads it as she sees it: still no story, no reporter.
  await alice.page.getByLabel('Gravité', { exact: true }).selectOption({ label: '1 · mineur' });
  await expect(alice.page.getByText('Aucun événement du registre ne correspond à ces critères.')).toBeVisible();
  await alice.page.getByLabel('Gravité', { exact: true }).selectOption({ label: 'Toutes' });
  await alice.page.getByLabel('Catégorie', { exact: true }).selectOption({ label: 'Médicament' });
  await expect(register.getByRole('row')).toHaveCount(2);
  const csv = await downloaded(alice.page, () =>
    alice.page.getByRole('button', { name: 'Exporter pour un tableur' }).click(),
  );
  expect(csv.name).toMatch(/^registre-evenements-\d{4}-\d{2}-\d{2}\.csv$/);
  const [header, line, ...rest] = parseCsv(csv.text);
  expect(header).toEqual(['Date', 'Catégorie', 'Gravité', 'Statut', 'Nature', 'EIGS']);
  expect(line!.slice(1, 4)).toEqual(['Médicament', '3 · majeur', 'qualifié']);
  expect(line![5]).toBe('oui');
  expect(rest).toEqual([]);
  expect(csv.text).not.toContain('Pilulier');
  expect(csv.text).not.toContain('Elsa');
  await expectNoSeriousViolations(alice.page, 'registre filtré');
  await mine.getByRole('link').first().click();
  await expect(phone.getByRole('heading', { name: 'Fiche d’événement indésirable' })).toBeVisible();
  await expect(phone.getByRole('main').getByText('qualifié', { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(phone.getByText('Merci : analysé en CREX le mois prochain.')).toBeVisible();
  await expect(phone.getByRole('form', { name: 'Qualification' })).toHaveCount(0);
  await expectNoSeriousViolations(phone, 'fiche (déclarante)');

  // Régine takes it to the end: closing is asked first, since nothing reopens a closed report; Elsa sees it closed.
  await received.getByRole('link').first().click();
  await regine.page.getByRole('button', { name: 'Passer à « à analyser »' }).click();
  await regine.page.getByRole('button', { name: 'Passer à « analysé »' }).click();
  const close = regine.page.getByRole('button', { name: 'Passer à « clos »' });
  const closing = regine.page.getByRole('alertdialog', { name: 'Clore cette fiche' });
  await close.click();
  await expect(closing).toContainText('ne peut pas être rouverte');
  await closing.getByRole('button', { name: 'Annuler' }).click();
  await expect(closing).toBeHidden();
  await expect(regine.page.getByRole('main').getByText('analysé', { exact: true })).toBeVisible();
  await close.click();
  await closing.getByRole('button', { name: 'Clore la fiche' }).click();
  await expect(regine.page.getByRole('main').getByText('clos', { exact: true })).toBeVisible();
  await expect(regine.page.getByRole('button', { name: /^Passer à/ })).toHaveCount(0);
  // The button that asked is gone with the move: the focus lands on the screen's heading, not on nowhere.
  await expect(regine.page.getByRole('main').getByRole('heading', { level: 1 })).toBeFocused();
  await expect(phone.getByRole('main').getByText('clos', { exact: true })).toBeVisible({ timeout: 30_000 });

  // Sent, her report left no draft behind: the form opens blank.
  await phone.getByRole('banner').getByRole('link', { name: 'Signaler un événement' }).click();
  await expect(phone.getByLabel('Que s’est-il passé ?')).toHaveValue('');
});
