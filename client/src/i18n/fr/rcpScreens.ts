// French strings, the fiche RCP: discussion, proposition, décision and actions of a case in a meeting, the decision
// reported into the case, the per-case compte rendu, the calendar invitation and preparing the next meeting.
// Loaded with the concertation screen's code (see docs/concertation/rcp/rcpStrings.ts).
export const frRcpScreens = {
  rcp: {
    heading: 'Fiche RCP',
    intro:
      'La fiche de chaque dossier s’écrit dans le dossier de coordination lui-même : seule son équipe de soins la lit et l’écrit.',
    chooseCase: 'Dossier discuté',
    noAgenda: 'Ajoutez un dossier à l’ordre du jour pour ouvrir sa fiche.',
    reserved:
      'La fiche de ce dossier est réservée à son équipe de soins, dont vous ne faites pas partie : vous suivez la discussion sans lire le dossier.',
    opening: 'Ouverture du dossier…',
    question: 'Question posée : {{question}} · {{criterion}}',
    fields: { discussion: 'Discussion', proposition: 'Proposition', decision: 'Décision' },
    actions: {
      heading: 'Actions décidées',
      empty: 'Aucune action pour l’instant.',
      list: 'Actions décidées',
      text: 'Quoi',
      owner: 'Qui',
      due: 'Échéance',
      noOwner: 'À désigner',
      add: 'Ajouter l’action',
      remove: 'Retirer',
      ownerFor: 'Qui : {{action}}',
      dueFor: 'Échéance : {{action}}',
      removeFor: 'Retirer l’action : {{action}}',
    },
    record: 'Reporter la décision dans le dossier',
    recordHint:
      'La décision s’ajoute au suivi du dossier (« Décision RCP du … ») et ses actions à ses actions ouvertes, où chacun trouve les siennes sous « Pour vous ».',
    decisionTitle: 'Décision RCP du {{date}}',
    recorded: 'Décision reportée dans le dossier le {{date}} par {{name}}.',
    recordedBadge: 'Décision reportée dans le dossier',
    locked: 'Compte rendu validé : la fiche ne peut plus être modifiée.',
    openCase: 'Ouvrir le dossier de coordination',
    print: 'Imprimer le compte rendu du dossier',
    cr: {
      heading: 'Compte rendu de concertation pluriprofessionnelle',
      purpose: 'Pour le dossier du patient et son médecin traitant',
      patient: 'Patient',
      patientValue: '{{initials}} · né·e en {{birthYear}}',
      meeting: 'Concertation',
      question: 'Question posée',
      criterion: 'Critère ACI',
      participants: 'Participants',
      empty: '—',
      action: '{{text}} — {{owner}}, échéance : {{due}}',
      noDue: 'sans échéance',
    },
    history: {
      heading: 'Concertations sur ce dossier',
      print: 'Imprimer le compte rendu du {{date}}',
      openMeeting: 'Voir la concertation',
    },
    ics: 'Ajouter à mon agenda (.ics)',
    icsSummary: 'Concertation · {{type}}',
    icsDescription:
      'Concertation pluriprofessionnelle, {{start}}–{{end}} (heure de Paris). L’ordre du jour est dans Maillage, réservé aux participants.',
    next: {
      heading: 'Préparer la prochaine',
      intro:
        'La prochaine concertation reprend les mêmes participants ; les dossiers non discutés et ceux dont des actions décidées restent ouvertes passent à son ordre du jour.',
      date: 'Date de la prochaine',
      summary_one: '{{count}} dossier passera à la prochaine.',
      summary_other: '{{count}} dossiers passeront à la prochaine.',
      submit: 'Préparer la prochaine',
      followUp: 'Suivi des actions décidées le {{date}}',
      working: 'Préparation…',
      partial: 'La prochaine est planifiée, mais {{count}} dossier(s) n’ont pas pu y être ajoutés.',
    },
    export: {
      json: 'Exporter en JSON',
      decisionReserved: 'Réservée à l’équipe de soins',
      decisionPending: 'Pas encore reportée',
    },
  },
  errors: {
    rcpActionOwner: 'Chaque action doit avoir une personne désignée (« Qui ») avant de reporter la décision.',
    rcpDecisionRequired: 'Écrivez la décision avant de la reporter dans le dossier.',
    rcpBeforeMeeting: 'La décision se reporte le jour de la concertation ou après.',
    rcpAlreadyDecided: 'La décision de cette concertation est déjà dans le dossier.',
  },
};
