// A change the relay will never take stays on its device and is named in « Mon appareil »: Bruno answers a meeting
// offline, the animatrice validates it meanwhile, and his answer, refused, is neither lost nor « en cours d'envoi »
// for ever.
import { test, expect } from './fixtures';
import { expectNoSeriousViolations } from './axe';
import { createWorkspace, docStatus, fillDate, fillTime, invite, joinWorkspace } from './steps';

test('an answer given offline to a meeting validated meanwhile is named in « Mon appareil »', async ({ newUser }) => {
  const alice = await newUser('Alice Martin', 'Médecin généraliste');
  const bruno = await newUser('Bruno Lefèvre', 'Infirmier·ère');
  const workspace = await createWorkspace(alice.page, 'CPTS Validée');
  await joinWorkspace(bruno.page, await invite(alice.page));

  await alice.page.goto(`${workspace}/concertations`);
  await alice.page.getByRole('button', { name: 'Planifier une concertation' }).click();
  await alice.page.getByLabel('Lieu').fill('Maison de santé, salle 2');
  await fillDate(alice.page, 'Date', '06/01/2099');
  await fillTime(alice.page, 'Début', '14:00');
  await fillTime(alice.page, 'Fin', '15:30');
  await alice.page.getByLabel('Rechercher dans l’annuaire').fill('Bruno');
  await alice.page.getByRole('button', { name: 'Inviter Bruno Lefèvre à la concertation' }).click();
  await alice.page.getByRole('button', { name: 'Planifier', exact: true }).click();
  await expect(alice.page).toHaveURL(/\/concertations\/[A-Za-z0-9_-]{21}$/);
  const meetingPath = new URL(alice.page.url()).pathname;
  await expect(alice.page.getByTestId('participants-status')).toContainText('Liste en place');

  // Bruno opens it, and « Mon appareil » once so that its screen's code is loaded, then comes back to the meeting.
  await bruno.page.goto(meetingPath);
  await expect(docStatus(bruno.page)).toHaveAttribute('data-state', 'synced');
  await bruno.page.getByRole('link', { name: 'Mon appareil' }).click();
  await expect(bruno.page.getByRole('heading', { name: 'Mon appareil', level: 1 })).toBeVisible();
  await bruno.page.goBack();
  await expect(bruno.page.getByRole('radio', { name: 'Présent·e' })).toBeVisible();

  // Offline, he answers « présent », and leaves the meeting: the answer waits on his device.
  await bruno.context.setOffline(true);
  await bruno.page.getByRole('radio', { name: 'Présent·e' }).check();
  await bruno.page.getByRole('link', { name: 'Mon appareil' }).click();
  await expect(bruno.page.getByText('Un document modifié sur cet appareil n’a pas encore été envoyé')).toBeVisible();

  // Meanwhile Alice holds the meeting and validates its minutes: from then on the relay refuses every write to it.
  await alice.page.getByRole('button', { name: 'Marquer comme tenue' }).click();
  await alice.page.getByRole('button', { name: 'Valider le compte rendu' }).click();
  await expect(alice.page.getByTestId('concertation-status')).toContainText('Validée');

  // Back online, his device sends the answer without the meeting's screen, is refused three times, and says so.
  await bruno.context.setOffline(false);
  const refused = bruno.page.getByText('Une modification faite sur cet appareil n’a pas pu être envoyée');
  await expect(refused).toBeVisible({ timeout: 60_000 });
  // It says why in the words of what happened, not as a matter of access to ask for.
  await expect(refused).toContainText('validé ou clos entre-temps');
  await expect(refused).not.toContainText('demandez l’accès');
  await expect(bruno.page.getByText(/modifiés? sur cet appareil (est|sont|n’a|n’ont)/)).toHaveCount(0);
  const named = bruno.page.getByRole('link', { name: /RCP patient/ });
  await expect(named).toHaveAttribute('href', meetingPath);
  await expectNoSeriousViolations(bruno.page, 'mon appareil (modification refusée)');

  // Nothing of it reached the meeting: Alice still reads no answer from Bruno.
  const attendance = alice.page.getByRole('list', { name: 'Présence' });
  await expect(attendance.getByRole('listitem').filter({ hasText: 'Bruno Lefèvre' })).toContainText('Sans réponse');
  // On his device it is still there: the meeting's screen shows his answer, and says it was not kept.
  await named.click();
  const mine = bruno.page.getByRole('list', { name: 'Présence' }).getByRole('listitem').filter({ hasText: 'Bruno' });
  await expect(mine).toContainText('Présent·e');
  await expect(bruno.page.getByText(/validée pendant que vous étiez hors ligne/)).toBeVisible();
});
