// How long the app's tokens live, and the caps and clock skew every verifier holds them to (docs/decisions/0019).
export const DAY_SECONDS = 24 * 3600;

/** The creator's own token; the root key is on that device, so it can be re-issued whenever needed. */
export const OWN_TOKEN_DAYS = 365;
/** The validities a coordinator may choose for an invitation (the invitee's token). */
export const INVITATION_DAYS = [7, 30, 90] as const;
/** A second coordinator's delegated key: long-lived, revocable at any time (kind `delegation`). */
export const DELEGATION_DAYS = 3 * 365;

/**
 * Longest access token a verifier accepts (exp - iat). A member's token is their standing access until they are
 * re-invited, and the app issues a year at most (OWN_TOKEN_DAYS): a year and a month leaves room for that and no more.
 */
export const MAX_ACCESS_TOKEN_SECONDS = 400 * DAY_SECONDS;
/** Longest delegation accepted: the app issues three years (DELEGATION_DAYS); a month more, as for access tokens. */
export const MAX_DELEGATION_SECONDS = (DELEGATION_DAYS + 30) * DAY_SECONDS;
/**
 * How far in the future a token's `iat` may be: devices on NTP agree within seconds; five minutes (Kerberos' default)
 * forgives a badly set clock. A token issued further ahead is refused until that moment, then works.
 */
export const CLOCK_SKEW_SECONDS = 5 * 60;

/** Why a token's times are not acceptable at `now` (ms), or null: issued in the future, or living past `maxSeconds`. */
export function lifetimeProblem(
  claims: { iat: number; exp: number },
  now: number,
  maxSeconds: number,
): 'notYetValid' | 'malformed' | null {
  if (claims.iat > now / 1000 + CLOCK_SKEW_SECONDS) return 'notYetValid';
  if (claims.exp - claims.iat > maxSeconds) return 'malformed';
  return null;
}
