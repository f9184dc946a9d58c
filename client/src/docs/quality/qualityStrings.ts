// The quality dashboard's French strings, added when its code loads (never on the first screen).
import { addScreenStrings } from '../../i18n/screenStrings';
import { frQualityScreens } from '../../i18n/fr/qualityScreens';

addScreenStrings(frQualityScreens);
