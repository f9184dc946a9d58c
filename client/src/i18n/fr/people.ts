// French strings, people and access, what the first screen needs: the labels that open the annuaire, the groups,
// the access screen, the invitation and device panels, the key restore. The rest (peopleScreens.ts) loads with them.
export const frPeople = {
  invite: {
    open: 'Inviter',
  },
  device: {
    open: 'Ajouter un appareil',
  },
  backup: {
    restoreOpen: 'Restaurer un espace depuis une sauvegarde de sa clé',
  },
  access: {
    open: 'Accès',
  },
  directory: {
    open: 'Annuaire',
  },
  groups: {
    open: 'Groupes de travail',
  },
};
