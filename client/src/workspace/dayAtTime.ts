// « 3 déc. à 14 h 05 »: a day and a time as a French reader says them, in Europe/Paris whatever the device's zone.
export interface DayAtTime {
  day: string;
  month: string;
  hour: string;
  minute: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

export function dayAtTime(iso: string, lang: string): DayAtTime {
  const locale = lang === 'en' ? 'en-GB' : 'fr-FR';
  let formatter = formatters.get(locale);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, {
      timeZone: 'Europe/Paris',
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(locale, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return { day: parts.day ?? '', month: parts.month ?? '', hour: parts.hour ?? '', minute: parts.minute ?? '' };
}
