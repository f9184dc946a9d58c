// « Mon appareil »'s French strings, added when its code loads (never on the first screen).
import { addScreenStrings } from '../../i18n/screenStrings';
import { frDeviceScreen } from '../../i18n/fr/deviceScreen';

addScreenStrings(frDeviceScreen);
