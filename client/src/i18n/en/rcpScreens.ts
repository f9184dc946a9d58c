// English strings, the fiche RCP (see fr/rcpScreens.ts).
import type { Widen } from '../fr';
import type { frRcpScreens } from '../fr/rcpScreens';

export const enRcpScreens: Widen<typeof frRcpScreens> = {
  rcp: {
    heading: 'Case meeting record',
    intro: 'Each case’s record is written in the coordination file itself: only its care team reads and writes it.',
    chooseCase: 'Case discussed',
    noAgenda: 'Add a case to the agenda to open its record.',
    reserved:
      'This case’s record is reserved to its care team, which you are not on: you follow the discussion without reading the file.',
    opening: 'Opening the file…',
    question: 'Question: {{question}} · {{criterion}}',
    fields: { discussion: 'Discussion', proposition: 'Proposal', decision: 'Decision' },
    actions: {
      heading: 'Actions decided',
      empty: 'No action yet.',
      list: 'Actions decided',
      text: 'What',
      owner: 'Who',
      due: 'Due',
      noOwner: 'To be named',
      add: 'Add the action',
      remove: 'Remove',
      ownerFor: 'Who: {{action}}',
      dueFor: 'Due: {{action}}',
      removeFor: 'Remove the action: {{action}}',
    },
    record: 'Report the decision into the file',
    recordHint:
      'The decision joins the file’s follow-up (“Case meeting decision of …”) and its actions the file’s open actions, where each owner finds theirs under “For you”.',
    decisionTitle: 'Case meeting decision of {{date}}',
    recorded: 'Decision reported into the file on {{date}} by {{name}}.',
    recordedBadge: 'Decision reported into the file',
    locked: 'Minutes validated: the record can no longer be changed.',
    openCase: 'Open the coordination file',
    print: 'Print the case’s minutes',
    cr: {
      heading: 'Multi-professional case meeting minutes',
      purpose: 'For the patient’s file and their GP',
      patient: 'Patient',
      patientValue: '{{initials}} · born {{birthYear}}',
      meeting: 'Meeting',
      question: 'Question',
      criterion: 'ACI criterion',
      participants: 'Participants',
      empty: '—',
      action: '{{text}} — {{owner}}, due: {{due}}',
      noDue: 'no due date',
    },
    history: {
      heading: 'Case meetings about this file',
      print: 'Print the minutes of {{date}}',
      openMeeting: 'Open the meeting',
    },
    ics: 'Add to my calendar (.ics)',
    icsSummary: 'Concertation · {{type}}',
    icsDescription:
      'Multi-professional meeting, {{start}}–{{end}} (Paris time). The agenda is in Maillage, for participants only.',
    next: {
      heading: 'Prepare the next one',
      intro:
        'The next meeting keeps the same participants; cases not discussed and those with decided actions still open go onto its agenda.',
      date: 'Date of the next one',
      summary_one: '{{count}} case will carry over.',
      summary_other: '{{count}} cases will carry over.',
      submit: 'Prepare the next one',
      followUp: 'Follow-up of the actions decided on {{date}}',
      working: 'Preparing…',
      partial: 'The next meeting is planned, but {{count}} case(s) could not be added to it.',
    },
    export: {
      json: 'Export as JSON',
      decisionReserved: 'Reserved to the care team',
      decisionPending: 'Not reported yet',
    },
  },
  errors: {
    rcpActionOwner: 'Every action needs a named owner (“Who”) before the decision is reported.',
    rcpDecisionRequired: 'Write the decision before reporting it into the file.',
    rcpBeforeMeeting: 'The decision is reported on the meeting’s day or after.',
    rcpAlreadyDecided: 'This meeting’s decision is already in the file.',
  },
};
