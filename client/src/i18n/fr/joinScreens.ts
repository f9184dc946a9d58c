// French strings of the first screen of a new device and of the invitation page: they join i18next when those
// screens' code loads (FirstContact, JoinScreen), so a returning member's first screen never carries them.
export const frJoinScreens = {
  welcome: {
    title: 'Bienvenue dans Maillage',
    what: 'Maillage est l’espace de travail partagé de votre CPTS : protocoles pluriprofessionnels, dossiers de coordination, annuaire des membres, groupes de travail.',
    offline:
      'Ce que vous écrivez est enregistré sur cet appareil, même sans réseau, et rejoint vos collègues dès que la connexion revient.',
    choose: 'Pour commencer',
    create: 'Créer l’espace de la CPTS',
    createHint: 'Vous coordonnez la CPTS : créez son espace, puis invitez les membres.',
    hostedAlready:
      'Ce serveur héberge déjà l’espace de travail de sa CPTS. Pour y entrer, ouvrez le lien d’invitation reçu de son coordinateur ; si vous êtes ce coordinateur sur un nouvel appareil, restaurez votre sauvegarde.',
    join: 'Rejoindre avec un lien',
    joinHint: 'Un·e coordinateur·rice vous a envoyé un lien d’invitation.',
    restore: 'Restaurer depuis une sauvegarde',
    restoreHint:
      'Cet ordinateur remplace celui qui a créé l’espace : munissez-vous du fichier de sauvegarde et de sa phrase de passe.',
    back: 'Retour',
    linkLabel: 'Lien d’invitation',
    linkHint:
      'Collez le lien reçu par e-mail ou par messagerie sécurisée. Vous pouvez aussi simplement l’ouvrir sur cet appareil.',
    linkOpen: 'Ouvrir l’invitation',
    linkInvalid: 'Ce texte n’est pas un lien d’invitation Maillage (il contient « /join# »).',
  },
  join: {
    titleOf: 'Rejoindre « {{cpts}} »',
    invitedBy: '{{by}} vous invite à rejoindre l’espace « {{cpts}} » comme {{role}}.',
    invitedByProfession: '{{by}} ({{profession}}) vous invite à rejoindre l’espace « {{cpts}} » comme {{role}}.',
    invitedTo: 'Vous êtes invité·e à rejoindre l’espace « {{cpts}} » comme {{role}}.',
    invitedUnnamed: 'Vous êtes invité·e à rejoindre un espace de travail Maillage comme {{role}}.',
    forWhom: 'Invitation au nom de {{name}}.',
    validUntil: 'Valable jusqu’au {{date}}.',
    roleNames: { coordinator: 'coordinateur·rice', member: 'membre', observer: 'observateur·rice' },
    roleMeans: {
      coordinator: 'Vous pourrez inviter des collègues et gérer les accès.',
      member: 'Vous pourrez lire et écrire les documents partagés avec les membres.',
      observer: 'Vous pourrez lire ce que la CPTS partage, sans rien modifier.',
    },
    ownTitle: 'Ajouter cet appareil',
    ownText: 'Cet appareil rejoint « {{cpts}} » avec votre accès : {{name}} ({{profession}}).',
    ownShared:
      'Cet appareil partage l’accès de celui qui a créé ce lien : retirer l’un retire l’autre. Une nouvelle invitation donne à chacun le sien.',
    withdrawn: 'Cette invitation a été retirée par la coordination de la CPTS. Demandez un nouveau lien si besoin.',
    notChecked:
      'Pas de réseau : l’invitation n’a pas pu être vérifiée. Vous pouvez rejoindre l’espace ; elle le sera dès la connexion.',
    whoAreYou: 'Qui êtes-vous ?',
    whoAreYouHint: 'Votre nom et votre profession accompagnent ce que vous écrivez, pour vos collègues.',
    submit: 'Rejoindre l’espace',
    submitOwn: 'Ajouter cet appareil',
    home: 'Retour à l’accueil',
  },
};
