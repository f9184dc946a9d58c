// Sizes as a person reads them: « 23,4 Mo », « 1,2 Go » in French.
export function formatBytes(bytes: number, language: string): string {
  const [value, unit] =
    bytes >= 1e9 ? [bytes / 1e9, 'gigabyte'] : bytes >= 1e6 ? [bytes / 1e6, 'megabyte'] : [bytes / 1e3, 'kilobyte'];
  return new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'fr-FR', {
    style: 'unit',
    unit,
    maximumFractionDigits: 1,
  }).format(value);
}
