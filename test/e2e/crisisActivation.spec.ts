// Crisis activation: the coordinator activates typology 2 (canicule), two members on their phones see the banner on
// whatever screen they are and acknowledge, one writes in the main courante offline, the cell sees the answers and
// the merged log; a task, an escalation; then the crisis is ended, the banners go, and the RETEX is written. Axe and
// phone width on the new screens.
import { expectNoSeriousViolations as expectAxeClean } from './axe';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { createWorkspace, dateField, fillTime, invite, joinWorkspace, openSection, overflow } from './steps';

const expectNoSeriousViolations = (page: Page, screen: string) =>
  expectAxeClean(page, screen, /\b(?:crisis|errors)\.[a-z][A-Za-z.]+/);
const PARIS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const parisTime = (ms: number) => PARIS.format(new Date(ms));
/** Empties an hh:mm field: Backspace clears each segment from the last, stepping back to the previous. */
async function clearTime(page: Page, label: RegExp) {
  await dateField(page, label).getByRole('spinbutton').last().click();
  for (let i = 0; i < 6; i++) await page.keyboard.press('Backspace');
  await page.keyboard.press('Tab');
}
const CANICULE = 'Malades, populations fragiles (épidémie saisonnière, canicule, grand froid, pollution)';

test('a crisis is activated, acknowledged, logged offline and online, then ended', async ({ newUser }) => {
  test.setTimeout(240_000); // three browsers and several axe runs on a loaded machine
  const alice = await newUser('Alice Martin', 'Médecin généraliste');
  const bruno = await newUser('Bruno Lefèvre', 'Infirmier·ère');
  const claire = await newUser('Claire Faure', 'Pharmacien·ne');
  const workspace = await createWorkspace(alice.page, 'CPTS en alerte');
  await joinWorkspace(bruno.page, await invite(alice.page));
  await joinWorkspace(claire.page, await invite(alice.page));
  for (const phone of [bruno.page, claire.page]) await phone.setViewportSize({ width: 390, height: 844 });

  // Activation without typology or authority: refused in French, nothing created.
  await alice.page.goto(`${workspace}/crise`);
  await expect(alice.page.getByRole('heading', { name: 'Crise sanitaire', level: 1 })).toBeVisible();
  await expectNoSeriousViolations(alice.page, 'crise');
  await alice.page.getByRole('button', { name: 'Activer et alerter les membres' }).click();
  await expect(alice.page.getByText('Choisissez la typologie de la crise.')).toBeVisible();
  await expect(alice.page.getByText('Indiquez qui a qualifié la crise : DG ARS, préfet ou ministre.')).toBeVisible();
  await expect(alice.page).toHaveURL(/\/crise$/);
  await expect(alice.page.getByTestId('crisis-banner')).toHaveCount(0);
  await expectNoSeriousViolations(alice.page, 'activer (erreurs)');

  await alice.page.getByRole('radio', { name: CANICULE }).check();
  await alice.page.getByRole('radio', { name: 'Préfet' }).check();
  await alice.page.getByLabel(/Référence de l’autorité/).fill('Arrêté préfectoral canicule n° 41');
  await alice.page.getByRole('button', { name: 'Activer et alerter les membres' }).click();
  await expect(alice.page).toHaveURL(/\/crise\/[A-Za-z0-9_-]{21}$/);
  await expect(alice.page.getByRole('heading', { level: 1 })).toContainText('Malades, populations fragiles');
  await expect(alice.page.getByText('Qualifiée par : Préfet')).toBeVisible();

  // Bruno and Claire, on the home screen, get the banner without opening anything, and acknowledge from it.
  for (const [user, answer] of [
    [bruno, 'Reçu, disponible'],
    [claire, 'Reçu, indisponible'],
  ] as const) {
    const banner = user.page.getByTestId('crisis-banner');
    await expect(banner).toContainText(`Crise activée : ${CANICULE}`);
    await expectNoSeriousViolations(user.page, `bannière (${user.name})`);
    expect(await overflow(user.page)).toBe(0);
    await banner.getByRole('button', { name: answer }).click();
    await expect(banner.getByRole('status')).toContainText('Vous avez répondu');
  }

  // The cell sees who answered, live.
  const counts = alice.page.getByTestId('crisis-board-counts');
  await expect(counts).toHaveText('Disponibles : 1 · indisponibles : 1 · sans réponse : 1');
  await expect(alice.page.getByTestId('crisis-board-available')).toContainText('Bruno Lefèvre');
  await expect(alice.page.getByTestId('crisis-board-unavailable')).toContainText('Claire Faure');
  await expect(alice.page.getByTestId('crisis-board-unanswered')).toContainText('Alice Martin');

  // Bruno opens the cell from the banner on his phone, loses the network and writes in the main courante.
  await bruno.page.getByTestId('crisis-banner').getByRole('link', { name: 'Ouvrir la cellule de crise' }).click();
  await expect(bruno.page.getByRole('heading', { name: 'Main courante' })).toBeVisible();
  await expect(bruno.page.getByTestId('crisis-banner')).toHaveCount(0);
  await expectNoSeriousViolations(bruno.page, 'cellule (téléphone)');
  expect(await overflow(bruno.page)).toBe(0);
  await bruno.context.setOffline(true);
  await bruno.page.getByLabel('Texte de l’entrée').fill('Pharmacie de garde jointe : eau en stock');
  await bruno.page.getByRole('button', { name: 'Ajouter à la main courante' }).click();
  const brunoLog = bruno.page.getByTestId('crisis-log');
  await expect(brunoLog.getByTestId('crisis-entry')).toHaveCount(1);

  // Meanwhile Alice records a decision; an empty entry is refused in French.
  await alice.page.getByRole('button', { name: 'Ajouter à la main courante' }).click();
  await expect(alice.page.getByText('Écrivez le texte de l’entrée.')).toBeVisible();
  await alice.page.getByLabel('Texte de l’entrée').fill('Ouverture de la salle rafraîchie de la mairie');
  await alice.page.getByRole('radio', { name: 'Décision' }).check();
  // A time later than now (today, Paris) is refused, nothing written; the hour after 23:00 is tomorrow, not typed.
  const later = parisTime(Date.now() + 3_600_000);
  if (later > parisTime(Date.now())) {
    await fillTime(alice.page, /^Heure/, later);
    await alice.page.getByRole('button', { name: 'Ajouter à la main courante' }).click();
    await expect(alice.page.getByText('Cette heure est dans le futur')).toBeVisible();
    await expect(alice.page.getByText('Aucune entrée.')).toBeVisible();
    await clearTime(alice.page, /^Heure/);
  }
  await alice.page.getByRole('button', { name: 'Ajouter à la main courante' }).click();
  const aliceLog = alice.page.getByTestId('crisis-log');
  await expect(aliceLog.getByTestId('crisis-entry')).toHaveCount(1);

  // Back online, both logs hold both entries, Bruno's first: it was written first, offline.
  await bruno.context.setOffline(false);
  for (const log of [aliceLog, brunoLog]) {
    await expect(log.getByTestId('crisis-entry')).toHaveCount(2);
    await expect(log.getByTestId('crisis-entry').nth(0)).toContainText('Pharmacie de garde jointe : eau en stock');
    await expect(log.getByTestId('crisis-entry').nth(0)).toContainText('Bruno Lefèvre');
    await expect(log.getByTestId('crisis-entry').nth(1)).toContainText('Ouverture de la salle rafraîchie');
  }

  // The cell marks Bruno's entry to check; the handover lists it with the decision.
  await aliceLog.getByTestId('crisis-entry').nth(0).getByRole('button', { name: 'Marquer à vérifier' }).click();
  await expect(brunoLog.getByTestId('crisis-entry').nth(0)).toContainText('À vérifier (Alice Martin');
  const handover = alice.page.getByTestId('crisis-handover');
  await expect(handover).toContainText('À vérifier (1)');
  await expect(handover).toContainText('Décisions (1)');

  // The cell gives Bruno a task; he marks it done on his phone; the ACI counts follow. The alert goes to the
  // suppléants (none without a plan), recorded with who and when, and as a decision in the main courante.
  await alice.page.getByLabel('Tâche (d’après la fiche de la typologie)').fill('Appeler les patients isolés');
  await alice.page.getByLabel('Confiée à').selectOption({ label: 'Bruno Lefèvre' });
  // By when: the time typed, today or (once past) tomorrow, shown with the task on Bruno's phone.
  await fillTime(alice.page, /^À faire avant/, '23:30');
  await alice.page.getByRole('button', { name: 'Confier la tâche' }).click();
  await expect(bruno.page.getByTestId('crisis-tasks')).toContainText(
    /Appeler les patients isolés — Bruno Lefèvre · avant .*23:30/,
  );
  await bruno.page.getByLabel('Statut de « Appeler les patients isolés »').selectOption({ label: 'Faite' });
  await expect(alice.page.getByTestId('crisis-figures')).toHaveText(
    'Pour l’ACI : 2 professionnel(s) mobilisé(s), 1 action(s) réalisée(s).',
  );
  await alice.page.getByRole('button', { name: 'Consigner la montée en puissance' }).click();
  await expect(alice.page.getByText('Indiquez le motif de la montée en puissance.')).toBeVisible();
  await alice.page.getByLabel('Alerter le groupe suivant').selectOption({ label: 'Les suppléants' });
  await alice.page.getByLabel('Motif').fill('Trop peu de disponibles');
  await alice.page.getByRole('button', { name: 'Consigner la montée en puissance' }).click();
  await expect(bruno.page.getByTestId('crisis-escalation')).toContainText(
    'Alice Martin : alerte étendue : Les suppléants, personne à appeler dans ce groupe (Trop peu de disponibles)',
  );
  await expect(brunoLog.getByTestId('crisis-entry')).toHaveCount(3);
  await expectNoSeriousViolations(alice.page, 'cellule');

  // Deactivation: the banner goes on every device, the log stays readable and closed.
  await alice.page.getByRole('button', { name: 'Lever la crise' }).click();
  await alice.page.getByRole('alertdialog').getByRole('button', { name: 'Lever la crise' }).click();
  await expect(alice.page.getByText(/^Levée par Alice Martin/)).toBeVisible();
  await expect(claire.page.getByTestId('crisis-banner')).toHaveCount(0);
  await expect(bruno.page.getByText(/^Levée par Alice Martin/)).toBeVisible();
  await expect(bruno.page.getByRole('button', { name: 'Ajouter à la main courante' })).toHaveCount(0);
  await expect(brunoLog.getByTestId('crisis-entry')).toHaveCount(3);
  // The RETEX, once ended: written by Alice, read on Bruno's phone.
  await alice.page.getByLabel('Ce qui s’est passé').fill('Canicule de cinq jours, salle rafraîchie ouverte');
  await alice.page.getByRole('button', { name: 'Enregistrer le RETEX' }).click();
  await expect(bruno.page.getByLabel('Ce qui s’est passé')).toHaveValue(
    'Canicule de cinq jours, salle rafraîchie ouverte',
  );
  await expect(bruno.page.getByTestId('crisis-retex')).toContainText('RETEX enregistré par Alice Martin');
  expect(await overflow(bruno.page)).toBe(0);
  await expectNoSeriousViolations(bruno.page, 'crise levée (téléphone)');
  // The RETEX prints, with the crisis as recorded.
  await bruno.page.getByRole('link', { name: 'Imprimer le RETEX' }).click();
  const retexSheet = bruno.page.getByTestId('crisis-retex-print');
  await expect(retexSheet).toContainText('Canicule de cinq jours, salle rafraîchie ouverte');
  await expect(retexSheet).toContainText('Appeler les patients isolés — Bruno Lefèvre : Faite');
  await expect(retexSheet).toContainText('Référence : Arrêté préfectoral canicule n° 41');
  expect(await overflow(bruno.page)).toBe(0);
  await expectNoSeriousViolations(bruno.page, 'RETEX imprimable');
  await openSection(bruno.page, 'Accueil');
  await expect(bruno.page.getByRole('heading', { name: 'Accueil', level: 1 })).toBeVisible();
  await expect(bruno.page.getByTestId('crisis-banner')).toHaveCount(0);

  // An exercise is recorded the same way: its scenario is required, and the banner says it is an exercise.
  await alice.page.goto(`${workspace}/crise`);
  await alice.page.getByRole('radio', { name: /Agent NRC/ }).check();
  await alice.page.getByRole('radio', { name: 'Préfet' }).check();
  await alice.page.getByLabel('Il s’agit d’un exercice (compté à part)').check();
  await alice.page.getByRole('button', { name: 'Activer et alerter les membres' }).click();
  await expect(alice.page.getByText('Décrivez le scénario de l’exercice.')).toBeVisible();
  await alice.page.getByLabel('Scénario de l’exercice').fill('Fuite de chlore à l’usine, douze victimes');
  await alice.page.getByRole('button', { name: 'Activer et alerter les membres' }).click();
  await expect(alice.page.getByText('Exercice : Fuite de chlore à l’usine, douze victimes')).toBeVisible();
  await expect(bruno.page.getByTestId('crisis-banner')).toContainText('Exercice de crise : Agent NRC');
});
