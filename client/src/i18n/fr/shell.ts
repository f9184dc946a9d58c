// French strings, the frame of the app: sync states, close reasons, profile, home, joining.
export const frShell = {
  app: { name: 'Maillage', tagline: 'L’espace de travail de votre CPTS', skip: 'Aller au contenu' },
  nav: { home: 'Accueil', catalogue: 'Catalogue', language: 'Langue', switchTo: 'English' },
  presence: { you: '(vous)' },
  sync: {
    synced: 'synchronisé',
    connecting: 'connexion…',
    offline: 'hors ligne — enregistré sur cet appareil',
    error: 'synchronisation refusée : {{reason}}',
    label: 'État de la synchronisation',
  },
  close: {
    malformedMessage: 'message illisible envoyé au serveur',
    unauthorized: 'invitation manquante ou invalide — demandez un nouveau lien au coordinateur',
    forbidden: 'vous n’avez pas accès à ce document',
    unknownRoom: 'document inconnu du serveur',
    tokenExpired: 'invitation expirée — demandez un nouveau lien au coordinateur',
    revoked: 'accès révoqué par le coordinateur',
    workspaceNotServed: 'ce serveur n’héberge pas cet espace de travail — demandez la bonne adresse au coordinateur',
    protocolVersion: 'version de Maillage trop ancienne — rechargez la page',
    messageTooLarge: 'modification trop volumineuse pour le serveur',
    epochChanged: 'document réécrit par le serveur — mise à jour de votre copie…',
    slowReader: 'connexion trop lente — nouvelle tentative bientôt',
    tooManyConnections: 'trop de documents ouverts à la fois sur vos appareils — nouvelle tentative bientôt',
    storeUnavailable: 'le serveur ne peut pas enregistrer — vos modifications restent sur cet appareil',
    roomUnavailable:
      'ce document ne peut pas être ouvert pour le moment — l’équipe technique est prévenue ; vos modifications restent sur cet appareil',
    quotaExceeded:
      'le serveur n’a plus de place pour cet espace de travail — vos modifications restent sur cet appareil ; prévenez le coordinateur',
    shuttingDown: 'le serveur redémarre — reconnexion…',
  },
  profile: {
    title: 'Qui êtes-vous ?',
    intro: 'Présentez-vous à vos collègues : votre nom et votre profession accompagnent votre curseur.',
    name: 'Votre nom',
    profession: 'Profession',
    choose: 'Choisissez…',
    submit: 'Continuer',
    nameRequired: 'Indiquez votre nom.',
    professionRequired: 'Choisissez votre profession.',
  },
  home: {
    territory: 'Territoire : communes couvertes (facultatif)',
    territoryPlaceholder: 'Brive-la-Gaillarde, Malemort, Ussel…',
    territoryHint: 'Séparées par des virgules ou une par ligne ; elles seront proposées dans l’annuaire.',
    title: 'Vos espaces de travail',
    unnamed: 'Espace de travail (nom pas encore reçu)',
    empty:
      'Aucun espace de travail sur cet appareil. Créez celui de votre CPTS, ou ouvrez le lien qu’un collègue vous a envoyé.',
    create: 'Créer un espace de travail',
    hostedAlready:
      'Ce serveur héberge déjà l’espace de travail de sa CPTS : il n’en accueille pas d’autre. Pour rejoindre un espace, ouvrez le lien d’invitation reçu.',
    name: 'Nom de l’espace de travail',
    namePlaceholder: 'CPTS du Val de Loire',
    submit: 'Créer l’espace de travail',
    creating: 'Création…',
    search: 'Rechercher un espace',
    joinedAt: 'rejoint le {{date}}',
  },
  join: {
    title: 'Rejoindre un espace de travail',
    notOnDevice:
      'Cet espace de travail n’est pas sur cet appareil. Ouvrez le lien d’invitation que le coordinateur vous a envoyé.',
    checking: 'Vérification de l’invitation…',
    expired: 'Cette invitation a expiré. Demandez un nouveau lien au coordinateur de votre CPTS.',
    invalid:
      'Ce lien d’invitation n’est pas valide (incomplet ou falsifié). Demandez un nouveau lien au coordinateur de votre CPTS.',
  },
  roles: {
    coordinator: 'Coordinateur·rice',
    member: 'Membre',
    observer: 'Observateur·rice (lecture seule)',
    readOnly: 'Vous êtes observateur·rice : vous pouvez lire, pas modifier.',
  },
  screenError: {
    title: 'Cet écran n’a pas pu s’ouvrir',
    offline:
      'Son code n’est pas encore sur cet appareil et le réseau est coupé. Reconnectez-vous puis réessayez : les écrans déjà visités restent disponibles hors ligne.',
    failed: 'Une erreur inattendue est survenue en affichant cet écran.',
    nothingLost: 'Rien de ce que vous avez saisi n’est perdu : tout est enregistré sur cet appareil.',
    retry: 'Réessayer',
    home: 'Retour à l’accueil',
  },
};
