// The fiche RCP's French strings, added when the concertation screen's code loads (never on the first screen).
import { addScreenStrings } from '../../../i18n/screenStrings';
import { frRcpScreens } from '../../../i18n/fr/rcpScreens';

addScreenStrings(frRcpScreens);
