// The first screen's and the invitation page's French strings, added when their code loads (never for a member who
// already has a workspace).
import { addScreenStrings } from '../i18n/screenStrings';
import { frJoinScreens } from '../i18n/fr/joinScreens';

addScreenStrings(frJoinScreens);
