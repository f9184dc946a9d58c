// The fiche RCP and its decision: the coordinator and a nurse on the case's team co-write the decision live in the
// meeting; a participant off the team is told the fiche is reserved to it; a decision whose action has no owner is
// refused; once reported, the decision is in the case's timeline and its action under the owner's « Pour vous »; the
// .ics and the CSV download and parse; a validated meeting's fiche refuses edits; validating carries the case with open
// actions over to the series' next meeting, as « Préparer la prochaine » does; the patient's consent brings the
// participant off the team into it. Axe on the new parts.
import { expectNoSeriousViolations as expectAxeClean } from './axe';
import type { Page } from '@playwright/test';
import { downloaded } from './downloads';
import { test, expect } from './fixtures';
import {
  cancelMeeting,
  downloadMinutes,
  expectOnePagePdf,
  expectMeetingIcs,
  expectStackedTopToBottom,
  icsLines,
  printingCaseCr,
  recordPatientConsent,
  removeRcpActionThenUndo,
  reportDecision,
  seriesIcs,
  widerThanScreen,
} from './meetingSteps';
import {
  careTimeline,
  createWorkspace,
  docStatus,
  fillDate,
  invite,
  joinWorkspace,
  newPatientCase,
  openSection,
  parisDay,
  storedUpdates,
} from './steps';

const expectNoSeriousViolations = (page: Page, screen: string) =>
  expectAxeClean(page, screen, /\b(?:rcp|concertation|care)\.[a-z][A-Za-z.]+/);

