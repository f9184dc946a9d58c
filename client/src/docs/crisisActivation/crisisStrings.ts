// The crisis screens' and banner's French strings, added when their code loads (never on the first screen).
import { addScreenStrings } from '../../i18n/screenStrings';
import { frCrisisScreens } from '../../i18n/fr/crisisScreens';

addScreenStrings(frCrisisScreens);
