// A number as a French user types it: « 5 000 », « 12,5 », « 1 500,00 € ». Anything else, or nothing, is NaN, which
// the shared schemas refuse with their French message.
export function parseNumber(text: string): number {
  const cleaned = text.replace(/[\s\u00a0\u202f€%]/g, '').replace(',', '.');
  return /^\d+(\.\d+)?$/.test(cleaned) ? Number(cleaned) : Number.NaN;
}
