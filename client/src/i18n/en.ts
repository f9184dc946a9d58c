// English, second language: same keys as French (the type makes a missing key a compile error).
import type { Messages } from './fr';
import { enShell } from './en/shell';
import { enPeople } from './en/people';
import { enDocuments } from './en/documents';
import { enErrors } from './en/errors';
import { enCare } from './en/care';
import { enDevice } from './en/device';
import { enProtocolScreens } from './en/protocolScreens';
import { enNavigation } from './en/navigation';
import { enDialog } from './en/dialog';
import { enConcertationScreens } from './en/concertationScreens';
import { enAdverseScreens } from './en/adverseScreens';

export const en: Messages = {
  ...enShell,
  ...enPeople,
  ...enDocuments,
  ...enErrors,
  ...enProtocolScreens,
  ...enCare,
  ...enDevice,
  ...enNavigation,
  ...enDialog,
  ...enConcertationScreens,
  ...enAdverseScreens,
};
