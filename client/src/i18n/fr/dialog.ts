// French strings of the shared dialogs (every confirmation's way out).
export const frDialog = { dialog: { cancel: 'Annuler', close: 'Fermer' } };
