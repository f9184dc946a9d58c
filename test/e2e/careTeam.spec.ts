// Care teams: a patient case opens for its team only; the relay's list follows the team at once, both ways.
import { seriousViolations } from './axe';
import { test, expect } from './fixtures';
import {
  addCaseNote,
  addToCareTeam,
  careTeam,
  careTimeline,
  createWorkspace,
  docStatus,
  fillDate,
  openSection,
  invite,
  joinWorkspace,
  newPatientCase,
  newProtocol,
  storedUpdates,
} from './steps';

test('the care team alone opens the case; added and removed members gain and lose it at once', async ({ newUser }) => {
  // Three browsers, a team changed four times, and an axe pass: over a minute on a busy two-core machine.
  test.setTimeout(150_000);
  const alice = await newUser('Alice Martin', 'Médecin généraliste');
  const bruno = await newUser('Bruno Lefèvre', 'Infirmier·ère');
  const claire = await newUser('Claire Faure', 'Masseur·se-kinésithérapeute');
  const workspace = await createWorkspace(alice.page, 'CPTS Soignante');
  await joinWorkspace(bruno.page, await invite(alice.page));
  await joinWorkspace(claire.page, await invite(alice.page));
  // A document everyone sees, so Claire's catalogue is known to be synced when the case is missing from it.
  await newProtocol(alice.page);
  await alice.page.goto(workspace);

  const casePath = await newPatientCase(alice.page, ['Bruno Lefèvre']);
  const team = careTeam(alice.page);
  await expect(team.getByRole('listitem')).toHaveCount(2);
  await expect(team.getByRole('listitem').filter({ hasText: 'Alice Martin' })).toContainText('créateur·rice');
  await expect(team.getByRole('listitem').filter({ hasText: 'Bruno Lefèvre' })).toContainText('Infirmier·ère');
  await expect(team.getByTestId('care-team-status')).toContainText(
    'Liste en place : seules ces personnes peuvent ouvrir le dossier.',
  );
  await expect(alice.page.getByText('M.D.')).toHaveCount(0);
  await expect(alice.page.getByText('MD · Féminin · née en 1948 · Tulle')).toBeVisible();

  // Bruno finds it in his « Dossiers » under its neutral title, and writes in it; Alice sees it live.
  await bruno.page.goto(workspace);
  await openSection(bruno.page, 'Dossiers');
  const entry = bruno.page.getByRole('link', { name: /^Dossier de coordination · réf\. / });
  await expect(entry).toHaveCount(1);
  await expect(bruno.page.getByRole('list', { name: 'Dossiers de coordination' })).not.toContainText('Tulle');
  await entry.click();
  await expect(bruno.page).toHaveURL(new RegExp(`${casePath}$`));
  await expect(docStatus(bruno.page)).toHaveAttribute('data-state', 'synced');
  await addCaseNote(bruno.page, 'Pansement refait, plaie propre.');
  await expect(careTimeline(alice.page)).toContainText('Pansement refait, plaie propre.');
  await expect(careTimeline(alice.page)).toContainText('Bruno Lefèvre');

  // Back in « Dossiers », Bruno finds the case by its patient or by his note; the list itself still names no patient.
  await openSection(bruno.page, 'Dossiers');
  const cases = bruno.page.getByRole('list', { name: 'Dossiers de coordination' });
  const search = bruno.page.getByRole('searchbox', { name: 'Rechercher un dossier' });
  await search.fill('tulle');
  await expect(cases.getByRole('listitem')).toHaveCount(1);
  await expect(cases.locator('mark')).toHaveText('Tulle');
  await expect(bruno.page.getByLabel('Trier par')).toHaveValue('relevance');
  await search.fill('pansement');
  await expect(cases.locator('mark')).toHaveText('Pansement');
  await search.fill('Brest');
  await expect(bruno.page.getByText('Aucun de vos dossiers ne correspond à « Brest ».')).toBeVisible();
  await expect(cases.getByRole('listitem')).toHaveCount(0);
  await search.fill('');
  await bruno.page.getByLabel('Statut').selectOption({ label: 'Clos' });
  await expect(bruno.page.getByText('Aucun dossier avec ce statut.')).toBeVisible();
  await bruno.page.getByLabel('Statut').selectOption({ label: 'En cours' });
  await expect(cases.getByRole('listitem')).toHaveCount(1);
  await expect(cases).not.toContainText('Tulle');
  await cases.getByRole('link').click();
  await expect(bruno.page).toHaveURL(new RegExp(`${casePath}$`));

  // Alice gives Bruno an action with a due date typed jj/mm/aaaa; it waits for him on his home screen.
  const due = `15/01/${new Date().getFullYear() + 1}`;
  await alice.page.getByLabel('Action', { exact: true }).fill('Refaire le pansement');
  await alice.page.getByLabel('Responsable', { exact: true }).selectOption({ label: 'Bruno Lefèvre' });
  await fillDate(alice.page, 'Échéance', due);
  await alice.page.getByRole('button', { name: 'Ajouter l’action' }).click();
  await expect(bruno.page.getByRole('list', { name: 'Actions', exact: true })).toContainText('Refaire le pansement');
  await openSection(bruno.page, 'Accueil');
  const forYou = bruno.page.getByRole('region', { name: 'Pour vous' });
  await expect(forYou).toContainText('À faire : Refaire le pansement');
  await expect(forYou).toContainText(`pour le 15 janv. ${new Date().getFullYear() + 1}`);
  await expect(forYou.getByRole('link', { name: /^Dossier de coordination · réf\. / })).toHaveAttribute(
    'href',
    casePath,
  );
  await bruno.page.goto(casePath);

  // Claire is not on the team: the case is not in her catalogue, and its link says whom to ask.
  await claire.page.goto(workspace);
  await expect(claire.page.getByRole('link', { name: 'Nouveau protocole' })).toHaveCount(1);
  await expect(claire.page.getByRole('link', { name: /^Dossier de coordination/ })).toHaveCount(0);
  await claire.page.goto(casePath);
  const refusal = claire.page.getByRole('alert');
  await expect(refusal).toContainText('Vous ne faites pas partie de l’équipe de soins de ce patient');
  await expect(refusal).toContainText('demandez à la personne qui a créé le dossier ou à un·e coordinateur·rice');
  await expect(claire.page.getByText('Pansement refait')).toHaveCount(0);

  // Alice adds her: she gets in.
  await addToCareTeam(alice.page, 'Claire Faure');
  await expect(team.getByRole('listitem')).toHaveCount(3);
  await expect(team.getByTestId('care-team-status')).toContainText(
    'Liste en place : seules ces personnes peuvent ouvrir le dossier.',
  );
  await claire.page.getByRole('button', { name: 'Réessayer' }).click();
  await expect(careTimeline(claire.page)).toContainText('Pansement refait, plaie propre.');
  await expect(docStatus(claire.page)).toHaveAttribute('data-state', 'synced');

  // Alice removes Bruno: his open screen says so at once, shows nothing of the case any more, and his device keeps no copy.
  const docId = casePath.split('/').pop()!;
  expect(await storedUpdates(bruno.page, docId)).toBeGreaterThan(0);
  await team.getByRole('button', { name: 'Retirer Bruno Lefèvre de l’équipe de soins' }).click();
  const confirm = alice.page.getByRole('alertdialog', { name: 'Retirer Bruno Lefèvre de l’équipe de soins ?' });
  await expect(confirm).toContainText('Son accès au dossier est coupé immédiatement');
  await confirm.getByRole('button', { name: 'Retirer de l’équipe' }).click();
  await expect(bruno.page.getByRole('alert')).toContainText(
    'Vous ne faites plus partie de l’équipe de soins de ce patient',
  );
  await expect(bruno.page.getByText('Pansement refait')).toHaveCount(0);
  await expect.poll(() => storedUpdates(bruno.page, docId)).toBe(0);
  await expect(team.getByRole('listitem')).toHaveCount(2);
  await expect(team.getByTestId('care-team-status')).toContainText(
    'Liste en place : seules ces personnes peuvent ouvrir le dossier.',
  );
  await bruno.page.goto(workspace);
  await expect(bruno.page.getByRole('link', { name: 'Nouveau protocole' })).toHaveCount(1);
  await expect(bruno.page.getByRole('link', { name: /^Dossier de coordination/ })).toHaveCount(0);

  expect(await seriousViolations(claire.page, null)).toEqual([]);
});

