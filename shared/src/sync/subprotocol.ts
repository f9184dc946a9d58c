// The WebSocket subprotocols a client offers: the relay's name, and its access token, so the token stays out of URLs.

/** The subprotocol the relay selects in its handshake: the only one it ever names, never the token. */
export const SYNC_SUBPROTOCOL = 'maillage';
const TOKEN_PREFIX = `${SYNC_SUBPROTOCOL}.token.`;
/** A JWT's characters (base64url and dots) are all valid in a subprotocol (an RFC 7230 token). */
const JWT_CHARS = /^[\w-]+(\.[\w-]+)*$/;

/** What a client passes as `protocols` (y-websocket's option, or the WebSocket constructor's second argument). */
export function syncProtocols(token: string): string[] {
  return JWT_CHARS.test(token) ? [SYNC_SUBPROTOCOL, TOKEN_PREFIX + token] : [SYNC_SUBPROTOCOL];
}

/** The token in a `Sec-WebSocket-Protocol` header, if one is offered. */
export function tokenOfProtocols(header: string | undefined): string | null {
  for (const offered of (header ?? '').split(',')) {
    const protocol = offered.trim();
    if (protocol.startsWith(TOKEN_PREFIX) && protocol.length > TOKEN_PREFIX.length)
      return protocol.slice(TOKEN_PREFIX.length);
  }
  return null;
}
