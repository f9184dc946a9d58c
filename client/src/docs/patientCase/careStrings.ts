// The case screens' French strings, added when their code loads (never on the first screen).
import { addScreenStrings } from '../../i18n/screenStrings';
import { frCareScreens } from '../../i18n/fr/careScreens';

addScreenStrings(frCareScreens);
