// The concertation screens' French strings, added when their code loads (never on the first screen).
import { addScreenStrings } from '../../i18n/screenStrings';
import { frConcertationScreens } from '../../i18n/fr/concertationScreens';

addScreenStrings(frConcertationScreens);
