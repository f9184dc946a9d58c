// The crisis plan screens' French strings, added when their code loads (never on the first screen).
import { addScreenStrings } from '../../i18n/screenStrings';
import { frCrisisPlanScreens } from '../../i18n/fr/crisisPlanScreens';

addScreenStrings(frCrisisPlanScreens);