test('a case created offline stays on its device, and syncs, screen closed, only once the relay holds its care team', async ({
  newUser,
}) => {
  const alice = await newUser('Alice Martin', 'Médecin généraliste', { worksOffline: true });
  const bruno = await newUser('Bruno Lefèvre', 'Infirmier·ère');
  const workspace = await createWorkspace(alice.page, 'CPTS Déconnectée');
  await joinWorkspace(bruno.page, await invite(alice.page));
  await openSection(alice.page, 'Dossiers');
  await alice.page.getByRole('link', { name: 'Nouveau dossier de coordination' }).click();
  await addToCareTeam(alice.page, 'Bruno Lefèvre');
  // The case screen's code must be on the device before the network goes: the service worker keeps every screen's.
  await alice.page.waitForFunction(async () => {
    for (const name of await caches.keys())
      for (const request of await (await caches.open(name)).keys())
        if (request.url.includes('/assets/PatientCaseScreen-')) return true;
    return false;
  });
  await alice.page.goto(workspace);
  await alice.page.waitForFunction(() => navigator.serviceWorker.controller !== null);

  await alice.context.setOffline(true);
  const casePath = await newPatientCase(alice.page, ['Bruno Lefèvre']);
  await expect(alice.page.getByTestId('case-banner')).toContainText('Ce dossier n’est encore que sur cet appareil');
  await expect(docStatus(alice.page)).toHaveAttribute('data-state', 'offline');
  await addCaseNote(alice.page, 'Écrit hors ligne, chez la patiente.');

  // Bruno has the link but the relay has no list yet: he is told to wait, and nothing syncs.
  await bruno.page.goto(casePath);
  await expect(bruno.page.getByTestId('case-banner')).toContainText('Ce dossier n’est pas encore partagé');
  await expect(careTimeline(bruno.page)).toHaveCount(0);

  // Alice leaves the case before the network comes back: her device shares it on its own. Meanwhile her list shows it,
  // from her device: the shared catalogue will hear of it only once the relay holds its care team.
  await alice.page.getByRole('link', { name: '← Dossiers' }).click();
  await expect(alice.page.getByRole('link', { name: /^Dossier de coordination · réf\. / })).toHaveCount(1);
  await alice.context.setOffline(false);
  // Bruno's screen asks again on its own and opens the case, with what Alice wrote offline.
  await expect(careTimeline(bruno.page)).toContainText('Écrit hors ligne, chez la patiente.');
  await expect(docStatus(bruno.page)).toHaveAttribute('data-state', 'synced');
  await alice.page.goto(casePath);
  await expect(docStatus(alice.page)).toHaveAttribute('data-state', 'synced');
  await expect(alice.page.getByTestId('case-banner')).toHaveCount(0);
  await expect(careTeam(alice.page).getByTestId('care-team-status')).toContainText(
    'Liste en place : seules ces personnes peuvent ouvrir le dossier.',
  );
});

