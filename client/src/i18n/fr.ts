// French, the source language: every user-visible string, by concern in fr/; English mirrors the keys.
import { frShell } from './fr/shell';
import { frPeople } from './fr/people';
import { frDocuments } from './fr/documents';
import { frErrors } from './fr/errors';
import { frCare } from './fr/care';
import { frDevice } from './fr/device';
import { frDialog } from './fr/dialog';
import type { frProtocolScreens } from './fr/protocolScreens';
import type { frPeopleScreens } from './fr/peopleScreens';
import type { frCareScreens } from './fr/careScreens';
import type { frNavigation } from './fr/navigation';
import type { frConcertationScreens } from './fr/concertationScreens';
import type { frJoinScreens } from './fr/joinScreens';
import type { frAdverseScreens } from './fr/adverseScreens';
import type { frDeviceScreen } from './fr/deviceScreen';
import type { frQualityScreens } from './fr/qualityScreens';
import type { frRcpScreens } from './fr/rcpScreens';
import type { frCrisisPlanScreens } from './fr/crisisPlanScreens';
import type { frCrisisScreens } from './fr/crisisScreens';
import type { frCrisisPlanStatus } from './fr/crisisPlanStatus';

/** The first screen's strings; the others join when their screen's code loads (screenStrings.ts). */
export const fr = {
  ...frShell,
  ...frPeople,
  ...frDocuments,
  ...frErrors,
  ...frCare,
  ...frDevice,
  ...frDialog,
};

export type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
/** Every French string, loaded first or with its screen: English must have them all (a missing key fails to compile). */
export type Messages = Widen<
  typeof fr &
    typeof frProtocolScreens &
    typeof frPeopleScreens &
    typeof frCareScreens &
    typeof frNavigation &
    typeof frConcertationScreens &
    typeof frJoinScreens &
    typeof frAdverseScreens &
    typeof frDeviceScreen &
    typeof frQualityScreens &
    typeof frRcpScreens &
    typeof frCrisisPlanScreens &
    typeof frCrisisScreens &
    typeof frCrisisPlanStatus
>;
