// French strings of what this device holds: documents fetched in the background, copies that had to go.
export const frDevice = {
  onDevice: {
    fetching_one: '{{onDevice}} / {{total}} document sur cet appareil',
    fetching_other: '{{onDevice}} / {{total}} documents sur cet appareil',
    storageFull:
      'L’espace de stockage de cet appareil est plein : les autres documents ne sont plus téléchargés. Ce qui est déjà là reste intact ; libérez de la place puis rechargez la page.',
    dropped_one: 'Un document a été retiré de cet appareil : vous ne faites plus partie de l’équipe qui y a accès.',
    dropped_other:
      '{{count}} documents ont été retirés de cet appareil : vous ne faites plus partie des équipes qui y ont accès.',
    dismiss: 'Fermer',
  },
};
