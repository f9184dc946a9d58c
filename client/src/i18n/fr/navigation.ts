// French strings of the workspace's shell and home: sections, menu, « Pour vous », confirmations, revocation.
export const frNavigation = {
  shell: {
    nav: "Sections de l'espace",
    menu: 'Menu',
    workspaces: 'Vos espaces de travail',
    report: 'Signaler un événement',
    reportShort: 'Signaler',
    waiting_one: '{{count}} élément pour vous',
    waiting_other: '{{count}} éléments pour vous',
    sections: {
      home: 'Accueil',
      protocols: 'Protocoles',
      cases: 'Dossiers',
      concertations: 'Concertations',
      events: 'Événements indésirables',
      directory: 'Annuaire',
      groups: 'Groupes',
      access: 'Accès',
    },
  },
  revoked: {
    title: 'Votre accès à cet espace a été retiré',
    explain:
      "Un·e coordinateur·rice de {{name}} a retiré l'accès de cet appareil. Vous ne pouvez plus ouvrir, créer ni modifier de document de cet espace.",
    nothingMore: 'Les documents de cet espace restent fermés sur cet appareil.',
    ask: "S'il s'agit d'une erreur, demandez un nouveau lien d'invitation à la coordination de votre CPTS.",
    thisWorkspace: 'cet espace',
  },
  workspaceHome: {
    title: 'Accueil',
    nothingForYou: 'Rien ne vous attend pour le moment.',
    actionOverdue: 'En retard',
    actionForYou: 'À faire : {{text}} —',
    dueOn: 'pour le {{date}}',
    signoffAsked: 'Votre validation est attendue',
    recent: 'Modifiés récemment',
    recentEmpty: 'Aucun document pour le moment.',
    allProtocols: 'Tous les protocoles',
    online: 'En ligne',
  },
  cases: {
    title: 'Dossiers de coordination',
    who: "Les dossiers dont vous faites partie de l'équipe de soins. Un dossier n'est visible que de son équipe.",
    empty: 'Aucun dossier pour le moment. Créez-en un pour suivre un patient avec ses autres soignants.',
    emptyReader: 'Aucun dossier ne vous est ouvert.',
  },
  notify: {
    mention: '{{name}} vous a mentionné·e dans un protocole.',
    action: 'Une action vous est confiée dans un dossier de coordination.',
    ask: 'Me prévenir quand on me mentionne',
    on: 'Vous serez prévenu·e tant que Maillage est ouvert.',
  },
};
