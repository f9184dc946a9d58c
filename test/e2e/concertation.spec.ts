// Concertations: the coordinator plans a meeting and puts a case on its agenda (taken off, it comes back whole), a
// member answers and signs in on their own device, a member who was not invited is refused until invited from the
// meeting screen, the animateur closes the sheet and validates, and the meeting then refuses edits. Axe on the new
// screens.
import { expectNoSeriousViolations as expectAxeClean } from './axe';
import type { Page } from '@playwright/test';
import { downloaded, parseCsv } from './downloads';
import { test, expect } from './fixtures';
import { cancelMeeting } from './meetingSteps';
import {
  createWorkspace,
  dateField,
  docStatus,
  fillDate,
  fillTime,
  invite,
  joinWorkspace,
  newPatientCase,
  openSection,
  storedUpdates,
} from './steps';

const expectNoSeriousViolations = (page: Page, screen: string) =>
  expectAxeClean(page, screen, /\b(?:concertation|concertationStatuses|care)\.[a-z][A-Za-z.]+/);

test('a concertation is planned, answered, signed, validated, then refuses edits', async ({ newUser }) => {
  test.setTimeout(240_000); // three browsers, six axe runs: 60–120 s on a loaded machine
  const alice = await newUser('Alice Martin', 'Médecin généraliste');
  const bruno = await newUser('Bruno Lefèvre', 'Infirmier·ère');
  const claire = await newUser('Claire Faure', 'Masseur·se-kinésithérapeute');
  const workspace = await createWorkspace(alice.page, 'CPTS Concertée');
  await joinWorkspace(bruno.page, await invite(alice.page));
  await joinWorkspace(claire.page, await invite(alice.page));
  const casePath = await newPatientCase(alice.page);
  const caseRef = (casePath.split('/').pop() ?? '')
    .replace(/[^A-Za-z0-9]/g, '')
    .slice(0, 6)
    .toUpperCase();

  // Planning: a missing date is refused in French under its field, and nothing is created.
  await alice.page.goto(`${workspace}/concertations`);
  await expect(alice.page.getByRole('heading', { name: 'Concertations', level: 1 })).toBeVisible();
  await expectNoSeriousViolations(alice.page, 'concertations');
  await alice.page.getByRole('button', { name: 'Planifier une concertation' }).click();
  await alice.page.getByLabel('Lieu').fill('Maison de santé, salle 2');
  await fillTime(alice.page, 'Début', '14:00');
  await fillTime(alice.page, 'Fin', '13:00');
  await alice.page.getByRole('button', { name: 'Planifier', exact: true }).click();
  await expect(alice.page.getByText('Indiquez la date.')).toBeVisible();
  await expect(alice.page.getByText('La fin doit suivre le début.')).toBeVisible();
  await expect(dateField(alice.page, 'Date').getByRole('spinbutton').first()).toBeFocused();
  await expectNoSeriousViolations(alice.page, 'planifier');
  await fillDate(alice.page, 'Date', '06/01/2099');
  await fillTime(alice.page, 'Fin', '15:30');
  await alice.page.getByLabel('Rechercher dans l’annuaire').fill('Bruno');
  await alice.page.getByRole('button', { name: 'Inviter Bruno Lefèvre à la concertation' }).click();
  await expect(alice.page.getByRole('button', { name: 'Retirer Bruno Lefèvre des invité·es' })).toBeVisible();
  await alice.page.getByRole('button', { name: 'Planifier', exact: true }).click();
  await expect(alice.page).toHaveURL(/\/concertations\/[A-Za-z0-9_-]{21}$/);
  const meetingPath = new URL(alice.page.url()).pathname;
  await expect(alice.page.getByRole('heading', { level: 1 })).toContainText('RCP patient');
  // A professional who is not a member yet gets an observer invitation from the same screen.
  await alice.page.getByRole('button', { name: 'Inviter un professionnel qui n’est pas encore membre' }).click();
  const outside = alice.page.getByRole('region', { name: 'Inviter un·e collègue' });
  await expect(outside.getByLabel('Rôle')).toHaveValue('observer');
  await outside.getByLabel('Nom de la personne invitée').fill('Dr Lemoine');
  await outside.getByRole('button', { name: 'Créer le lien' }).click();
  await expect(outside.getByRole('textbox', { name: 'Lien d’invitation' })).toHaveValue(/^https?:\/\/.*\/join#/);
  await outside.getByRole('button', { name: 'Fermer' }).click();

  // The agenda: a case from Alice's coordination files, by its catalogue label; twice is not offered.
  const agendaCase = alice.page.getByLabel('Dossier de coordination');
  await agendaCase.selectOption({ index: 1 });
  await alice.page.getByLabel('Question posée').fill('Maintien à domicile ?');
  await alice.page.getByRole('button', { name: 'Ajouter à l’ordre du jour' }).click();
  await expect(alice.page.getByText('Choisissez le critère ACI.')).toBeVisible();
  await alice.page.getByLabel('Critère ACI').selectOption({ label: '75 ans et plus' });
  await alice.page.getByRole('button', { name: 'Ajouter à l’ordre du jour' }).click();
  const agenda = alice.page.getByRole('list', { name: 'Ordre du jour' });
  await expect(agenda.getByTestId('agenda-item')).toHaveCount(1);
  await expect(agenda).toContainText('Maintien à domicile ?');
  // Her only case is on the agenda: the form gives way to why there is nothing more to add.
  await expect(alice.page.locator('#agenda-case')).toHaveCount(0);
  await expect(alice.page.getByRole('heading', { name: 'Ajouter un dossier' })).toBeFocused();
  await expect(
    alice.page.getByText('Tous les dossiers de coordination que vous pouvez ouvrir sont déjà'),
  ).toBeVisible();
  // Only the case's neutral reference reaches the meeting: not its initials, commune or pathway (the random reference
  // may hold the letters « MD », so the initials are a word of their own).
  await expect(agenda).toContainText(`réf. ${caseRef}`);
  await expect(agenda).not.toContainText(/Tulle|\bMD\b|Insuffisance/);
  // Taken off by mistake, the case comes back whole from the toast's « Annuler ».
  await agenda.getByRole('button', { name: /^Retirer\s:\s/ }).click();
  await expect(agenda).toHaveCount(0);
  const removed = alice.page.getByRole('status').filter({ hasText: 'Retiré de l’ordre du jour' });
  await removed.getByRole('button', { name: 'Annuler' }).click();
  await expect(agenda.getByTestId('agenda-item')).toHaveCount(1);
  await expect(agenda).toContainText('Maintien à domicile ?');
  await expectNoSeriousViolations(alice.page, 'concertation');
  // From the coordination file, the case goes onto an upcoming meeting's agenda; twice is refused in French.
  await alice.page.goto(casePath);
  const toMeeting = alice.page.getByRole('region', { name: 'Mettre à l’ordre du jour d’une concertation' });
  await toMeeting.getByLabel('Concertation', { exact: true }).selectOption({ index: 1 });
  await toMeeting.getByLabel('Question posée').fill('Encore ?');
  await toMeeting.getByLabel('Critère ACI').selectOption({ label: '75 ans et plus' });
  await toMeeting.getByRole('button', { name: 'Ajouter et ouvrir la concertation' }).click();
  await expect(toMeeting.getByRole('alert')).toContainText('Ce dossier est déjà à l’ordre du jour.');
  await expectNoSeriousViolations(alice.page, 'dossier (ordre du jour)');
  await alice.page.goto(meetingPath);

  // Bruno finds it on his home among the upcoming meetings, answers présent and signs in, on his own device.
  await bruno.page.goto(workspace);
  const upcoming = bruno.page.getByRole('list', { name: 'Concertations à venir' });
  await upcoming.getByRole('link', { name: /RCP patient/ }).click();
  await expect(bruno.page).toHaveURL(new RegExp(`${meetingPath}$`));
  await expect(docStatus(bruno.page)).toHaveAttribute('data-state', 'synced');
  await expect(bruno.page.getByRole('list', { name: 'Ordre du jour' })).toContainText('Maintien à domicile ?');
  await bruno.page.getByRole('radio', { name: 'Présent·e' }).check();
  await bruno.page.getByRole('button', { name: 'J’émarge : je suis présent·e' }).click();
  // A member outside the bureau is offered no status move.
  await expect(bruno.page.getByRole('button', { name: 'Marquer comme tenue' })).toHaveCount(0);
  // The meetings screen finds it by its agenda's question on his device, which holds the meeting.
  await bruno.page.goto(`${workspace}/concertations`);
  await bruno.page.getByRole('searchbox', { name: 'Rechercher une concertation' }).fill('maintien domicile');
  const found = bruno.page.getByRole('list', { name: 'À venir' });
  await expect(found.getByRole('listitem')).toHaveCount(1);
  await expect(found.locator('mark')).toHaveText(['Maintien', 'domicile']);
  await bruno.page.goto(meetingPath);

  // Claire was not invited: her list shows the meeting as the catalogue says it (type, day, status); opening it says
  // it is reserved to its participants, and nothing of it reaches her browser.
  const meetingId = meetingPath.split('/').pop()!;
  await claire.page.goto(`${workspace}/concertations`);
  const claireUpcoming = claire.page.getByRole('list', { name: 'À venir' });
  await expect(claireUpcoming).toContainText('Planifiée');
  await claireUpcoming.getByRole('link', { name: /RCP patient/ }).click();
  const refusal = claire.page.getByRole('alert');
  await expect(refusal).toContainText('Cette concertation est réservée à ses participants');
  await expect(refusal).toContainText('demandez à son coordonnateur·rice ou à son animateur·rice de vous inviter');
  await expect(claire.page.getByText('Maintien à domicile ?')).toHaveCount(0);
  await expect(claire.page.getByRole('region', { name: 'Ordre du jour' })).toHaveCount(0);
  expect(await storedUpdates(claire.page, meetingId)).toBe(0);
  // Her search cannot find it by its agenda: her device never held it.
  await claire.page.goto(`${workspace}/concertations`);
  await claire.page.getByRole('searchbox', { name: 'Rechercher une concertation' }).fill('maintien');
  await expect(claire.page.getByRole('list', { name: 'À venir' })).toHaveCount(0);
  await claire.page.getByRole('searchbox', { name: 'Rechercher une concertation' }).fill('rcp');
  await expect(claire.page.getByRole('list', { name: 'À venir' }).getByRole('listitem')).toHaveCount(1);
  await claire.page.goto(meetingPath);
  await expect(claire.page.getByRole('alert')).toContainText('Cette concertation est réservée à ses participants');
  await expectNoSeriousViolations(claire.page, 'concertation réservée');

  // Alice invites her from the meeting screen: once the relay's list has her, she reads it.
  await alice.page.getByLabel('Rechercher dans l’annuaire').fill('Claire');
  await alice.page.getByRole('button', { name: 'Inviter Claire Faure à la concertation' }).click();
  await expect(alice.page.getByRole('list', { name: 'Personnes invitées' })).toContainText('Claire Faure');
  await expect(alice.page.getByTestId('participants-status')).toContainText('Liste en place');
  await claire.page.getByRole('button', { name: 'Réessayer' }).click();
  await expect(claire.page.getByRole('list', { name: 'Ordre du jour' })).toContainText('Maintien à domicile ?');
  await expect.poll(() => storedUpdates(claire.page, meetingId)).toBeGreaterThan(0);

  // Alice takes her off again: Claire's open screen says so at once, and her device keeps no copy.
  await alice.page.getByRole('button', { name: 'Retirer Claire Faure des participants' }).click();
  const confirm = alice.page.getByRole('alertdialog', { name: 'Retirer Claire Faure des participants ?' });
  await expect(confirm).toContainText('Son accès à la concertation est coupé immédiatement');
  await confirm.getByRole('button', { name: 'Retirer des participants' }).click();
  await expect(claire.page.getByRole('alert')).toContainText('Vous ne participez plus à cette concertation');
  await expect(claire.page.getByText('Maintien à domicile ?')).toHaveCount(0);
  await expect.poll(() => storedUpdates(claire.page, meetingId)).toBe(0);

  const attendance = alice.page.getByRole('list', { name: 'Présence' });
  await expect(attendance.getByRole('listitem').filter({ hasText: 'Bruno Lefèvre' })).toContainText('Présent·e');
  const sheet = alice.page.getByRole('list', { name: 'Émargement' });
  await expect(sheet.getByTestId('sheet-line')).toHaveCount(1);
  await expect(sheet).toContainText('Bruno Lefèvre · Infirmier·ère');
  // Alice, animatrice, closes the sheet once told who has not signed: nobody signs any more.
  await alice.page.getByRole('button', { name: 'Clore la feuille d’émargement' }).click();
  const closing = alice.page.getByRole('alertdialog', { name: 'Clore la feuille d’émargement ?' });
  await expect(closing).toContainText('1 personne invitée n’a pas encore émargé : Alice Martin.');
  await closing.getByRole('button', { name: 'Clore la feuille', exact: true }).click();
  await expect(alice.page.getByRole('region', { name: 'Émargement' })).toContainText('Feuille close le');
  await expect(alice.page.getByRole('button', { name: 'J’émarge : je suis présent·e' })).toHaveCount(0);

  // Alice cancels it, after a confirmation that says it can be undone: Bruno sees it cancelled at once, his home no
  // longer lists it, and the list marks it. She plans it again: agenda and answers are as they were.
  await cancelMeeting(alice.page, (dialog) => expect(dialog).toContainText('vous pourrez la rétablir'));
  await expect(bruno.page.getByTestId('concertation-status')).toContainText('Annulée');
  await expect(bruno.page.getByText('Concertation annulée : elle n’aura pas lieu')).toBeVisible();
  await expect(bruno.page.getByRole('radio', { name: 'Présent·e' })).toHaveCount(0);
  await bruno.page.goto(workspace);
  // The catalogue is read (the recent list marks the meeting cancelled), and no upcoming meeting is listed.
  await expect(bruno.page.getByRole('list', { name: 'Modifiés récemment' })).toContainText('Annulée');
  await expect(bruno.page.getByRole('list', { name: 'Concertations à venir' })).toHaveCount(0);
  await openSection(bruno.page, 'Concertations');
  await expect(bruno.page.getByRole('list', { name: 'À venir' })).toContainText('Annulée');
  await expectNoSeriousViolations(alice.page, 'concertation annulée');
  await alice.page.getByRole('button', { name: 'Rétablir la concertation' }).click();
  await expect(alice.page.getByTestId('concertation-status')).toContainText('Planifiée');
  await expect(bruno.page.getByRole('list', { name: 'À venir' })).toContainText('Planifiée');
  await bruno.page.goto(meetingPath);
  await expect(bruno.page.getByRole('radio', { name: 'Présent·e' })).toBeChecked();

  // Alice, animatrice, holds the meeting, ticks the case discussed and validates: every edit is then refused.
  await alice.page.getByRole('button', { name: 'Marquer comme tenue' }).click();
  await alice.page.getByRole('checkbox', { name: /^Discuté\s:\s/ }).check();
  await alice.page.getByRole('button', { name: 'Valider le compte rendu' }).click();
  await expect(alice.page.getByTestId('concertation-status')).toContainText('Validée');
  for (const page of [alice.page, bruno.page]) {
    await expect(page.getByText('Compte rendu validé : la concertation ne peut plus être modifiée.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Ajouter à l’ordre du jour' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^Monter|^Retirer/ })).toHaveCount(0);
    await expect(page.getByRole('radio', { name: 'Présent·e' })).toHaveCount(0);
  }
  await expect(bruno.page.getByTestId('concertation-status')).toContainText('Validée');

  // The compte rendu: printed alone (print CSS), and as CSV with one row per case.
  const minutes = alice.page.getByRole('region', { name: 'Compte rendu' });
  await expect(minutes).toContainText('Infirmier·ère (1) : Bruno Lefèvre');
  // Printed alone, it says whose it is and where it was held.
  await expect(minutes.getByTestId('minutes-where')).toHaveText(
    'CPTS Concertée · Présentiel, Maison de santé, salle 2 · animée par Alice Martin',
  );
  await expect(minutes.getByRole('table')).toContainText(`réf. ${caseRef}`);
  await expectNoSeriousViolations(alice.page, 'compte rendu');
  await alice.page.emulateMedia({ media: 'print' });
  await expect(minutes).toBeVisible();
  await expect(alice.page.getByRole('region', { name: 'Ordre du jour' })).toBeHidden();
  await alice.page.emulateMedia({ media: 'screen' });
  const csv = await downloaded(alice.page, () =>
    minutes.getByRole('button', { name: 'Exporter pour un tableur' }).click(),
  );
  const rows = parseCsv(csv.text);
  expect(rows).toHaveLength(2);
  expect(rows[0]).toEqual([
    'Date',
    'Type',
    'Dossier',
    'Critère ACI',
    'Présenté par',
    'Profession',
    'Question posée',
    'Durée (min)',
    'Discuté',
    'Décision',
    'Actions',
  ]);
  expect(rows[1]).toEqual([
    '2099-01-06',
    'RCP patient',
    `Dossier de coordination · réf. ${caseRef}`,
    '75 ans et plus',
    'Alice Martin',
    'Médecin généraliste',
    'Maintien à domicile ?',
    '15',
    'oui',
    'Pas encore reportée',
    '',
  ]);
  await bruno.page.goto(`${workspace}/concertations`);
  await expect(bruno.page.getByRole('list', { name: 'À venir' })).toContainText('Validée');
  // The year's ACI counts, from the meetings on Bruno's device.
  await bruno.page.getByLabel('Année').selectOption('2099');
  await expect(bruno.page.getByTestId('aci-summary')).toHaveText(
    '1 concertation avec compte rendu validé, 1 dossier discuté (1 patient distinct).',
  );
  await expect(bruno.page.getByRole('list', { name: 'Dossiers discutés par critère' })).toHaveText(
    '75 ans et plus : 1',
  );
  await expectNoSeriousViolations(bruno.page, 'concertations (indicateurs)');

  // « Préparer la prochaine », then back on this meeting: the one prepared is offered to open, not planned again.
  await fillDate(alice.page, 'Date de la prochaine', '03/02/2099');
  await alice.page.getByRole('button', { name: 'Préparer la prochaine' }).click();
  await expect(alice.page).not.toHaveURL(new RegExp(`${meetingPath}$`));
  await expect(alice.page.getByRole('heading', { level: 1 })).toContainText('3 févr. 2099');
  const next = alice.page.url();
  await alice.page.goto(meetingPath);
  const prepared = alice.page.getByRole('region', { name: 'Préparer la prochaine' });
  await expect(prepared.getByTestId('next-prepared')).toContainText('03/02/2099');
  await expect(prepared.getByRole('button', { name: 'Préparer la prochaine' })).toHaveCount(0);
  await prepared.getByRole('link', { name: 'Ouvrir la concertation du 03/02/2099' }).click();
  await expect(alice.page).toHaveURL(next);
});
