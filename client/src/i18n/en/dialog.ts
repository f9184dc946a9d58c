// English strings of the shared dialogs.
import type { Messages } from '../fr';

export const enDialog: Pick<Messages, 'dialog'> = { dialog: { cancel: 'Cancel', close: 'Close' } };