test('a coordinator not on the team is refused, then joins it on purpose, and the journal says so', async ({
  newUser,
}) => {
  const alice = await newUser('Alice Martin', 'Coordinateur·rice');
  const bruno = await newUser('Bruno Lefèvre', 'Infirmier·ère');
  const workspace = await createWorkspace(alice.page, 'CPTS Coordonnée');
  await joinWorkspace(bruno.page, await invite(alice.page));
  const casePath = await newPatientCase(bruno.page);
  await addCaseNote(bruno.page, 'Chute la semaine dernière.');
  await expect(docStatus(bruno.page)).toHaveAttribute('data-state', 'synced');

  await alice.page.goto(casePath);
  await expect(alice.page.getByRole('alert')).toContainText(
    'Vous ne faites pas partie de l’équipe de soins de ce patient',
  );
  await expect(alice.page.getByText('Cet ajout est inscrit dans le journal d’accès')).toBeVisible();
  await alice.page.getByRole('button', { name: 'M’ajouter à l’équipe de soins' }).click();
  await expect(careTimeline(alice.page)).toContainText('Chute la semaine dernière.');
  await expect(careTeam(alice.page).getByRole('listitem').filter({ hasText: 'Alice Martin' })).toBeVisible();
  // The team in the document and the relay's list agree on both screens: nobody pushes Alice back out.
  await expect(careTeam(bruno.page).getByRole('listitem').filter({ hasText: 'Alice Martin' })).toBeVisible();
  await expect(careTeam(bruno.page).getByTestId('care-team-status')).toContainText(
    'Liste en place : seules ces personnes peuvent ouvrir le dossier.',
  );
  await expect(careTeam(alice.page).getByTestId('care-team-status')).toContainText(
    'Liste en place : seules ces personnes peuvent ouvrir le dossier.',
  );

  // Closing the case asks first, and says it can be reopened.
  await bruno.page.getByRole('button', { name: 'Clore le dossier' }).click();
  const closing = bruno.page.getByRole('alertdialog', { name: 'Clore ce dossier ?' });
  await expect(closing).toContainText('Vous pourrez le rouvrir à tout moment');
  await expect(closing.getByRole('button', { name: 'Annuler' })).toBeFocused();
  await closing.getByRole('button', { name: 'Clore le dossier' }).click();
  await expect(bruno.page.getByRole('button', { name: 'Rouvrir le dossier' })).toBeVisible();

  await alice.page.goto(`${workspace}/acces`);
  const journal = alice.page.getByRole('list', { name: /^Journal résumé/ });
  await expect(journal).toContainText(/Alice Martin \(.+\) a changé qui peut ouvrir /);
});
