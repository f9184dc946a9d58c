// Crisis plan: a member volunteers on « Ma fiche »; the coordinator creates the plan from the national template,
// fills a section, the governance and the canicule sheet while a member watches live on a phone; the plan is sent,
// validated, put in force; the yearly update's comparison and the sheet's one-page checklist print; volunteers export.
// Axe on every new screen, no horizontal overflow at 390 px.
import { expectNoSeriousViolations as expectAxeClean } from './axe';
import type { Page } from '@playwright/test';
import { downloaded } from './downloads';
import { test, expect } from './fixtures';
import { createWorkspace, invite, joinWorkspace, layoutShifts, openSection, overflow } from './steps';

const expectNoSeriousViolations = (page: Page, screen: string) =>
  expectAxeClean(page, screen, /\b(?:crisisPlan|crisisPlanStatuses|directoryCrisis|errors)\.[a-z][A-Za-z.]+/);

const planBody = (page: Page) => page.getByRole('textbox', { name: 'Texte du plan' });

test('a crisis plan is written together, moves through its statuses, and its sheet prints', async ({ newUser }) => {
  test.setTimeout(240_000); // two browsers, several axe runs and a PDF on a loaded machine
  const alice = await newUser('Alice Martin', 'Médecin généraliste');
  const bruno = await newUser('Bruno Lefèvre', 'Infirmier·ère');
  const workspace = await createWorkspace(alice.page, 'CPTS Vézère');
  await joinWorkspace(bruno.page, await invite(alice.page));
  const observerLink = await invite(alice.page, 'Observateur·rice (lecture seule)');
  await bruno.page.setViewportSize({ width: 390, height: 844 });

  // Bruno volunteers for heatwaves and the like, on his own entry in the annuaire.
  await openSection(bruno.page, 'Annuaire');
  await bruno.page.getByRole('button', { name: 'Ma fiche' }).click();
  const form = bruno.page.getByRole('form', { name: 'Ma fiche' });
  await form.getByLabel('Téléphone').fill('05 55 12 34 56');
  await form.getByLabel(/Je suis volontaire/).check();
  await form.getByLabel('2. Malades, populations fragiles').check();
  await form.getByLabel(/Compétences utiles en crise/).fill('Vaccination');
  await form.getByLabel('Disponibilités').fill('Soirs et week-ends');
  await expectNoSeriousViolations(bruno.page, 'ma fiche');
  await form.getByRole('button', { name: 'Enregistrer ma fiche' }).click();
  await expect(bruno.page.getByText('Votre fiche est enregistrée')).toBeVisible();

  // Alice creates the plan from the template.
  await openSection(alice.page, 'Plan de crise');
  await expect(alice.page.getByRole('heading', { name: 'Plan de crise', level: 1 })).toBeVisible();
  await expect(alice.page.getByText('Aucun plan pour le moment.')).toBeVisible();
  await expectNoSeriousViolations(alice.page, 'plans');
  await alice.page.getByRole('button', { name: 'Créer le plan à partir du modèle national' }).click();
  await alice.page.getByLabel('Titre du plan').fill('');
  await alice.page.getByRole('button', { name: 'Créer le plan', exact: true }).click();
  await expect(alice.page.getByText('Le titre est obligatoire.')).toBeVisible();
  await alice.page.getByLabel('Titre du plan').fill('Plan SSE de la CPTS Vézère');
  await alice.page.getByRole('button', { name: 'Créer le plan', exact: true }).click();
  await expect(alice.page).toHaveURL(/\/plan-de-crise\/[A-Za-z0-9_-]{21}$/);
  const planPath = new URL(alice.page.url()).pathname;
  await expect(alice.page.getByRole('heading', { name: 'Plan SSE de la CPTS Vézère', level: 1 })).toBeVisible();
  await expect(planBody(alice.page).getByRole('heading', { name: 'Territoire' })).toBeVisible();
  await expect(alice.page.getByText(/Prochaine mise à jour annuelle avant le \d{2}\/\d{2}\/\d{4}/)).toBeVisible();

  // Bruno opens it from the list, on his phone.
  await openSection(bruno.page, 'Plan de crise');
  await bruno.page.getByRole('link', { name: 'Plan SSE de la CPTS Vézère' }).click();
  await expect(bruno.page.getByRole('heading', { name: 'Plan SSE de la CPTS Vézère', level: 1 })).toBeVisible();
  expect(await overflow(bruno.page)).toBeLessThanOrEqual(0);

  // A section of the template, written by Alice, read live by Bruno.
  await planBody(alice.page).getByRole('heading', { name: 'Territoire' }).click();
  await alice.page.keyboard.press('ArrowDown');
  await alice.page.keyboard.type('Montignac, Terrasson ; trois MSP.');
  await expect(planBody(bruno.page)).toContainText('Montignac, Terrasson ; trois MSP.');

  // Sending needs a référent SSE and the cell's place: refused in French until they are there.
  await alice.page.getByRole('button', { name: 'Transmettre à l’ARS et à la CPAM' }).click();
  await expect(alice.page.getByText(/Avant de transmettre le plan/)).toBeVisible();
  await alice.page.getByLabel('Référent·e SSE titulaire').selectOption({ label: 'Alice Martin' });
  await alice.page.getByLabel('Référent·e SSE suppléant·e').selectOption({ label: 'Alice Martin' });
  await expect(alice.page.getByText('Le ou la suppléant·e doit être une autre personne')).toBeVisible();
  await alice.page.getByLabel('Référent·e SSE suppléant·e').selectOption({ label: 'Bruno Lefèvre' });
  await alice.page.getByLabel('Lieu principal de la cellule de crise').fill('MSP de Montignac, salle 1');
  await expect(bruno.page.getByLabel('Lieu principal de la cellule de crise')).toHaveValue('MSP de Montignac, salle 1');

  // The canicule sheet: a trigger and an action, seen live on the phone.
  await alice.page.getByLabel('Fiche', { exact: true }).selectOption({ label: '2. Malades, populations fragiles' });
  await alice.page.getByLabel('Déclencheurs').fill('Vigilance canicule orange ou rouge');
  const addAction = alice.page.getByRole('form', { name: 'Ajouter l’action' });
  await addAction.getByLabel('Quoi').fill('Appeler les patients isolés');
  await addAction.getByLabel('Qui').fill('Infirmier·ères');
  await addAction.getByLabel('Quand').fill('H+4');
  await addAction.getByRole('button', { name: 'Ajouter l’action' }).click();
  await bruno.page.getByLabel('Fiche', { exact: true }).selectOption({ label: '2. Malades, populations fragiles' });
  await expect(bruno.page.getByLabel('Déclencheurs')).toHaveValue('Vigilance canicule orange ou rouge');
  const when = (page: Page) => page.getByRole('textbox', { name: 'Quand, action « Appeler les patients isolés »' });
  await expect(when(bruno.page)).toHaveValue('H+4');
  // A row is corrected in place.
  await when(alice.page).fill('H+2');
  await expect(when(bruno.page)).toHaveValue('H+2');
  // A row removed asks first, and comes back as it was with « Annuler ».
  await alice.page.getByRole('button', { name: 'Retirer l’action « Appeler les patients isolés »' }).click();
  const confirm = alice.page.getByRole('alertdialog', { name: 'Retirer « Appeler les patients isolés » du plan ?' });
  await expect(confirm.getByRole('button', { name: 'Annuler' })).toBeFocused();
  await confirm.getByRole('button', { name: 'Oui, retirer' }).click();
  await expect(when(bruno.page)).toHaveCount(0);
  const undo = alice.page.getByRole('status').filter({ hasText: '« Appeler les patients isolés » retiré du plan.' });
  await expect(undo.getByRole('button', { name: 'Annuler' })).toBeFocused();
  await undo.getByRole('button', { name: 'Annuler' }).click();
  await expect(when(bruno.page)).toHaveValue('H+2');
  await expectNoSeriousViolations(alice.page, 'plan');

  // Statuses: Bruno, a suppléant, may send it; only the coordination records the validation.
  await bruno.page.getByRole('button', { name: 'Transmettre à l’ARS et à la CPAM' }).click();
  await expect(alice.page.locator('.plan-status .badge')).toHaveText('Transmis ARS + CPAM');
  await expect(bruno.page.getByRole('button', { name: 'Enregistrer la validation' })).toHaveCount(0);
  await alice.page.getByRole('button', { name: 'Enregistrer la validation' }).click();
  await alice.page.getByRole('button', { name: 'Mettre le plan en vigueur' }).click();
  await expect(bruno.page.locator('.plan-status .badge')).toHaveText('Actif');

  // The volunteers, by typology, exported for the day the app is not at hand.
  const volunteers = alice.page.getByRole('region', { name: 'Annuaire de crise : volontaires' });
  await expect(volunteers.getByRole('cell', { name: 'Bruno Lefèvre', exact: true })).toBeVisible();
  await volunteers.getByLabel('Typologie').selectOption({ label: '4. Agent NRC' });
  await expect(volunteers.getByText('0 volontaire')).toBeVisible();
  await volunteers.getByLabel('Typologie').selectOption({ label: 'Toutes' });
  const { text: csv } = await downloaded(alice.page, () =>
    volunteers.getByRole('button', { name: 'Exporter pour un tableur' }).click(),
  );
  expect(csv).toContain('Bruno Lefèvre;Infirmier·ère;05 55 12 34 56');
  expect(csv).toContain('Soirs et week-ends');

  // The yearly update after a change: its comparison with the plan as sent shows the change, and prints.
  await alice.page.getByLabel('Numéro d’astreinte').fill('06 11 22 33 44');
  await alice.page.getByLabel('Ce qui a changé').fill('Numéro d’astreinte ajouté.');
  await alice.page.getByRole('button', { name: 'Enregistrer la mise à jour annuelle' }).click();
  await expect(alice.page.getByText('Mise à jour annuelle enregistrée.')).toBeVisible();
  // Any version can be named and compared with today, as in a protocol.
  const versions = alice.page.locator('#plan-versions');
  await versions.getByLabel('Nom de la version').fill('Avant exercice');
  await versions.getByRole('button', { name: 'Enregistrer la version' }).click();
  await expect(versions.getByRole('list', { name: 'Versions du plan' })).toContainText('Avant exercice');
  await expect(versions).toContainText('Actif · v');
  await versions
    .getByRole('listitem')
    .filter({ hasText: 'Transmis ARS + CPAM' })
    .getByRole('button', { name: 'Comparer à l’actuelle' })
    .click();
  const dialog = alice.page.getByRole('dialog', { name: 'Comparaison des versions' });
  await expect(dialog.locator('ins')).toContainText('Numéro d’astreinte : 06 11 22 33 44');
  await dialog.getByRole('button', { name: 'Fermer' }).click();
  await alice.page.getByRole('link', { name: 'Imprimer la comparaison' }).click();
  await expect(alice.page.getByText('Comparée avec : Transmis ARS + CPAM')).toBeVisible();
  await expect(alice.page.locator('.diff ins')).toContainText('Numéro d’astreinte : 06 11 22 33 44');
  await expectNoSeriousViolations(alice.page, 'comparaison');
  await alice.page.getByRole('link', { name: 'Retour au plan' }).click();

  // The canicule sheet as a one-page checklist, on the phone and as a PDF.
  await bruno.page.getByRole('link', { name: 'Imprimer la fiche' }).click();
  await expect(bruno.page).toHaveURL(/impression\?fiche=malades_fragiles/);
  await expect(bruno.page.getByRole('heading', { level: 1, name: /Malades, populations fragiles/ })).toBeVisible();
  await expect(bruno.page.getByRole('table')).toContainText('Appeler les patients isolés');
  await expect(
    bruno.page.getByText(/^Plan de crise «\s*Plan SSE de la CPTS Vézère\s*» · .+ · imprimée le \d/),
  ).toBeVisible();
  expect(await overflow(bruno.page)).toBeLessThanOrEqual(0);
  await expectNoSeriousViolations(bruno.page, 'fiche');
  await bruno.page.emulateMedia({ media: 'print' });
  await expect(bruno.page.getByRole('button', { name: 'Imprimer' })).toBeHidden();
  await bruno.page.emulateMedia({ media: 'screen' });
  const pdf = await bruno.page.pdf({ format: 'A4', printBackground: true });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);

  // An observer reads the plan, and nothing more.
  const agnes = await newUser('Agnès Roy', 'Pharmacien·ne');
  await joinWorkspace(agnes.page, observerLink);
  await openSection(agnes.page, 'Plan de crise');
  await expect(agnes.page.getByText('Accès en lecture seule')).toBeVisible();
  await expect(agnes.page.getByRole('button', { name: 'Créer le plan à partir du modèle national' })).toHaveCount(0);
  await agnes.page.getByRole('link', { name: 'Plan SSE de la CPTS Vézère' }).click();
  await expect(planBody(agnes.page)).toContainText('Montignac, Terrasson ; trois MSP.');
  await expect(planBody(agnes.page)).toHaveAttribute('contenteditable', 'false');
  await expect(agnes.page.getByLabel('Lieu principal de la cellule de crise')).toHaveAttribute('readonly', '');
  await expect(agnes.page.getByRole('button', { name: /Archiver|Revenir au brouillon/ })).toHaveCount(0);
  await expect(agnes.page.getByRole('form', { name: 'Ajouter l’action' })).toHaveCount(0);
  await expect(agnes.page.getByRole('form', { name: 'Enregistrer la mise à jour annuelle' })).toHaveCount(0);
  await expectNoSeriousViolations(agnes.page, 'plan en lecture');

  // The whole plan prints, dated; the sheet written so far on a page of its own, the four empty ones only named.
  await alice.page.goto(`${planPath}/impression`);
  const printed = alice.page.locator('.plan-print');
  await expect(printed).toContainText('MSP de Montignac, salle 1');
  await expect(printed).toContainText(/version \d{4} · imprimé le \d/);
  await expect(printed.getByRole('heading', { level: 2, name: /Malades, populations fragiles/ })).toBeVisible();
  await expect(printed.getByRole('heading', { level: 2, name: /Agent NRC|nucléaire/ })).toHaveCount(0);
  await expect(printed).toContainText(/Ces 4 fiches n’ont encore ni consigne ni action\s:\s1\. Blessés/);
  await expectNoSeriousViolations(alice.page, 'plan imprimé');

  // Bruno, the plan's suppléant référent (a member, not a coordinator), activates it; the coordinator extends the
  // alert to the volunteers, and Bruno, one for typology 2, is told he is called in until he answers.
  await bruno.page.goto(`${workspace}/crise`);
  await bruno.page.getByRole('radio', { name: /^Malades, populations fragiles/ }).check();
  await bruno.page.getByRole('radio', { name: 'Préfet' }).check();
  await bruno.page.getByRole('button', { name: 'Activer et alerter les membres' }).click();
  await expect(bruno.page).toHaveURL(/\/crise\/[A-Za-z0-9_-]{21}$/);
  // The banner's links come at once, above what the activation's document adds: they never move under a finger.
  const aliceBanner = alice.page.getByTestId('crisis-banner');
  await expect(aliceBanner.getByText('Accusez réception de l’alerte')).toBeVisible();
  expect(await layoutShifts(alice.page, '.crisis-banner')).toEqual([]);
  await aliceBanner.getByRole('link', { name: 'Ouvrir la cellule de crise' }).click();
  await alice.page
    .getByLabel('Alerter le groupe suivant')
    .selectOption({ label: 'Les bénévoles de l’annuaire de crise' });
  await alice.page.getByLabel('Motif').fill('Renfort des bénévoles');
  await alice.page.getByRole('button', { name: 'Consigner la montée en puissance' }).click();
  await expect(alice.page.getByTestId('crisis-escalation')).toContainText('1 personne(s) appelée(s) : Bruno Lefèvre');
  await openSection(bruno.page, 'Accueil');
  const called = bruno.page.getByTestId('crisis-banner');
  await expect(called).toContainText(
    'Renfort demandé : l’alerte vous est étendue (Les bénévoles de l’annuaire de crise)',
  );
  expect(await overflow(bruno.page)).toBeLessThanOrEqual(0);
  await expectNoSeriousViolations(bruno.page, 'bannière : renfort demandé');
  await called.getByRole('button', { name: 'Reçu, disponible' }).click();
  await expect(called.getByRole('status')).toContainText('Vous avez répondu : disponible');
  await expect(called).not.toContainText('Renfort demandé');
  // The banner leads to the typology's actions sheet of the plan in force.
  await called.getByRole('link', { name: 'Fiche d’actions de la typologie' }).click();
  await expect(bruno.page.getByRole('table')).toContainText('Appeler les patients isolés');
  expect(workspace).toContain('/w/');
});