test('a decision written in the meeting reaches the case and its action’s owner', async ({ newUser }) => {
  test.setTimeout(300_000); // three browsers, several axe runs on a shared machine
  const alice = await newUser('Alice Martin', 'Médecin généraliste');
  const bruno = await newUser('Bruno Lefèvre', 'Infirmier·ère');
  const claire = await newUser('Claire Faure', 'Masseur·se-kinésithérapeute');
  const workspace = await createWorkspace(alice.page, 'CPTS Décisions');
  await joinWorkspace(bruno.page, await invite(alice.page));
  await joinWorkspace(claire.page, await invite(alice.page));
  const casePath = await newPatientCase(alice.page, ['Bruno Lefèvre']);
  const today = parisDay(0).typed;
  const [dd, mm, yyyy] = today.split('/');
  const nextYear = String(Number(yyyy) + 1);

  // Alice plans today's RCP with Bruno (on the case's team) and Claire (not on it).
  await alice.page.goto(`${workspace}/concertations`);
  await alice.page.getByRole('button', { name: 'Planifier une concertation' }).click();
  await alice.page.getByLabel('Lieu').fill('Maison de santé, salle 2');
  await fillDate(alice.page, 'Date', today);
  for (const name of ['Bruno', 'Claire']) {
    await alice.page.getByLabel('Rechercher dans l’annuaire').fill(name);
    await alice.page.getByRole('button', { name: new RegExp(`^Inviter ${name} .* à la concertation$`) }).click();
  }
  await alice.page.getByRole('button', { name: 'Planifier', exact: true }).click();
  await expect(alice.page).toHaveURL(/\/concertations\/[A-Za-z0-9_-]{21}$/);
  const meetingPath = new URL(alice.page.url()).pathname;
  const meetingId = meetingPath.split('/').pop()!;
  await alice.page.getByLabel('Dossier de coordination').selectOption({ index: 1 });
  await alice.page.getByLabel('Question posée').fill('Maintien à domicile ?');
  await alice.page.getByLabel('Critère ACI').selectOption({ label: '75 ans et plus' });
  await alice.page.getByRole('button', { name: 'Ajouter à l’ordre du jour' }).click();
  await expect(alice.page.getByRole('list', { name: 'Ordre du jour' })).toContainText('Maintien à domicile ?');

  // The calendar invitation: French, Europe/Paris with its rules, one UID for this meeting, lines folded; no case.
  const ics = await downloaded(alice.page, () =>
    alice.page.getByRole('button', { name: 'Ajouter à mon agenda' }).click(),
  );
  expectMeetingIcs(ics, meetingId, today);
  expect(ics.text).not.toContain('Maintien');

  // A series with the charte's rules: ten minutes a case, so the agenda warns about this fifteen-minute one.
  await alice.page.getByRole('button', { name: 'Définir une série' }).click();
  await alice.page.getByLabel('Nom de la série').fill('RCP du premier mardi');
  await alice.page.getByLabel('Durée par dossier selon la charte (minutes)').fill('10');
  await alice.page.getByRole('button', { name: 'Enregistrer la série' }).click();
  await expect(alice.page.getByTestId('series-summary')).toContainText('Chaque premier mardi du mois');
  await expect(alice.page.getByTestId('agenda-warnings')).toContainText('dépasse la durée par dossier');
  // The charte's quorum is a setting of the series (the default here); the series as one calendar event, repeating.
  await expect(alice.page.getByTestId('series-summary')).toContainText('3 professions différentes au moins');
  const series = await seriesIcs(alice.page);
  const seriesLines = icsLines(series.text);
  expect(seriesLines).toContain('RRULE:FREQ=MONTHLY;BYDAY=1TU');
  expect(seriesLines).toContain(`DTSTART;TZID=Europe/Paris:${yyyy}${mm}${dd}T123000`);
  expect(seriesLines.some((l) => /^UID:.+@series\.concertations\.maillage$/.test(l))).toBe(true);
  expect(series.text).not.toContain('Maintien');

  // The meeting is held; Alice puts the case on everyone's « en séance » screen, then writes the decision in the
  // fiche, which lives in the case.
  await alice.page.getByRole('button', { name: 'Marquer comme tenue' }).click();
  await alice.page.getByRole('button', { name: 'Passer en séance' }).click();
  await alice.page.getByRole('button', { name: 'Commencer par le premier dossier' }).click();
  await expect(alice.page.getByTestId('seance-case')).toContainText('Maintien à domicile ?');
  await alice.page.getByRole('button', { name: 'Quitter le mode séance' }).click();
  await alice.page.getByRole('checkbox', { name: /^Discuté : / }).check();
  const fiche = alice.page.getByRole('region', { name: 'Fiche RCP' });
  await fiche.getByRole('textbox', { name: 'Décision' }).click();
  await alice.page.keyboard.type('Passage IDE matin et soir');

  // Bruno, on the case's team, sees it arrive live in his own fiche; Claire, off the team, is told it is reserved.
  await bruno.page.goto(meetingPath);
  const brunoFiche = bruno.page.getByRole('region', { name: 'Fiche RCP' });
  await expect(brunoFiche.getByRole('textbox', { name: 'Décision' })).toContainText('Passage IDE matin et soir');
  await brunoFiche.getByRole('textbox', { name: 'Discussion' }).click();
  await bruno.page.keyboard.type('Deux chutes ce mois-ci.');
  await expect(fiche.getByRole('textbox', { name: 'Discussion' })).toContainText('Deux chutes ce mois-ci.');
  // The network drops in the room: Bruno keeps writing on his device, and it merges once he is back.
  await bruno.context.setOffline(true);
  await expect(docStatus(bruno.page)).toHaveAttribute('data-state', 'offline');
  await brunoFiche.getByRole('textbox', { name: 'Proposition' }).click();
  await bruno.page.keyboard.type('Aide à domicile renforcée.');
  await bruno.context.setOffline(false);
  await expect(fiche.getByRole('textbox', { name: 'Proposition' })).toContainText('Aide à domicile renforcée.');
  // At phone width the meeting and its fiche fit the screen: nothing scrolls sideways.
  await bruno.page.setViewportSize({ width: 390, height: 844 });
  await expect.poll(() => widerThanScreen(bruno.page)).toEqual([]);
  await expectNoSeriousViolations(bruno.page, 'fiche RCP (390 px)');
  // « En séance » on his phone: the case Alice chose, its timer, the fiche at hand; nothing scrolls sideways.
  await bruno.page.getByRole('button', { name: 'Passer en séance' }).click();
  await expect(bruno.page.getByTestId('seance-case')).toContainText('Maintien à domicile ?');
  await expect(bruno.page.getByRole('timer')).toContainText('/ 15:00');
  await expect(bruno.page.getByTestId('seance').getByRole('textbox', { name: 'Décision' })).toBeVisible();
  expect(await bruno.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await expectNoSeriousViolations(bruno.page, 'en séance (390 px)');
  await bruno.page.getByRole('button', { name: 'Quitter le mode séance' }).click();
  await claire.page.goto(meetingPath);
  await expect(claire.page.getByRole('list', { name: 'Ordre du jour' })).toContainText('Maintien à domicile ?');
  await expect(claire.page.getByTestId('rcp-reserved')).toContainText('réservée à son équipe de soins');
  // Nothing of the case reaches her: the decision typed live is not in the meeting, and the case is not on her device.
  await expect(claire.page.getByText('Passage IDE matin et soir')).toHaveCount(0);
  expect(await storedUpdates(claire.page, casePath.split('/').pop()!)).toBe(0);
  await expect(claire.page.getByRole('textbox', { name: 'Décision' })).toHaveCount(0);
  await expectNoSeriousViolations(claire.page, 'fiche réservée');

  // An action with no owner: the decision is refused in French, nothing reaches the case.
  await fiche.getByLabel('Quoi').fill('Organiser le passage IDE');
  await fillDate(alice.page, 'Échéance', `15/01/${nextYear}`);
  await fiche.getByRole('button', { name: 'Ajouter l’action' }).click();
  await expect(fiche.getByTestId('rcp-action')).toHaveCount(1);
  // Removed by mistake, it comes back from the toast (its due date with it: the compte rendu below shows it).
  await removeRcpActionThenUndo(fiche, 'Organiser le passage IDE');
  // Reporting asks first, saying the fiche is then frozen.
  await reportDecision(fiche);
  await expect(fiche.getByRole('alert')).toContainText('Chaque action doit avoir une personne désignée');
  await expectNoSeriousViolations(alice.page, 'fiche RCP');
  await fiche.getByLabel('Qui : Organiser le passage IDE').selectOption({ label: 'Bruno Lefèvre' });
  await reportDecision(fiche);
  await expect(fiche.getByTestId('rcp-recorded')).toContainText(`Décision reportée dans le dossier le ${today}`);
  // Every participant sees that it is recorded (when, never what); Claire still reads nothing of it.
  await expect(claire.page.getByRole('list', { name: 'Ordre du jour' })).toContainText(
    'Décision reportée dans le dossier',
  );
  await expect(claire.page.getByText('Passage IDE matin et soir')).toHaveCount(0);
  await expect(alice.page.getByRole('region', { name: 'Compte rendu', exact: true }).getByRole('table')).toContainText(
    'Consignée dans le dossier de coordination',
  );

  // In the case: the dated entry in the timeline, the action with its owner; under Bruno's « Pour vous ».
  await bruno.page.goto(casePath);
  await expect(careTimeline(bruno.page)).toContainText(`Décision RCP du ${today}`);
  await expect(careTimeline(bruno.page)).toContainText('Passage IDE matin et soir');
  await expect(bruno.page.getByRole('list', { name: 'Actions', exact: true })).toContainText(
    'Organiser le passage IDE',
  );
  // The case's own screen lists the concertation with its compte rendu, printed alone for the patient's record.
  const history = bruno.page.getByRole('region', { name: 'Concertations sur ce dossier' });
  const brunoCr = history.getByTestId('case-cr');
  await expect(brunoCr).toContainText('Passage IDE matin et soir');
  await expect(brunoCr).toContainText('Deux chutes ce mois-ci.');
  // Printed from the case alone, it still says which meeting it was: its kind, day and hours.
  await expect(brunoCr).toContainText(/RCP patient · \d{2}\/\d{2}\/\d{4} · 12:30–14:00/);
  await expect(history.getByRole('button', { name: `Imprimer le compte rendu du ${today}` })).toBeVisible();
  await expectNoSeriousViolations(bruno.page, 'dossier (concertations)');
  await printingCaseCr(bruno.page, brunoCr, async () => {
    await expect(brunoCr).toBeVisible();
    // Its decided actions print with it (a rule meant for the other meetings' items once hid them).
    await expect(brunoCr.getByText(/^Organiser le passage IDE — /)).toBeVisible();
    await expect(careTimeline(bruno.page)).toBeHidden();
  });
  // « Concertation courte » from the case: Alice must be named, then it is recorded and its decision joins the timeline.
  const short = bruno.page.getByRole('region', { name: 'Concertation courte' });
  await short.getByRole('button', { name: 'Noter une concertation courte' }).click();
  await short.getByRole('button', { name: 'Enregistrer la concertation courte' }).click();
  await expect(short.getByRole('alert').first()).toContainText('au moins un autre professionnel');
  await short.getByRole('checkbox', { name: 'Alice Martin' }).check();
  await short.getByLabel('Heure de début').fill('10:00');
  await short.getByLabel('Question posée').fill('Avancer le passage du soir ?');
  await short.getByLabel('Critère ACI').selectOption({ label: '75 ans et plus' });
  await short.getByLabel('Décision').fill('Passage du soir avancé à 18 h');
  await expectNoSeriousViolations(bruno.page, 'concertation courte');
  await short.getByRole('button', { name: 'Enregistrer la concertation courte' }).click();
  await expect(short.getByTestId('short-recorded')).toBeVisible();
  await expect(careTimeline(bruno.page)).toContainText('Passage du soir avancé à 18 h');
  await openSection(bruno.page, 'Accueil');
  const forYou = bruno.page.getByRole('region', { name: 'Pour vous' });
  await expect(forYou).toContainText('À faire : Organiser le passage IDE');
  await expect(forYou).toContainText(`pour le 15 janv. ${nextYear}`);
  // The meetings list labels it « Courte », validated, without opening it.
  await bruno.page.goto(`${workspace}/concertations`);
  await expect(bruno.page.getByRole('listitem').filter({ hasText: 'Courte' })).toContainText('Validée');

  // The case's compte rendu prints alone.
  const caseCr = fiche.getByTestId('case-cr');
  await expect(caseCr).toContainText('Passage IDE matin et soir');
  await expect(caseCr).toContainText(`Organiser le passage IDE — Bruno Lefèvre, échéance : 15/01/${nextYear}`);
  await printingCaseCr(alice.page, null, async () => {
    await expect(caseCr).toBeVisible();
    await expect(alice.page.getByRole('region', { name: 'Compte rendu', exact: true })).toBeHidden();
    await expect(fiche.getByRole('textbox', { name: 'Décision' })).toBeHidden();
    // One page, read top to bottom: the shell's screen height once added a blank page, a flex row four columns.
    await expectOnePagePdf(alice.page, 'case CR PDF');
    await expectStackedTopToBottom(caseCr);
    expect((await caseCr.screenshot()).byteLength).toBeGreaterThan(5_000);
  });

  // Validated: the fiche refuses edits on every device.
  await alice.page.getByRole('button', { name: 'Valider le compte rendu' }).click();
  await expect(alice.page.getByTestId('concertation-status')).toContainText('Validée');
  // Closing a meeting of the series: the case with its open action goes onto the series' next meeting by itself.
  await expect(alice.page.getByTestId('carried-over')).toContainText(
    '1 dossier à reprendre est passé à l’ordre du jour de la concertation du',
  );
  for (const page of [alice.page, bruno.page]) {
    if (page === bruno.page) await page.goto(meetingPath);
    const f = page.getByRole('region', { name: 'Fiche RCP' });
    await expect(f.getByRole('textbox', { name: 'Discussion' })).toHaveAttribute('contenteditable', 'false');
    await expect(f.getByRole('button', { name: 'Ajouter l’action' })).toHaveCount(0);
    await expect(f.getByRole('button', { name: 'Reporter la décision dans le dossier' })).toHaveCount(0);
  }

  // The CSV and the JSON: one row per case, with its decision and actions.
  const minutes = alice.page.getByRole('region', { name: 'Compte rendu', exact: true });
  const { rows, cases } = await downloadMinutes(alice.page, minutes);
  expect(rows).toHaveLength(2);
  expect(rows[0]!.slice(-2)).toEqual(['Décision', 'Actions']);
  expect(rows[1]).toHaveLength(rows[0]!.length);
  expect(rows[1]!.slice(-2)).toEqual([
    'Passage IDE matin et soir',
    `Organiser le passage IDE — Bruno Lefèvre — ${nextYear}-01-15`,
  ]);
  expect(cases).toEqual([expect.objectContaining({ criterionCode: 'age_75', decisionStatus: 'recorded' })]);
  await expectNoSeriousViolations(alice.page, 'concertation validée');

  // Preparing the next one: same participants, the case with its open action comes back to be followed up.
  await fillDate(alice.page, 'Date de la prochaine', `02/02/${nextYear}`);
  await alice.page.getByRole('button', { name: 'Préparer la prochaine' }).click();
  await expect(alice.page).not.toHaveURL(new RegExp(`${meetingPath}$`));
  await expect(alice.page).toHaveURL(/\/concertations\/[A-Za-z0-9_-]{21}$/);
  const nextAgenda = alice.page.getByRole('list', { name: 'Ordre du jour' });
  await expect(nextAgenda).toContainText(`Suivi des actions décidées le ${today}`);
  await expect(alice.page.getByRole('list', { name: 'Personnes invitées' })).toContainText('Claire Faure');
  await expect(alice.page.getByTestId('series-summary')).toContainText('RCP du premier mardi');

  // Before the case is discussed, its presenter records the patient's consent (refused until attested); Claire, off
  // the team, then joins it for this meeting and reads the fiche.
  const nextFiche = alice.page.getByRole('region', { name: 'Fiche RCP' });
  const consent = await recordPatientConsent(nextFiche);
  await expect(consent.getByTestId('rcp-consent')).toContainText(`Patient informé le ${today} par Alice Martin`);
  await expect(consent).toContainText('a rejoint l’équipe de soins pour cette concertation : Claire Faure');
  await claire.page.goto(new URL(alice.page.url()).pathname);
  await expect(claire.page.getByRole('region', { name: 'Fiche RCP' }).getByTestId('rcp-consent')).toBeVisible();
  await expect(claire.page.getByTestId('rcp-reserved')).toHaveCount(0);

  // The day before that meeting (her device's clock moved on), its cases reach Claire under « Pour vous ».
  await claire.page.clock.setFixedTime(new Date(`${nextYear}-02-01T14:00:00+01:00`));
  await claire.page.reload();
  await openSection(claire.page, 'Accueil');
  await expect(claire.page.getByRole('region', { name: 'Pour vous' }).getByTestId('for-you-meeting')).toContainText(
    '1 dossier à l’ordre du jour',
  );

  // February's meeting is called off: the series' calendar file, downloaded again, leaves that day out.
  await cancelMeeting(alice.page);
  // Its case is put off to the series' next day, March's first Tuesday, proposed.
  const putOff = alice.page.getByRole('region', { name: 'Reporter les dossiers' });
  await expect(putOff).toContainText('1 dossier passera à la prochaine.');
  await expect(alice.page.getByRole('region', { name: 'Compte rendu', exact: true })).toHaveCount(0);
  await putOff.getByRole('button', { name: 'Reporter les dossiers' }).click();
  await expect(alice.page.getByTestId('concertation-status')).toContainText('Planifiée');
  await expect(alice.page.getByRole('list', { name: 'Ordre du jour' })).toContainText(
    `Suivi des actions décidées le ${today}`,
  );
  await expect(alice.page.getByRole('heading', { level: 1 })).toContainText(`mars ${nextYear}`);
  await alice.page.goto(meetingPath);
  const february = icsLines((await seriesIcs(alice.page)).text);
  expect(february.filter((l) => l.startsWith('EXDATE'))).toEqual([`EXDATE;TZID=Europe/Paris:${nextYear}0202T123000`]);
  expect(february.find((l) => l.startsWith('UID:'))).toBe(seriesLines.find((l) => l.startsWith('UID:')));
});
