// French strings of a crisis plan's status: what archiving, a step back and leaving the archive mean, asked before
// they happen, and the order of the plans list. They join i18next with the crisis plan screens' code.
export const frCrisisPlanStatus = {
  crisisPlanAsk: {
    archiveTitle: 'Archiver ce plan ?',
    archiveWhat:
      'Il quitte « {{status}} » pour les archives : son texte est figé, et une crise activée ne le suit plus (référents, chaîne d’alerte, fiches).',
    backTitle: 'Revenir au brouillon ?',
    backWhat:
      'Il quitte « {{status}} » : il devra être de nouveau transmis à l’ARS et à la CPAM, puis validé et mis en vigueur.',
    unarchive: 'Ressortir des archives',
    unarchiveTitle: 'Ressortir ce plan des archives ?',
    unarchiveWhat:
      'Il revient en brouillon, pas au statut qu’il avait avant l’archivage : il devra être de nouveau transmis à l’ARS et à la CPAM, puis validé et mis en vigueur.',
    unarchiveConfirm: 'Ressortir en brouillon',
  },
  crisisPlanList: {
    sortBy: 'Trier par',
    sort: { newest: 'Plus récent d’abord', title: 'Titre', status: 'Statut' },
  },
};
