// The protocol screens' French strings, added when their code loads (never on the first screen).
import { addScreenStrings } from '../../i18n/screenStrings';
import { frProtocolScreens } from '../../i18n/fr/protocolScreens';

addScreenStrings(frProtocolScreens);
