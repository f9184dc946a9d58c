// The adverse-event screens' French strings, added when their code loads (never on the first screen).
import { addScreenStrings } from '../../i18n/screenStrings';
import { frAdverseScreens } from '../../i18n/fr/adverseScreens';

addScreenStrings(frAdverseScreens);
