// English strings of the shared dialogs (every confirmation's way out).
import type { Widen } from '../fr';
import type { frDialog } from '../fr/dialog';

export const enDialog: Widen<typeof frDialog> = {
  dialog: {
    cancel: 'Cancel',
    close: 'Close',
  },
};
