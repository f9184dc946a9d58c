// The people and access screens' French strings, added when their code loads (never on the first screen).
import { addScreenStrings } from '../i18n/screenStrings';
import { frPeopleScreens } from '../i18n/fr/peopleScreens';

addScreenStrings(frPeopleScreens);
