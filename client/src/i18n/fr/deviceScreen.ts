// French strings of « Mon appareil »: what this device holds, the space it takes, and what it keeps.
export const frDeviceScreen = {
  deviceScreen: {
    title: 'Mon appareil',
    intro:
      'Tout ce que vous pouvez lire est enregistré sur cet appareil, pour travailler sans réseau. Ces réglages ne concernent que cet appareil.',
    docsTitle: 'Documents',
    allHere_one: 'Le document que vous pouvez lire est sur cet appareil.',
    allHere_other: 'Les {{count}} documents que vous pouvez lire sont sur cet appareil.',
    arriving_one: '{{onDevice}} / {{total}} document sur cet appareil ; la suite arrive en arrière-plan.',
    arriving_other: '{{onDevice}} / {{total}} documents sur cet appareil ; la suite arrive en arrière-plan.',
    offline: 'Hors ligne : les documents arriveront au retour du réseau.',
    notYet: 'La liste des documents n’est pas encore arrivée sur cet appareil.',
    unsentOffline_one:
      'Un document modifié sur cet appareil n’a pas encore été envoyé à vos collègues : il partira au retour du réseau.',
    unsentOffline_other:
      '{{count}} documents modifiés sur cet appareil n’ont pas encore été envoyés à vos collègues : ils partiront au retour du réseau.',
    unsentWaiting_one: 'Un document modifié sur cet appareil n’a pas encore été envoyé à vos collègues.',
    unsentWaiting_other: '{{count}} documents modifiés sur cet appareil n’ont pas encore été envoyés à vos collègues.',
    unsentOnline_one: 'Un document modifié sur cet appareil est en cours d’envoi à vos collègues.',
    unsentOnline_other: '{{count}} documents modifiés sur cet appareil sont en cours d’envoi à vos collègues.',
    unsentRefused_one:
      'Une modification faite sur cet appareil n’a pas pu être envoyée : ce document n’accepte plus vos modifications (il a été validé ou clos entre-temps, ou vos droits ont changé). Elle reste sur cet appareil ; ouvrez le document pour la relire et, s’il le faut, la signaler à la personne qui en a la charge.',
    unsentRefused_other:
      'Des modifications faites sur cet appareil n’ont pas pu être envoyées : ces {{count}} documents n’acceptent plus vos modifications (validés ou clos entre-temps, ou vos droits ont changé). Elles restent sur cet appareil ; ouvrez chaque document pour les relire et, s’il le faut, les signaler à la personne qui en a la charge.',
    unsentRefusedUnlisted: 'Un document sans titre de cet appareil',
    spaceTitle: 'Espace utilisé',
    space: '{{used}} utilisés, sur {{available}} que le navigateur accorde à Maillage.',
    spaceUnknown: 'Ce navigateur ne dit pas l’espace utilisé.',
    persisted: 'Le navigateur garde ces données même s’il manque de place.',
    notPersisted:
      'S’il manque de place, le navigateur peut effacer ces données (ce qui n’a pas encore été envoyé serait perdu).',
    persist: 'Demander au navigateur de les garder',
    persistRefused:
      'Le navigateur a refusé. Installer Maillage comme application, ou l’ajouter aux favoris, aide souvent.',
    closedTitle: 'Dossiers de coordination clos',
    closedHint:
      'Sur un petit téléphone, gardez seulement les dossiers clos récents. Les autres restent sur les appareils de vos collègues et s’ouvrent quand vous êtes en ligne.',
    closedLabel: 'Dossiers clos à garder sur cet appareil',
    keepAll: 'Tous',
    keepMonths: 'Ceux modifiés dans les {{count}} derniers mois',
    setAside_one: 'Un dossier clos plus ancien n’est pas gardé sur cet appareil.',
    setAside_other: '{{count}} dossiers clos plus anciens ne sont pas gardés sur cet appareil.',
    confirmTitle: 'Retirer des dossiers clos de cet appareil ?',
    confirmBody_one:
      'Un dossier clos quittera cet appareil. Il reste sur les appareils de vos collègues ; vous pourrez le rouvrir en ligne, ou revenir à « Tous » pour le retrouver ici.',
    confirmBody_other:
      '{{count}} dossiers clos quitteront cet appareil. Ils restent sur les appareils de vos collègues ; vous pourrez les rouvrir en ligne, ou revenir à « Tous » pour les retrouver ici.',
    confirm: 'Retirer de cet appareil',
    unsent:
      'Une modification faite ici sans réseau est d’abord envoyée : un dossier ne quitte l’appareil qu’une fois tout envoyé.',
    saved: 'Réglage enregistré.',
  },
};
