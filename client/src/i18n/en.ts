// English, second language: one file per French file, same keys (a missing key fails to compile). English loads on
// demand as a whole, so the parts a French file splits between the first screen and later screens merge here.
import type { Messages } from './fr';
import { enShell } from './en/shell';
import { enJoinScreens } from './en/joinScreens';
import { enPeople } from './en/people';
import { enPeopleScreens } from './en/peopleScreens';
import { enDocuments } from './en/documents';
import { enErrors } from './en/errors';
import { enCare } from './en/care';
import { enCareScreens } from './en/careScreens';
import { enDevice } from './en/device';
import { enDialog } from './en/dialog';
import { enProtocolScreens } from './en/protocolScreens';
import { enNavigation } from './en/navigation';
import { enConcertationScreens } from './en/concertationScreens';
import { enAdverseScreens } from './en/adverseScreens';
import { enDeviceScreen } from './en/deviceScreen';
import { enQualityScreens } from './en/qualityScreens';
import { enRcpScreens } from './en/rcpScreens';
import { enCrisisPlanScreens } from './en/crisisPlanScreens';
import { enCrisisScreens } from './en/crisisScreens';
import { enCrisisPlanStatus } from './en/crisisPlanStatus';

type Strings = { [key: string]: string | Strings };

function merge(into: Strings, from: Strings): Strings {
  for (const [key, value] of Object.entries(from)) {
    const present = into[key];
    into[key] = typeof value === 'string' || typeof present !== 'object' ? value : merge({ ...present }, value);
  }
  return into;
}

const parts: Strings[] = [
  enShell,
  enJoinScreens,
  enPeople,
  enPeopleScreens,
  enDocuments,
  enErrors,
  enCare,
  enCareScreens,
  enDevice,
  enDialog,
  enProtocolScreens,
  enNavigation,
  enConcertationScreens,
  enAdverseScreens,
  enDeviceScreen,
  enQualityScreens,
  enRcpScreens,
  enCrisisPlanScreens,
  enCrisisScreens,
  enCrisisPlanStatus,
];

export const en = parts.reduce(merge, {}) as Messages;
