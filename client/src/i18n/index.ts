// i18next set-up: French first, English second, the choice remembered on the device; `lang` follows it.
// English loads on demand: French users (nearly all) never download it, and the first screen stays light.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { fr } from './fr';
import { withFrenchSpaces } from './frenchSpacing';

export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'maillage.lang';

function initialLanguage(): Language {
  const stored = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null;
  return stored === 'en' ? 'en' : 'fr';
}

async function loadLanguage(lang: Language): Promise<void> {
  if (lang === 'en' && !i18n.hasResourceBundle('en', 'translation'))
    i18n.addResourceBundle('en', 'translation', (await import('./en')).en);
}

/** Resolves once the remembered language can be shown: render after it, so nobody sees a flash of the other one. */
export const i18nReady: Promise<void> = (async () => {
  const lang = initialLanguage();
  await i18n.use(initReactI18next).init({
    resources: { fr: { translation: withFrenchSpaces(fr) } },
    lng: 'fr',
    fallbackLng: 'fr',
    interpolation: { escapeValue: false },
  });
  await loadLanguage(lang).catch(() => undefined);
  await i18n.changeLanguage(lang);
  // Unit tests of pure helpers import this module outside a browser.
  if (typeof document !== 'undefined') document.documentElement.lang = i18n.language;
})();

export async function setLanguage(lang: Language): Promise<void> {
  localStorage.setItem(STORAGE_KEY, lang);
  await loadLanguage(lang);
  await i18n.changeLanguage(lang);
  document.documentElement.lang = lang;
}

/** Dates as French primary care reads them: Europe/Paris, whatever the device's zone. */
// Building an Intl.DateTimeFormat costs far more than using one: a list of 1,000 dates shares one per language.
const formatters = new Map<string, Intl.DateTimeFormat>();

export function formatDate(iso: string, withTime = true): string {
  const key = `${i18n.language}:${withTime}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'fr-FR', {
      timeZone: 'Europe/Paris',
      dateStyle: 'medium',
      ...(withTime ? { timeStyle: 'short' } : {}),
    });
    formatters.set(key, formatter);
  }
  return formatter.format(new Date(iso));
}

export { i18n };
