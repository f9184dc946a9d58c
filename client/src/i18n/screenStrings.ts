// French strings that only some screens use join i18next when those screens' code loads (the screen imports a module
// that calls this), so they never weigh on the first screen. English loads on demand as a whole and has them all.
import { i18n } from './index';
import { withFrenchSpaces } from './frenchSpacing';

export function addScreenStrings(bundle: object): void {
  const add = () => i18n.addResourceBundle('fr', 'translation', withFrenchSpaces(bundle), true, false);
  // Screens are prefetched when the browser is idle, which may come before i18next has started.
  if (i18n.isInitialized) add();
  else i18n.on('initialized', add);
}
