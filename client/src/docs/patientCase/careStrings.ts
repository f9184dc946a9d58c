// The case screens' French strings join i18next when their code loads (importing this module), never on the first
// screen. English loads on demand as a whole and already has them.
import { i18n } from '../../i18n';
import { frCareScreens } from '../../i18n/fr/careScreens';

const add = () => i18n.addResourceBundle('fr', 'translation', frCareScreens, true, false);
// Screens are prefetched when the browser is idle, which may come before i18next has started.
if (i18n.isInitialized) add();
else i18n.on('initialized', add);
