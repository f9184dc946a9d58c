// The shell's French strings, added when the workspace's code loads (never on the list of workspaces).
import { addScreenStrings } from '../../i18n/screenStrings';
import { frNavigation } from '../../i18n/fr/navigation';

addScreenStrings(frNavigation);
