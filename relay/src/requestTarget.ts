// The one parser of an HTTP request target, for every route and the upgrade: null for what it cannot read, never a throw.

export interface RequestTarget {
  /** The path as sent, percent-encoded, dot segments resolved (room names are read from it). */
  pathname: string;
  /** The path percent-decoded (files are looked up with it). */
  path: string;
  query: URLSearchParams;
}

const BASE = 'http://relay';
const ABSOLUTE_FORM = /^https?:\/\//i;

/**
 * Reads origin-form (`/a?b`) and absolute-form (`http://host/a?b`) targets; anything else (`*`, `host:443`, `//`
 * read as a host, a bad percent-encoding, a NUL) is null. Origin-form is joined to a fixed base rather than resolved
 * against it, so `//x` stays a path instead of becoming a host.
 */
export function parseTarget(raw: string | undefined): RequestTarget | null {
  if (!raw) return null;
  const url = raw.startsWith('/') ? urlOf(BASE + raw) : ABSOLUTE_FORM.test(raw) ? urlOf(raw) : null;
  if (!url) return null;
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  return { pathname: url.pathname, path, query: url.searchParams };
}

/** The target without its query or fragment, cut short: what a log line may say about a request. */
export function loggablePath(raw: string | undefined): string {
  return (raw ?? '').split(/[?#]/, 1)[0]!.slice(0, 120);
}

function urlOf(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}
