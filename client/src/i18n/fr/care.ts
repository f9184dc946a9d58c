// French strings, patient cases, what the first screen needs: the catalogue's action, titles and statuses, and the
// shared schemas' messages. The case screens' own strings (careScreens.ts) load with their code.
export const frCare = {
  care: {
    newCase: 'Nouveau dossier de coordination',
    catalogueTitle: 'Dossier de coordination · réf. {{reference}}',
    statuses: { en_cours: 'En cours', clos: 'Clos' },
  },
};

/** Messages of the shared patient-case schemas (merged into `errors`, where the shared layer's keys live). */
export const frCareErrors = {
  initials: 'Initiales invalides : 2 à 4 lettres (par ex. M.D.), jamais le nom du patient.',
  birthYear: "Année de naissance invalide : une année entre 1900 et l'année en cours.",
  sex: 'Choisissez le sexe (ou « Non précisé »).',
  mtStatus: 'Indiquez si le patient a déclaré un médecin traitant.',
  patientNotInformed: "Le patient doit avoir été informé du partage de son dossier avec l'équipe de soins.",
  noteRequired: 'Écrivez le texte de la note.',
  actionRequired: "Décrivez l'action.",
  dateInFuture: 'Cette date est dans le futur : le suivi enregistre ce qui a eu lieu.',
  ownerNotOnTeam: "Le responsable doit faire partie de l'équipe de soins.",
  creatorStays: "La personne qui a créé le dossier reste dans l'équipe de soins.",
};
