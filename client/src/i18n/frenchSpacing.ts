// French typography: no line may start with « : ; ? ! » or a closing guillemet, so the space before them (and after
// an opening guillemet) does not break. Applied to the French strings once, when they join i18next.

const NO_BREAK = '\u00a0';
const NARROW_NO_BREAK = '\u202f';

/** One string with its spaces before « : » « » » and after « « » made no-break, and before « ; ? ! » narrow no-break. */
export function frenchSpaces(text: string): string {
  return text
    .replace(/ ([:»])/g, `${NO_BREAK}$1`)
    .replace(/« /g, `«${NO_BREAK}`)
    .replace(/ ([;?!])/g, `${NARROW_NO_BREAK}$1`);
}

/** Every string of a bundle of messages, nested or in arrays, with French spaces; anything else as it was. */
export function withFrenchSpaces<T>(messages: T): T {
  if (typeof messages === 'string') return frenchSpaces(messages) as T;
  if (Array.isArray(messages)) return messages.map((m: unknown) => withFrenchSpaces(m)) as T;
  if (messages && typeof messages === 'object')
    return Object.fromEntries(
      Object.entries(messages).map(([key, value]: [string, unknown]) => [key, withFrenchSpaces(value)]),
    ) as T;
  return messages;
}
