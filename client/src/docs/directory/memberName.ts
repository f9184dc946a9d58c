// A member's name as a screen shows it: « … » while the annuaire has not arrived on this device (a page just opened),
// `unknown` once it has and does not hold them; never their id.
export const LOADING_NAME = '…';

export const memberNameOr = (names: ReadonlyMap<string, string>, id: string, unknown: string): string =>
  names.get(id) || (names.size > 0 ? unknown : LOADING_NAME);
